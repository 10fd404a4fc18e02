namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// <c>GET /api/targets/{year}</c>: for each indicator alone, the value that reaches <c>rank</c> (null when none does);
/// <see cref="AnyIndicatorSuffices"/> is false when no indicator alone does.
/// </summary>
public sealed record TargetsResponse(string City, int Rank, bool AnyIndicatorSuffices, IReadOnlyList<IndicatorTargetResponse> Indicators);

/// <summary>One indicator's target; <see cref="WholeNumber"/>: a count, whose target is the smallest whole number that reaches the rank.</summary>
public sealed record IndicatorTargetResponse(string Indicator, double? Current, double? Value, bool WholeNumber);

/// <summary><c>GET /api/sensitivity/{year}</c>: Monte Carlo rank intervals, cities sorted by rank.</summary>
public sealed record SensitivityResponse(int Samples, IReadOnlyList<CityRankInterval> Cities);

public sealed record CityRankInterval(string Code, int Rank, double Median, double P05, double P95);

/// <summary><c>GET /api/sensitivity/{year}/bounds</c>: best and worst ranks over a grid of domain weights within [min, max].</summary>
public sealed record BoundsResponse(double Min, double Max, double Step, int Points, bool Approximate, IReadOnlyList<CityRankRange> Cities);

public sealed record CityRankRange(string Code, int Rank, int Best, int Worst);

/// <summary><c>GET /api/weights/{year}?preset=</c>: a preset's domain weights and indicator weights (relative within their domain).</summary>
public sealed record PresetWeightsResponse(
    int Year, string Preset, IReadOnlyDictionary<string, double> Domains, IReadOnlyDictionary<string, double> Indicators);

/// <summary><c>GET /api/rankchange/{city}?from=&amp;to=</c>: the score change split by domain and indicator.</summary>
public sealed record RankChangeResponse(
    string City, int From, int To, double? ScoreFrom, double? ScoreTo, int? RankFrom, int? RankTo, double? Change,
    IReadOnlyList<DomainChangeResponse> Domains);

public sealed record DomainChangeResponse(
    string Domain, double? ScoreFrom, double? ScoreTo, double Contribution, IReadOnlyList<IndicatorChangeResponse> Indicators);

public sealed record IndicatorChangeResponse(string Indicator, double? ScoreFrom, double? ScoreTo, double Contribution);
