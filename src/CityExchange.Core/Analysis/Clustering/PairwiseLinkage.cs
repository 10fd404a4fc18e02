using MathNet.Numerics;

namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// Average or complete linkage on the condensed matrix of all n(n−1)/2 distances (as SciPy's <c>pdist</c>), updated
/// in place by Lance–Williams: O(n²) memory, which is why these two linkages have a size limit
/// (<see cref="HierarchicalClustering.PairwiseLimit"/>).
/// </summary>
internal readonly struct PairwiseLinkage : IReducibleLinkage
{
    private readonly double[] _distances;
    private readonly int[] _size;
    private readonly int _count;
    private readonly bool _complete;

    public PairwiseLinkage(IReadOnlyList<double[]> points, Linkage linkage, CancellationToken cancellationToken)
    {
        _count = points.Count;
        _complete = linkage == Linkage.Complete;
        _distances = new double[(long)_count * (_count - 1) / 2];
        for (var i = 0; i < _count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = RowStart(i);
            for (var j = i + 1; j < _count; j++)
            {
                _distances[row + j] = Distance.Euclidean(points[i], points[j]);
            }
        }

        _size = new int[_count];
        Array.Fill(_size, 1);
    }

    public int Nearest(int a, ReadOnlySpan<int> active, out double dissimilarity)
    {
        var nearest = -1;
        dissimilarity = double.PositiveInfinity;
        var rowA = RowStart(a);
        foreach (var x in active)
        {
            if (x == a)
            {
                continue;
            }

            var d = _distances[x < a ? RowStart(x) + a : rowA + x];
            if (d < dissimilarity || nearest < 0)
            {
                dissimilarity = d;
                nearest = x;
            }
        }

        return nearest;
    }

    public void Merge(int a, int b, ReadOnlySpan<int> active)
    {
        double sizeA = _size[a], sizeB = _size[b];
        foreach (var k in active)
        {
            if (k == a || k == b)
            {
                continue;
            }

            ref var kb = ref _distances[Index(k, b)];
            var ka = _distances[Index(k, a)];
            kb = _complete ? Math.Max(ka, kb) : ((sizeA * ka) + (sizeB * kb)) / (sizeA + sizeB);
        }

        _size[b] += _size[a];
    }

    public double Height(double dissimilarity) => dissimilarity;

    private int Index(int i, int j) => i < j ? RowStart(i) + j : RowStart(j) + i;

    /// <summary>Where row i of the condensed matrix would start if it had its first i+1 entries: the entry (i, j) is at RowStart(i) + j.</summary>
    private int RowStart(int i) => (int)(((long)i * ((2 * _count) - i - 1) / 2) - i - 1);
}
