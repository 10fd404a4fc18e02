using CityExchange.Core.Framework;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Scoring;

public enum WeightSampling
{
    /// <summary>Dirichlet around the chosen weights: α_d = κ·w_d/Σw (domains weighted 0 stay 0).</summary>
    Dirichlet,

    /// <summary>Each weight times an independent uniform factor in [1 − spread, 1 + spread], then renormalised.</summary>
    Uniform,
}

/// <summary>Settings of the Monte Carlo rank-uncertainty analysis.</summary>
public sealed record UncertaintyOptions
{
    public const int DefaultSamples = 1000;

    public const int DefaultSeed = 1;

    public const double DefaultConcentration = 35;

    public const double DefaultUniformSpread = 0.5;

    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Seed of the Mersenne Twister; the same seed gives the same result.</summary>
    public int Seed { get; init; } = DefaultSeed;

    public WeightSampling Sampling { get; init; } = WeightSampling.Dirichlet;

    /// <summary>Dirichlet concentration κ: larger is tighter around the chosen weights (SD of a 0.25 weight ≈ 0.07 at κ = 35).</summary>
    public double Concentration { get; init; } = DefaultConcentration;

    /// <summary>Half-width of the uniform factor (0.5 = ±50 %).</summary>
    public double UniformSpread { get; init; } = DefaultUniformSpread;
}

/// <summary>A city's rank under the chosen weights and the median and 5th–95th percentiles of its sampled ranks; NaN when unranked.</summary>
public readonly record struct RankInterval(int Rank, double Median, double P05, double P95);

/// <summary>A city's best and worst rank over a grid of domain weights.</summary>
public readonly record struct RankRange(int Best, int Worst);

/// <summary>Best and worst ranks and how many weight vectors were tried.</summary>
public sealed record RankBounds(int Points, double Step, RankRange[] Cities);

/// <summary>
/// Rank uncertainty in the manner of the OECD/JRC Handbook on Constructing Composite Indicators (2008), step 7:
/// the domain scores are computed once per normalisation alternative, then each sample draws domain weights (and,
/// when several alternatives are given, one of them uniformly) and only re-aggregates and re-ranks. Percentiles use
/// the inverse of the empirical distribution, so they are ranks themselves.
/// </summary>
public static class RankUncertainty
{
    /// <summary>
    /// The least weight a domain with a positive nominal weight gets in a sample. A Dirichlet weight is never 0, but
    /// one below ~1e-308 is 0 in a double; kept at this floor instead, a city without a score in the domains that took
    /// (nearly) all the weight is still scored from its others, as under any positive weights. Too small to move the
    /// score of a city that has the dominant domains.
    /// </summary>
    public const double MinimumWeight = 1e-300;

    /// <summary>Samples whose ranks are gathered before they are spread over the cities' rows.</summary>
    private const int RankBlock = 16;

    /// <summary>Ranks spanned beyond 4 × samples up to which <see cref="Quantiles"/> counts rather than selects.</summary>
    private const int QuantileCountingSlack = 64;

    private static readonly double[] QuantileLevels = [0.05, 0.5, 0.95];

    /// <summary>
    /// Runs the analysis. <paramref name="domainScoreSets"/> are domain-major arrays (4 × <paramref name="cityCount"/>),
    /// one per normalisation alternative; the first gives the nominal rank. Each sample checks
    /// <paramref name="cancellationToken"/>.
    /// </summary>
    /// <exception cref="InvalidWeightException">A domain weight is not finite or negative.</exception>
    /// <exception cref="AnalysisTooLargeException">More samples than <see cref="UncertaintyLimits.MaxSamplesFor"/> the cities.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RankInterval[] Run(
        IReadOnlyList<double[]> domainScoreSets, int cityCount, IReadOnlyList<double> domainWeights,
        AggregationMethod aggregation, UncertaintyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Concentration);
        if (domainScoreSets.Count == 0 || domainWeights.Count != Domains.Count)
        {
            throw new ArgumentException("Give at least one set of domain scores and four domain weights.", nameof(domainScoreSets));
        }

        ScoringWeights.EnsureUsableDomainWeights(domainWeights);
        if (UncertaintyLimits.CheckSamples(options.Samples, cityCount) is { } tooMany)
        {
            throw new AnalysisTooLargeException(tooMany);
        }

        var n = cityCount;
        var samples = options.Samples;
        var random = new MersenneTwister(options.Seed, threadSafe: false);
        // Divided by the largest, so that neither their sum nor a uniform draw overflows (1e308 weights).
        var nominal = ScoringWeights.NormalisedCopy(domainWeights);
        var positive = new List<int>();
        var total = 0.0;
        for (var d = 0; d < Domains.Count; d++)
        {
            total += nominal[d];
            if (nominal[d] > 0)
            {
                positive.Add(d);
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentException("At least one domain weight must be positive.", nameof(domainWeights));
        }

        var alpha = new double[positive.Count];
        for (var k = 0; k < positive.Count; k++)
        {
            alpha[k] = options.Concentration * nominal[positive[k]] / total;
        }

        var aggregators = domainScoreSets.Select(set => new Aggregator(set, n, aggregation)).ToArray();
        var overall = new double[n];
        // A block of samples' ranks, sample-major, written to the cities' rows a block at a time: one city's row is
        // then written in runs of the block rather than one value per sample to each of n rows, which missed the cache.
        var block = Math.Min(samples, RankBlock);
        var blockRanks = new int[block * n];
        var order = new int[n];
        var weights = new double[Domains.Count];
        var logGamma = new double[positive.Count];
        // Ranks as floats (exact up to 2^24 cities): half the memory of doubles, and MathNet selects their quantiles in place.
        var sampled = new float[n][];
        for (var c = 0; c < n; c++)
        {
            sampled[c] = new float[samples];
        }

        var nominalRanks = new int[n];
        aggregators[0].Overall(nominal, overall);
        CompetitionRanker.RankDescending(overall, nominalRanks, order);

        for (var s = 0; s < samples; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var set = aggregators.Length == 1 ? aggregators[0] : aggregators[random.Next(aggregators.Length)];
            if (options.Sampling == WeightSampling.Dirichlet)
            {
                Array.Clear(weights);
                if (alpha.Length == 1)
                {
                    weights[positive[0]] = 1;
                }
                else
                {
                    SampleDirichlet(random, alpha, positive, logGamma, weights);
                }
            }
            else
            {
                for (var d = 0; d < Domains.Count; d++)
                {
                    weights[d] = nominal[d] * (1 - options.UniformSpread + (2 * options.UniformSpread * random.NextDouble()));
                }
            }

            foreach (var d in positive)
            {
                weights[d] = Math.Max(weights[d], MinimumWeight);
            }

            set.Overall(weights, overall);
            var inBlock = s % block;
            CompetitionRanker.RankDescending(overall, blockRanks.AsSpan(inBlock * n, n), order);
            if (inBlock == block - 1 || s == samples - 1)
            {
                var first = s - inBlock;
                for (var c = 0; c < n; c++)
                {
                    var row = sampled[c];
                    for (var k = 0; k <= inBlock; k++)
                    {
                        var rank = blockRanks[(k * n) + c];
                        row[first + k] = rank == 0 ? float.NaN : rank;
                    }
                }
            }
        }

        var result = new RankInterval[n];
        var counts = new int[(4 * samples) + QuantileCountingSlack];
        for (var c = 0; c < n; c++)
        {
            var values = sampled[c];
            if (nominalRanks[c] == 0 || float.IsNaN(values[0]))
            {
                result[c] = new RankInterval(nominalRanks[c], double.NaN, double.NaN, double.NaN);
                continue;
            }

            var (median, p05, p95) = Quantiles(values, counts);
            result[c] = new RankInterval(nominalRanks[c], median, p05, p95);
        }

        return result;
    }

    /// <summary>
    /// Each city's best and worst rank over all domain weight vectors on a grid of the simplex (weights summing to 1
    /// in steps of <paramref name="step"/>) with every weight within [<paramref name="lower"/>, <paramref name="upper"/>].
    /// Approximate: a weight region thinner than the step can be missed. The grid has
    /// <see cref="UncertaintyLimits.BoundsPoints"/> points, visited one by one (each checks <paramref name="cancellationToken"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Not 0 ≤ lower ≤ upper ≤ 1 and 0 &lt; step ≤ 0.25, or no grid point within the bounds.</exception>
    /// <exception cref="AnalysisTooLargeException">More grid points than <see cref="UncertaintyLimits.MaxBoundsPointsFor"/> the cities.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RankBounds Bounds(
        double[] domainScores, int cityCount, AggregationMethod aggregation, double lower, double upper, double step = 0.01,
        CancellationToken cancellationToken = default)
    {
        if (UncertaintyLimits.CheckBounds(lower, upper, step, cityCount) is { } tooMany)
        {
            throw new AnalysisTooLargeException(tooMany);
        }

        var (units, lo, hi) = UncertaintyLimits.Grid.Of(lower, upper, step)!.Value;
        var n = cityCount;
        var aggregator = new Aggregator(domainScores, n, aggregation);
        var best = new int[n];
        var worst = new int[n];
        Array.Fill(best, int.MaxValue);
        var overall = new double[n];
        var ranks = new int[n];
        var order = new int[n];
        var weights = new double[Domains.Count];
        var points = 0;
        // Each weight's range leaves the others room to reach the sum (a + b + c + d = units, every one in lo…hi), so
        // every innermost pass is a grid point: the loops cost the points they find, never the box around them.
        for (var a = Math.Max(lo, units - (3 * hi)); a <= Math.Min(hi, units - (3 * lo)); a++)
        {
            for (var b = Math.Max(lo, units - a - (2 * hi)); b <= Math.Min(hi, units - a - (2 * lo)); b++)
            {
                for (var c = Math.Max(lo, units - a - b - hi); c <= Math.Min(hi, units - a - b - lo); c++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    weights[0] = a;
                    weights[1] = b;
                    weights[2] = c;
                    weights[3] = units - a - b - c;
                    points++;
                    aggregator.Overall(weights, overall);
                    CompetitionRanker.RankDescending(overall, ranks, order);
                    for (var k = 0; k < n; k++)
                    {
                        if (ranks[k] > 0)
                        {
                            best[k] = Math.Min(best[k], ranks[k]);
                            worst[k] = Math.Max(worst[k], ranks[k]);
                        }
                    }
                }
            }
        }

        if (points == 0)
        {
            throw new ArgumentException("No domain weights summing to 1 lie within these bounds.", nameof(lower));
        }

        var cities = new RankRange[n];
        for (var k = 0; k < n; k++)
        {
            cities[k] = best[k] == int.MaxValue ? new RankRange(0, 0) : new RankRange(best[k], worst[k]);
        }

        return new RankBounds(points, 1.0 / units, cities);
    }

    /// <summary>
    /// One Dirichlet(α) draw, written to <paramref name="weights"/> at the <paramref name="positive"/> domains. The gamma
    /// variates are drawn exactly as MathNet's <see cref="MathNet.Numerics.Distributions.Dirichlet.Sample(System.Random, double[])"/> draws them (the same
    /// random numbers, so the same samples), but kept as logarithms and normalised from the largest: for a small
    /// concentration, Gamma(α) ≈ U^(1/α) underflows to 0 in every domain and the sum-normalisation is 0/0 = NaN.
    /// </summary>
    private static void SampleDirichlet(System.Random random, double[] alpha, List<int> positive, double[] logGamma, double[] weights)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < alpha.Length; k++)
        {
            // For α < 1, Gamma(α) = Gamma(α + 1) · U^(1/α) (Marsaglia and Tsang, 2000), U drawn first as MathNet does.
            logGamma[k] = alpha[k] < 1
                ? (Math.Log(random.NextDouble()) / alpha[k]) + Math.Log(Gamma.Sample(random, alpha[k] + 1, 1))
                : Math.Log(Gamma.Sample(random, alpha[k], 1));
            max = Math.Max(max, logGamma[k]);
        }

        // Every U = 0 exactly (probability ~2⁻⁵³ each): no direction at all; the floor below then weighs all equally.
        if (double.IsNegativeInfinity(max))
        {
            max = 0;
        }

        // The largest term is e⁰ = 1, so the sum is at least 1 and never 0/0.
        var sum = 0.0;
        for (var k = 0; k < alpha.Length; k++)
        {
            sum += Math.Exp(logGamma[k] - max);
        }

        for (var k = 0; k < alpha.Length; k++)
        {
            weights[positive[k]] = sum > 0 ? Math.Exp(logGamma[k] - max) / sum : 0;
        }
    }

    /// <summary>
    /// The median and the 5th and 95th percentiles (R-1, the inverse of the empirical distribution) of one city's sampled
    /// ranks (no NaN), exactly MathNet's <see cref="ArrayStatistics.QuantileCustomInplace(float[], double, QuantileDefinition)"/>.
    /// A city's ranks usually span few ranks: then they are counted (O(samples + span)) in <paramref name="counts"/>;
    /// else MathNet selects each in place (O(samples), a larger constant).
    /// </summary>
    internal static (double Median, double P05, double P95) Quantiles(float[] values, int[] counts)
    {
        float min = values[0], max = values[0];
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var span = (int)(max - min) + 1;
        if (span > counts.Length)
        {
            return (ArrayStatistics.QuantileCustomInplace(values, 0.5, QuantileDefinition.R1),
                ArrayStatistics.QuantileCustomInplace(values, 0.05, QuantileDefinition.R1),
                ArrayStatistics.QuantileCustomInplace(values, 0.95, QuantileDefinition.R1));
        }

        Array.Clear(counts, 0, span);
        foreach (var v in values)
        {
            counts[(int)(v - min)]++;
        }

        // MathNet's R-1 position: ⌈h − ½⌉ − 1 with h = S·τ + ½, written as it writes it so that the rounding is the same.
        Span<double> found = stackalloc double[QuantileLevels.Length];
        var level = 0;
        var seen = 0;
        for (var r = 0; r < span && level < QuantileLevels.Length; r++)
        {
            seen += counts[r];
            while (level < QuantileLevels.Length && seen > Math.Max(0, (int)Math.Ceiling((values.Length * QuantileLevels[level]) + 0.5d - 0.5d) - 1))
            {
                found[level++] = min + r;
            }
        }

        return (found[1], found[0], found[2]);
    }

    /// <summary>
    /// The overall scores of every city under one weight vector, as <see cref="ScoringEngine.AggregateDomains"/>
    /// computes them (the same bits): arithmetic in the engine's vector kernel; geometric with ln(1 + s) taken once
    /// per score rather than once per score and weight vector.
    /// </summary>
    private sealed class Aggregator
    {
        private readonly double[] _scores;
        private readonly double[]? _logs;
        private readonly int _n;

        public Aggregator(double[] domainScores, int n, AggregationMethod aggregation)
        {
            _scores = domainScores;
            _n = n;
            if (aggregation == AggregationMethod.Geometric)
            {
                _logs = new double[Domains.Count * n];
                for (var i = 0; i < _logs.Length; i++)
                {
                    _logs[i] = Math.Log(1 + domainScores[i]);
                }
            }
        }

        public void Overall(ReadOnlySpan<double> weights, Span<double> overall)
        {
            if (_logs is null)
            {
                ScoreKernels.WeightedMeans(_scores, _n, weights, overall);
                return;
            }

            for (var c = 0; c < _n; c++)
            {
                double sum = 0, wsum = 0;
                for (var d = 0; d < Domains.Count; d++)
                {
                    var i = (d * _n) + c;
                    var w = weights[d];
                    if (!double.IsNaN(_scores[i]) && w > 0)
                    {
                        sum += w * _logs[i];
                        wsum += w;
                    }
                }

                overall[c] = wsum > 0 ? Math.Exp(sum / wsum) - 1 : double.NaN;
            }
        }
    }
}
