namespace CityExchange.Core.Analysis.Clustering;

/// <summary>
/// Ward's method on centroids: d²(A, B) = 2·|A|·|B| / (|A| + |B|) · ‖c(A) − c(B)‖², the squared distance in the
/// convention of SciPy (and of the Lance–Williams form on squared Euclidean distances: two points are at their squared
/// distance), reported as its square root.
/// </summary>
internal readonly struct WardLinkage(Centroids centroids) : IReducibleLinkage
{
    public int Nearest(int a, ReadOnlySpan<int> active, out double dissimilarity)
    {
        var from = centroids.Of(a);
        double sizeA = centroids.Size(a);
        // The factor 2|A||X|/(|A|+|X|) grows with |X|, so it is at least its value for |X| = 1; rounding keeps that
        // order, so a candidate whose squared distance times that least factor is not below the best cannot win, and
        // the division is skipped for most candidates without changing any result.
        var least = 2 * sizeA / (sizeA + 1);
        var nearest = -1;
        dissimilarity = double.PositiveInfinity;
        foreach (var x in active)
        {
            if (x == a)
            {
                continue;
            }

            var squared = centroids.SquaredDistance(from, x);
            if (least * squared >= dissimilarity)
            {
                continue;
            }

            double sizeX = centroids.Size(x);
            var d = 2 * sizeA * sizeX / (sizeA + sizeX) * squared;
            if (d < dissimilarity || nearest < 0)
            {
                dissimilarity = d;
                nearest = x;
            }
        }

        return nearest;
    }

    public void Merge(int a, int b, ReadOnlySpan<int> active) => centroids.Merge(a, b);

    public double Height(double dissimilarity) => Math.Sqrt(dissimilarity);
}
