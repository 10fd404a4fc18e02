namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// Each slot's cluster as its centroid and size: one flat row-major array, O(n·d) memory, the only state Ward and
/// centroid linkage need (Müllner 2011, §2.2: both distances follow from centroids and sizes); single linkage keeps its
/// points outside the spanning tree in one. The distance loops are written out here, on contiguous memory, rather than
/// through MathNet's array-per-point <c>Distance</c>: they are the whole cost of clustering.
/// </summary>
internal sealed class Centroids
{
    private readonly double[] _coordinates;
    private readonly int[] _size;

    public Centroids(IReadOnlyList<double[]> points, int dimensions)
    {
        Count = points.Count;
        Dimensions = dimensions;
        _coordinates = new double[Count * dimensions];
        for (var i = 0; i < Count; i++)
        {
            points[i].CopyTo(_coordinates, i * dimensions);
        }

        _size = new int[Count];
        Array.Fill(_size, 1);
    }

    public int Count { get; }

    public int Dimensions { get; }

    public int Size(int slot) => _size[slot];

    public ReadOnlySpan<double> Of(int slot) => _coordinates.AsSpan(slot * Dimensions, Dimensions);

    public double SquaredDistance(int a, int b) => SquaredDistance(Of(a), b);

    public double SquaredDistance(ReadOnlySpan<double> from, int b)
    {
        var to = _coordinates.AsSpan(b * Dimensions, Dimensions);
        if (from.Length == 4 && to.Length == 4)
        {
            // The four domain scores, the usual case: unrolled, the same sum in the same order as the loop below.
            double t0 = from[0] - to[0], t1 = from[1] - to[1], t2 = from[2] - to[2], t3 = from[3] - to[3];
            return (t0 * t0) + (t1 * t1) + (t2 * t2) + (t3 * t3);
        }

        var sum = 0.0;
        for (var k = 0; k < from.Length; k++)
        {
            var t = from[k] - to[k];
            sum += t * t;
        }

        return sum;
    }

    /// <summary>Copies slot <paramref name="from"/> (its centroid and size) over slot <paramref name="to"/>.</summary>
    public void Move(int from, int to)
    {
        Of(from).CopyTo(_coordinates.AsSpan(to * Dimensions, Dimensions));
        _size[to] = _size[from];
    }

    /// <summary>
    /// Merges slot <paramref name="a"/> into slot <paramref name="b"/>: the size-weighted mean, written as a step from b
    /// towards a so that equal centroids (duplicate points) stay exactly equal.
    /// </summary>
    public void Merge(int a, int b)
    {
        var from = _coordinates.AsSpan(a * Dimensions, Dimensions);
        var into = _coordinates.AsSpan(b * Dimensions, Dimensions);
        var weight = (double)_size[a] / (_size[a] + _size[b]);
        for (var k = 0; k < into.Length; k++)
        {
            into[k] += (from[k] - into[k]) * weight;
        }

        _size[b] += _size[a];
    }
}
