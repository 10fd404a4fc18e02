using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// Domain weights (relative among domains) and indicator weights (relative within their domain).
/// Both are renormalised over what each city has, so only ratios matter.
/// </summary>
public sealed record ScoringWeights(IReadOnlyList<double> Domain, IReadOnlyList<double> Indicator)
{
    public static ScoringWeights Equal(IndicatorFramework framework) =>
        new([.. Enumerable.Repeat(0.25, Domains.Count)], [.. Enumerable.Repeat(1.0, framework.Count)]);

    public bool IsEqual =>
        Domain.All(w => w == Domain[0]) && Indicator.All(w => w == Indicator[0]);
}
