namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// The merges as an algorithm finds them, then numbered as SciPy numbers them in the order they are output. The
/// algorithms keep each cluster in a slot (a merged pair lives on in one of its two slots); the log knows which tree
/// node each slot holds, so it can name both sides of a merge.
/// </summary>
internal sealed class MergeLog
{
    private readonly int _leafCount;
    private readonly int[] _nodeInSlot;
    private readonly int[] _sizeInSlot;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _lowerSlot;
    private readonly int[] _upperSlot;
    private readonly double[] _dissimilarity;
    private readonly double[] _height;
    private readonly int[] _size;
    private int _count;

    public MergeLog(int leafCount)
    {
        _leafCount = leafCount;
        _nodeInSlot = new int[leafCount];
        _sizeInSlot = new int[leafCount];
        for (var i = 0; i < leafCount; i++)
        {
            _nodeInSlot[i] = i;
            _sizeInSlot[i] = 1;
        }

        var merges = Math.Max(0, leafCount - 1);
        _left = new int[merges];
        _right = new int[merges];
        _lowerSlot = new int[merges];
        _upperSlot = new int[merges];
        _dissimilarity = new double[merges];
        _height = new double[merges];
        _size = new int[merges];
    }

    /// <summary>
    /// The clusters in slots <paramref name="a"/> and <paramref name="b"/> merged at <paramref name="height"/>, the
    /// reported form of <paramref name="dissimilarity"/>, the value the algorithm compared (a squared distance for
    /// Ward, say); the union now lives in <paramref name="into"/>.
    /// </summary>
    public void Add(int a, int b, int into, double dissimilarity, double height)
    {
        var i = _count++;
        _left[i] = _nodeInSlot[a];
        _right[i] = _nodeInSlot[b];
        _lowerSlot[i] = Math.Min(a, b);
        _upperSlot[i] = Math.Max(a, b);
        _dissimilarity[i] = dissimilarity;
        _height[i] = height;
        _size[i] = _sizeInSlot[a] + _sizeInSlot[b];
        _nodeInSlot[into] = _leafCount + i;
        _sizeInSlot[into] = _size[i];
    }

    /// <summary>The merges in the order they were found (the primitive algorithm's order; heights may decrease).</summary>
    public Dendrogram InFoundOrder()
    {
        var merges = new Merge[_count];
        for (var i = 0; i < _count; i++)
        {
            merges[i] = new Merge(Math.Min(_left[i], _right[i]), Math.Max(_left[i], _right[i]), _height[i], _size[i]);
        }

        return new Dendrogram(_leafCount, merges);
    }

    /// <summary>
    /// The merges by increasing height, for the nearest-neighbour chain, which finds them out of order. They come out
    /// as the primitive algorithm would merge them: by dissimilarity (the value compared, which two heights can share
    /// after a square root), a merge after the merges that made its clusters, then by slots (lower, then upper). A merge
    /// is never reported below a merge it contains: the reducible linkages cannot go lower, so a difference there is
    /// rounding, and the merge is raised to its child's.
    /// </summary>
    public Dendrogram ByHeight()
    {
        var n = _leafCount;
        var parent = new int[n + _count];
        var waiting = new int[_count];
        var queue = new PriorityQueue<int, (double Dissimilarity, int Lower, int Upper)>(_count);
        for (var i = 0; i < _count; i++)
        {
            foreach (var child in (ReadOnlySpan<int>)[_left[i], _right[i]])
            {
                parent[child] = i;
                if (child >= n)
                {
                    waiting[i]++;
                    if (_dissimilarity[i] < _dissimilarity[child - n])
                    {
                        _dissimilarity[i] = _dissimilarity[child - n];
                        _height[i] = _height[child - n];
                    }
                }
            }

            if (waiting[i] == 0)
            {
                queue.Enqueue(i, (_dissimilarity[i], _lowerSlot[i], _upperSlot[i]));
            }
        }

        // node[f]: the SciPy number of the node the log numbered f.
        var node = new int[n + _count];
        for (var leaf = 0; leaf < n; leaf++)
        {
            node[leaf] = leaf;
        }

        var merges = new Merge[_count];
        for (var output = 0; output < _count; output++)
        {
            var i = queue.Dequeue();
            node[n + i] = n + output;
            int left = node[_left[i]], right = node[_right[i]];
            merges[output] = new Merge(Math.Min(left, right), Math.Max(left, right), _height[i], _size[i]);
            if (output < _count - 1 && --waiting[parent[n + i]] == 0)
            {
                var next = parent[n + i];
                queue.Enqueue(next, (_dissimilarity[next], _lowerSlot[next], _upperSlot[next]));
            }
        }

        return new Dendrogram(n, merges);
    }
}
