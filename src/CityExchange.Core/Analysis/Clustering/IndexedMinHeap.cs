namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// A binary min-heap of the items 0…n−1, each with a key that can move up or down in place (which
/// <see cref="PriorityQueue{TElement, TPriority}"/> cannot do). Keys compare by value, then by the lower item, so that the
/// top is deterministic when values are equal.
/// </summary>
internal sealed class IndexedMinHeap
{
    private readonly int[] _heap;
    private readonly int[] _position;
    private readonly double[] _key;

    public IndexedMinHeap(int capacity)
    {
        _heap = new int[capacity];
        _position = new int[capacity];
        _key = new double[capacity];
        Array.Fill(_position, -1);
    }

    public int Count { get; private set; }

    public int Top => _heap[0];

    public double KeyOf(int item) => _key[item];

    public bool Contains(int item) => _position[item] >= 0;

    /// <summary>Adds <paramref name="item"/> or moves it to its new key.</summary>
    public void Set(int item, double key)
    {
        _key[item] = key;
        var at = _position[item];
        if (at < 0)
        {
            at = Count++;
            _heap[at] = item;
            _position[item] = at;
        }

        SiftDown(SiftUp(at));
    }

    public void Remove(int item)
    {
        var at = _position[item];
        if (at < 0)
        {
            return;
        }

        _position[item] = -1;
        Count--;
        if (at == Count)
        {
            return;
        }

        var last = _heap[Count];
        _heap[at] = last;
        _position[last] = at;
        SiftDown(SiftUp(at));
    }

    private bool Before(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && a < b);

    private int SiftUp(int at)
    {
        var item = _heap[at];
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Before(item, _heap[parent]))
            {
                break;
            }

            Place(_heap[parent], at);
            at = parent;
        }

        Place(item, at);
        return at;
    }

    private void SiftDown(int at)
    {
        var item = _heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], item))
            {
                break;
            }

            Place(_heap[child], at);
            at = child;
        }

        Place(item, at);
    }

    private void Place(int item, int at)
    {
        _heap[at] = item;
        _position[item] = at;
    }
}
