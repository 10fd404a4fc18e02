using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Domain weights (relative among domains) and indicator weights (relative within their domain).
/// Both are renormalised over what each city has, so only ratios matter.
/// </summary>
public sealed record ScoringWeights(IReadOnlyList<double> Domain, IReadOnlyList<double> Indicator)
{
    /// <summary>
    /// The documented largest weight an input may give (<see cref="Validate"/>). Only ratios matter, so nothing needs
    /// more; the engine itself accepts any finite weight and divides by the largest before summing.
    /// </summary>
    public const double MaxWeight = 1e6;

    public static ScoringWeights Equal(IndicatorFramework framework) =>
        new([.. Enumerable.Repeat(0.25, Domains.Count)], [.. Enumerable.Repeat(1.0, framework.Count)]);

    public bool IsEqual =>
        Domain.All(w => w == Domain[0]) && Indicator.All(w => w == Indicator[0]);

    /// <summary>What is wrong with one weight (NaN and ±∞ are not finite; above <see cref="MaxWeight"/> is too large); null when it is valid.</summary>
    public static WeightProblem? Check(double weight) =>
        !double.IsFinite(weight) ? WeightProblem.NotFinite
        : weight < 0 ? WeightProblem.Negative
        : weight > MaxWeight ? WeightProblem.TooLarge
        : null;

    /// <summary>
    /// The first weight outside its documented range, named by its domain code (<c>social</c>…) or indicator code,
    /// domains first, then indicators in framework order; null when every weight is valid.
    /// </summary>
    /// <exception cref="ArgumentException">Not one weight per domain and per indicator of <paramref name="framework"/>.</exception>
    public WeightIssue? Validate(IndicatorFramework framework)
    {
        CheckCounts(framework);
        return DomainIssue(Domain, Check) ?? IndicatorIssue(framework, Check);
    }

    /// <summary>
    /// The same ratios with the largest domain weight and the largest indicator weight 1 (each list divided by its
    /// largest): a weighted sum of scores up to 100 cannot overflow whatever the weights, and equal weights of any size
    /// become exactly the same weights.
    /// </summary>
    public ScoringWeights Normalised() => new(NormalisedCopy(Domain), NormalisedCopy(Indicator));

    /// <summary>The engine's check: finite and not negative (large weights are normalised, not refused).</summary>
    internal void EnsureUsable(IndicatorFramework framework)
    {
        CheckCounts(framework);
        if ((DomainIssue(Domain, CheckUsable) ?? IndicatorIssue(framework, CheckUsable)) is { } issue)
        {
            throw new InvalidWeightException(issue);
        }
    }

    /// <summary>Four domain weights given as numbers (the published-year and Monte Carlo paths): refuses NaN, ±∞ and negatives.</summary>
    internal static void EnsureUsableDomainWeights(IReadOnlyList<double> domain)
    {
        if (domain.Count != Domains.Count)
        {
            throw new ArgumentException("Give four domain weights.", nameof(domain));
        }

        if (DomainIssue(domain, CheckUsable) is { } issue)
        {
            throw new InvalidWeightException(issue);
        }
    }

    /// <summary>A copy divided by its largest value (unchanged when none is positive).</summary>
    internal static double[] NormalisedCopy(IReadOnlyList<double> weights)
    {
        var copy = weights.ToArray();
        var max = 0.0;
        foreach (var w in copy)
        {
            max = Math.Max(max, w);
        }

        if (max > 0)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] /= max;
            }
        }

        return copy;
    }

    private static WeightProblem? CheckUsable(double weight) => Check(weight) is { } problem && problem != WeightProblem.TooLarge ? problem : null;

    private static WeightIssue? DomainIssue(IReadOnlyList<double> domain, Func<double, WeightProblem?> check)
    {
        for (var d = 0; d < domain.Count; d++)
        {
            if (check(domain[d]) is { } problem)
            {
                return new WeightIssue(Domains.All[d].Code(), domain[d], problem);
            }
        }

        return null;
    }

    private WeightIssue? IndicatorIssue(IndicatorFramework framework, Func<double, WeightProblem?> check)
    {
        for (var j = 0; j < Indicator.Count; j++)
        {
            if (check(Indicator[j]) is { } problem)
            {
                return new WeightIssue(framework.Indicators[j].Code, Indicator[j], problem);
            }
        }

        return null;
    }

    private void CheckCounts(IndicatorFramework framework)
    {
        if (Domain.Count != Domains.Count || Indicator.Count != framework.Count)
        {
            throw new ArgumentException("Weights must give one value per domain and per indicator.", nameof(framework));
        }
    }
}
