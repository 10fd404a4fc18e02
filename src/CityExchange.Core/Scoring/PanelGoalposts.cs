using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Goalposts across all years ("panel" scale): for each indicator, all years' values pooled — after the same
/// coverage screen, imputation and winsorisation as the scored year — giving min/max (min–max), mean/sample SD (z-score) and the pooled
/// sorted values (rank score: 100·(1 + number of pooled values below x)/pool size). The pool must include the year
/// being scored, so that its scores stay within the scale.
/// </summary>
public sealed class PanelGoalposts
{
    private readonly double[][] _pools;

    private PanelGoalposts(IndicatorFramework framework, double[][] pools)
    {
        Framework = framework;
        _pools = pools;
        Min = new double[pools.Length];
        Max = new double[pools.Length];
        Mean = new double[pools.Length];
        StandardDeviation = new double[pools.Length];
        for (var j = 0; j < pools.Length; j++)
        {
            var pool = pools[j];
            Min[j] = pool.Length > 0 ? pool[0] : double.NaN;
            Max[j] = pool.Length > 0 ? pool[^1] : double.NaN;
            (Mean[j], StandardDeviation[j]) = pool.Length >= 2 ? ZScoreNormaliser.MeanStandardDeviation(pool) : (double.NaN, double.NaN);
        }
    }

    public IndicatorFramework Framework { get; }

    public double[] Min { get; }

    public double[] Max { get; }

    public double[] Mean { get; }

    public double[] StandardDeviation { get; }

    public int Count(int indicator) => _pools[indicator].Length;

    /// <summary>The pooled values of one indicator, ascending.</summary>
    public ReadOnlySpan<double> Pool(int indicator) => _pools[indicator];

    /// <summary>Pools every year's treated values (imputation and winsorisation as in <paramref name="options"/>).</summary>
    public static PanelGoalposts From(IEnumerable<IndicatorMatrix> years, ScoringOptions options)
    {
        IndicatorFramework? framework = null;
        List<double>[]? pools = null;
        foreach (var year in years)
        {
            framework ??= year.Framework;
            if (year.Framework.Count != framework.Count)
            {
                throw new ArgumentException("Every year must use the same framework.", nameof(years));
            }

            pools ??= [.. Enumerable.Range(0, framework.Count).Select(_ => new List<double>())];
            var cells = year.Values.Length;
            // Each year screened by the coverage threshold as when it is scored, so a screened-out city sets no goalpost.
            int[] excluded = [];
            var screened = options.MinCoverage > 0 ? CoverageScreen.Mask(year, DataAvailability.Coverage(year), options.MinCoverage, out excluded) : year;
            var treated = DataTreatment.Apply(screened, options, new bool[cells], new bool[cells], excluded, null);
            for (var j = 0; j < framework.Count; j++)
            {
                foreach (var x in treated.Column(j))
                {
                    if (!double.IsNaN(x))
                    {
                        pools[j].Add(x);
                    }
                }
            }
        }

        if (framework is null || pools is null)
        {
            throw new ArgumentException("Panel goalposts need at least one year.", nameof(years));
        }

        var sorted = new double[pools.Length][];
        for (var j = 0; j < pools.Length; j++)
        {
            sorted[j] = [.. pools[j]];
            Array.Sort(sorted[j]);
        }

        return new PanelGoalposts(framework, sorted);
    }
}
