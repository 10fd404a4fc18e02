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

    /// <summary>
    /// Runs the analysis. <paramref name="domainScoreSets"/> are domain-major arrays (4 × <paramref name="cityCount"/>),
    /// one per normalisation alternative; the first gives the nominal rank.
    /// </summary>
    public static RankInterval[] Run(
        IReadOnlyList<double[]> domainScoreSets, int cityCount, IReadOnlyList<double> domainWeights,
        AggregationMethod aggregation, UncertaintyOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Concentration);
        if (domainScoreSets.Count == 0 || domainWeights.Count != Domains.Count)
        {
            throw new ArgumentException("Give at least one set of domain scores and four domain weights.", nameof(domainScoreSets));
        }

        ScoringWeights.EnsureUsableDomainWeights(domainWeights);
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

        var overall = new double[n];
        var ranks = new int[n];
        var order = new int[n];
        var weights = new double[Domains.Count];
        var logGamma = new double[positive.Count];
        var sampled = new double[n][];
        for (var c = 0; c < n; c++)
        {
            sampled[c] = new double[samples];
        }

        var nominalRanks = new int[n];
        AggregateAll(domainScoreSets[0], n, nominal, aggregation, overall);
        CompetitionRanker.RankDescending(overall, nominalRanks, order);

        for (var s = 0; s < samples; s++)
        {
            var set = domainScoreSets.Count == 1 ? domainScoreSets[0] : domainScoreSets[random.Next(domainScoreSets.Count)];
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

            AggregateAll(set, n, weights, aggregation, overall);
            CompetitionRanker.RankDescending(overall, ranks, order);
            for (var c = 0; c < n; c++)
            {
                sampled[c][s] = ranks[c] == 0 ? double.NaN : ranks[c];
            }
        }

        var result = new RankInterval[n];
        for (var c = 0; c < n; c++)
        {
            var values = sampled[c];
            if (nominalRanks[c] == 0 || double.IsNaN(values[0]))
            {
                result[c] = new RankInterval(nominalRanks[c], double.NaN, double.NaN, double.NaN);
                continue;
            }

            Array.Sort(values);
            result[c] = new RankInterval(
                nominalRanks[c],
                SortedArrayStatistics.QuantileCustom(values, 0.5, QuantileDefinition.R1),
                SortedArrayStatistics.QuantileCustom(values, 0.05, QuantileDefinition.R1),
                SortedArrayStatistics.QuantileCustom(values, 0.95, QuantileDefinition.R1));
        }

        return result;
    }

    /// <summary>
    /// Each city's best and worst rank over all domain weight vectors on a grid of the simplex (weights summing to 1
    /// in steps of <paramref name="step"/>) with every weight within [<paramref name="lower"/>, <paramref name="upper"/>].
    /// Approximate: a weight region thinner than the step can be missed.
    /// </summary>
    public static RankBounds Bounds(
        double[] domainScores, int cityCount, AggregationMethod aggregation, double lower, double upper, double step = 0.01)
    {
        if (!(step > 0 && step <= 0.25) || !(lower >= 0) || !(upper <= 1) || !(lower <= upper))
        {
            throw new ArgumentException("Bounds must satisfy 0 ≤ lower ≤ upper ≤ 1 and 0 < step ≤ 0.25.", nameof(step));
        }

        var units = (int)Math.Round(1 / step);
        var lo = (int)Math.Ceiling((lower * units) - 1e-9);
        var hi = (int)Math.Floor((upper * units) + 1e-9);
        var n = cityCount;
        var best = new int[n];
        var worst = new int[n];
        Array.Fill(best, int.MaxValue);
        var overall = new double[n];
        var ranks = new int[n];
        var order = new int[n];
        var weights = new double[Domains.Count];
        var points = 0;
        for (var a = lo; a <= hi; a++)
        {
            for (var b = lo; b <= hi && a + b <= units; b++)
            {
                for (var c = lo; c <= hi && a + b + c <= units; c++)
                {
                    var d = units - a - b - c;
                    if (d < lo || d > hi)
                    {
                        continue;
                    }

                    weights[0] = a;
                    weights[1] = b;
                    weights[2] = c;
                    weights[3] = d;
                    points++;
                    AggregateAll(domainScores, n, weights, aggregation, overall);
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

    private static void AggregateAll(double[] domainScores, int n, double[] weights, AggregationMethod aggregation, double[] overall)
    {
        for (var c = 0; c < n; c++)
        {
            overall[c] = ScoringEngine.AggregateDomains(domainScores, n, c, weights, aggregation);
        }
    }
}
