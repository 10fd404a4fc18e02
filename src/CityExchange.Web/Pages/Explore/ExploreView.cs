using CityExchange.Core.Framework;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>A year in the year picker.</summary>

/// <summary>A domain's weight with its indicators' weights (relative within the domain).</summary>
public sealed record DomainWeightRow(Domain Domain, double Weight, double Share, IReadOnlyList<IndicatorWeightRow> Indicators);

public sealed record IndicatorWeightRow(string Code, string Name, double Weight);

/// <summary>A city in the explored ranking, with its rank under the report's method for comparison.</summary>
public sealed record ExploredRankingRow(string Code, string Name, int? Rank, int? DefaultRank, double? Score, IReadOnlyList<double?> Domains)
{
    /// <summary>Places gained against the default ranking (positive = better); null when either rank is missing.</summary>
    public int? Change => Rank is { } r && DefaultRank is { } d ? d - r : null;
}

/// <summary>The rank-uncertainty section: its settings and, once run, one row per ranked city.</summary>
public sealed record UncertaintyView(
    bool Run, int Samples, int Seed, string Sampling, bool Vary, double Min, double Max, int Points,
    IReadOnlyList<UncertaintyRow> Rows, string? Error)
{
    public static UncertaintyView Default { get; } = From(MonteCarloParameters.Default, WeightBoundsParameters.Default);

    public static UncertaintyView From(MonteCarloParameters monteCarlo, WeightBoundsParameters bounds) =>
        new(false, monteCarlo.Options.Samples, monteCarlo.Options.Seed, monteCarlo.SamplingCode, monteCarlo.VaryMethods, bounds.Min, bounds.Max, 0, [], null);
}

public sealed record UncertaintyRow(string Code, string Name, int Rank, double Median, double P05, double P95, int Best, int Worst);

/// <summary>Everything /Explore shows for one state of its form.</summary>
public sealed record ExploreView(
    IReadOnlyList<YearOption> Years,
    YearOption? Year,
    ExploreSettings Settings,
    string? Error,
    IReadOnlyList<DomainWeightRow> Weights,
    IReadOnlyDictionary<string, double> BaseWeights,
    IReadOnlyList<ExploredRankingRow> Rows,
    IReadOnlyList<RankingWarning> Warnings,
    UncertaintyView Uncertainty)
{
    public bool IsPublished => Year?.IsPublished == true;

    public bool IsDemo => Year?.IsDemo == true;
}
