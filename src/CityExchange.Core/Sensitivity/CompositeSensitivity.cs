using CityExchange.Core.Scoring;
using MathNet.Numerics.Random;

namespace CityExchange.Core.Sensitivity;

/// <summary>
/// Variance-based sensitivity of a ranking to its construction choices, as COINr's <c>get_sensitivity</c> with
/// <c>SA_type = "SA"</c>: every choice is a discrete input (the weights one too: one of a list of noisy weight vectors,
/// as COINr's vignette feeds <c>get_noisy_weights</c> to it), a <see cref="SaltelliDesign"/> of N·(k + 2) runs of the
/// <see cref="CompositeModel"/>, and <see cref="SobolEstimator"/>'s indices of the output (by default the mean absolute
/// rank shift against the nominal ranking). Also each city's rank band over the A and B runs (COINr's <c>RankStats</c>).
/// </summary>
public static class CompositeSensitivity
{
    /// <exception cref="AnalysisTooLargeException">More runs than <see cref="UncertaintyLimits.CheckSensitivity"/> allows for the cities.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CompositeSensitivityResult Run(
        IndicatorMatrix matrix, CompositeSensitivityOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CompositeSensitivityOptions();
        if (UncertaintyLimits.CheckSensitivity(options.Sobol.Samples, options.Inputs.Count, matrix.CityCount) is { } tooMany)
        {
            throw new AnalysisTooLargeException(tooMany);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = new CompositeModel(matrix, options, cancellationToken);
        var n = matrix.CityCount;
        var k = model.Inputs.Count;
        var banded = 2 * options.Sobol.Samples;
        // The rank bands' memory is n·min(n, 2N): rank histograms (city-major, n × n) when there are fewer cities
        // than banded runs, else each banded run's ranks (run-major, 2N × n) — never n² for 20,000 cities.
        var byHistogram = n <= banded;
        var histogram = byHistogram ? new int[n * n] : [];
        var runRanks = byHistogram ? [] : new int[banded * n];
        var indices = SobolAnalysis.Run(model.Inputs, (rows, firstRow, outputs) =>
        {
            for (var r = 0; r < outputs.Length; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outputs[r] = model.Evaluate(rows.Slice(r * k, k));
                var run = firstRow + r;
                if (run >= banded)
                {
                    continue;
                }

                var ranks = model.LastRanks;
                if (!byHistogram)
                {
                    ranks.CopyTo(runRanks.AsSpan(run * n, n));
                    continue;
                }

                for (var c = 0; c < n; c++)
                {
                    if (ranks[c] > 0)
                    {
                        histogram[(c * n) + ranks[c] - 1]++;
                    }
                }
            }
        }, options.Sobol, progress, cancellationToken);

        var bands = new RankBand[n];
        var cityRanks = byHistogram ? [] : new int[banded];
        for (var c = 0; c < n; c++)
        {
            if (byHistogram)
            {
                bands[c] = Band(model.NominalRanks[c], histogram.AsSpan(c * n, n));
                continue;
            }

            var count = 0;
            for (var run = 0; run < banded; run++)
            {
                if (runRanks[(run * n) + c] is var rank and > 0)
                {
                    cityRanks[count++] = rank;
                }
            }

            Array.Sort(cityRanks, 0, count);
            bands[c] = BandFromSorted(model.NominalRanks[c], cityRanks.AsSpan(0, count));
        }

        return new CompositeSensitivityResult(indices, options.Output, model.NominalRanks, bands, model.WeightSets);
    }

    /// <summary>The default alternatives of an indicator-level choice, in the order the API lists them.</summary>
    public static IReadOnlyList<ScoringAlternative> DefaultAlternatives(UncertainChoice choice) => choice switch
    {
        UncertainChoice.Method =>
            [.. NormalisationMethods.All.OrderBy(m => m switch { NormalisationMethod.MinMax => 0, NormalisationMethod.ZScore => 1, _ => 2 })
                .Select(m => new ScoringAlternative(m.Code(), o => o with { Method = m }))],
        UncertainChoice.Aggregation => [.. AggregationMethods.All.Select(a => new ScoringAlternative(a.Code(), o => o with { Aggregation = a }))],
        UncertainChoice.Missing => [.. MissingDataTreatments.All.Select(t => new ScoringAlternative(t.Code(), o => o with { Missing = t }))],
        UncertainChoice.Winsorise => [.. Winsorisations.All.Select(w => new ScoringAlternative(w.Code(), o => o with { Winsorise = w }))],
        _ => throw new ArgumentException("The weights and coverage inputs have no fixed scoring alternatives.", nameof(choice)),
    };

    /// <summary>
    /// The options a combination of alternatives stands for. The geometric mean needs scores above −1 (it takes
    /// ln(1 + s)) and z-scores go below, so geometric aggregation with z-scores is taken as arithmetic: the design stays
    /// a full factorial of independent inputs, and the aggregation input simply has no effect when the method is
    /// zscore (its total index then counts that interaction). COINr would fail such a run instead.
    /// </summary>
    public static ScoringOptions Resolve(ScoringOptions options) =>
        options.Method == NormalisationMethod.ZScore && options.Aggregation == AggregationMethod.Geometric
            ? options with { Aggregation = AggregationMethod.Arithmetic }
            : options;

    /// <summary>
    /// <paramref name="count"/> noisy copies of the domain weights, as COINr's <c>get_noisy_weights</c>:
    /// w_d·(1 + (2u − 1)·spread) with u uniform on [0, 1) per domain, then renormalised to sum to 1
    /// (a domain weighted 0 stays 0).
    /// </summary>
    public static double[][] NoisyWeights(IReadOnlyList<double> nominal, double spread, int count, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var sets = new double[count][];
        for (var r = 0; r < count; r++)
        {
            var w = new double[nominal.Count];
            var sum = 0.0;
            for (var d = 0; d < w.Length; d++)
            {
                w[d] = nominal[d] * (1 + (((2 * random.NextDouble()) - 1) * spread));
                sum += w[d];
            }

            for (var d = 0; d < w.Length; d++)
            {
                w[d] /= sum;
            }

            sets[r] = w;
        }

        return sets;
    }

    /// <summary>Mean, median, 5th and 95th percentiles of ranks given as counts per rank (index r − 1).</summary>
    internal static RankBand Band(int nominal, ReadOnlySpan<int> counts)
    {
        long total = 0;
        double sum = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            total += counts[r];
            sum += (double)counts[r] * (r + 1);
        }

        if (total == 0)
        {
            return new RankBand(nominal, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new RankBand(nominal, sum / total, Quantile(counts, total, 0.5), Quantile(counts, total, 0.05), Quantile(counts, total, 0.95));
    }

    /// <summary>
    /// <see cref="Band"/> from the ranks themselves, ascending: the same sums and R-7 interpolations in the same order
    /// (a sum of whole ranks is exact), so the same bits.
    /// </summary>
    internal static RankBand BandFromSorted(int nominal, ReadOnlySpan<int> sorted)
    {
        if (sorted.Length == 0)
        {
            return new RankBand(nominal, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double sum = 0;
        foreach (var rank in sorted)
        {
            sum += rank;
        }

        return new RankBand(nominal, sum / sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.05), Quantile(sorted, 0.95));

        static double Quantile(ReadOnlySpan<int> sorted, double p)
        {
            long total = sorted.Length;
            var h = (total - 1) * p;
            var lower = (long)Math.Floor(h);
            double low = sorted[(int)lower];
            return lower + 1 < total ? low + ((h - lower) * (sorted[(int)lower + 1] - low)) : low;
        }
    }

    /// <summary>R-7: with the sorted values x_0…x_{m−1}, h = (m − 1)·p and x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).</summary>
    private static double Quantile(ReadOnlySpan<int> counts, long total, double p)
    {
        var h = (total - 1) * p;
        var lower = (long)Math.Floor(h);
        var low = SortedValue(counts, lower);
        return lower + 1 < total ? low + ((h - lower) * (SortedValue(counts, lower + 1) - low)) : low;
    }

    private static int SortedValue(ReadOnlySpan<int> counts, long position)
    {
        long seen = 0;
        for (var r = 0; r < counts.Length; r++)
        {
            seen += counts[r];
            if (seen > position)
            {
                return r + 1;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
