using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>A city's overall and domain scores and ranks (domain order: social, culture, trade, politics).</summary>
public sealed record ScoreSummary(double? Score, int? Rank, IReadOnlyList<double?> Domains, IReadOnlyList<int?> DomainRanks);

/// <summary>One indicator of the what-if form: the stored value and the value tried, if any.</summary>
public sealed record WhatIfRow(string Code, string Name, string Unit, Domain Domain, double? Current, double? Tried);

/// <summary>
/// The what-if section of a city (partial <c>_WhatIf</c>): edit the city's values, see its new scores, rank and whom it
/// passes. <see cref="ApiQuery"/> carries the scoring settings for the script's calls.
/// </summary>
public sealed record WhatIfView(
    string CityCode, string CityName, int Year, bool IsDemo, string ApiQuery, IReadOnlyList<WhatIfRow> Rows,
    ScoreSummary Before, ScoreSummary? After, IReadOnlyList<City> Passes, IReadOnlyList<City> PassedBy, string? Error)
{
    /// <summary>The method of the scores, for the links to the cities passed.</summary>
    public NormalisationMethod Method { get; init; }
}

/// <summary>One row of the targets table: what the indicator alone would need to reach the rank (null: no value does).</summary>
public sealed record TargetRow(string Code, string Name, string Unit, double? Current, double? Value)
{
    public double? Change => Value - Current;
}

/// <summary>The targets section of a city (partial <c>_Targets</c>): "what would it take" to reach a rank.</summary>
public sealed record TargetsView(
    string CityCode, string CityName, int Year, bool IsDemo, string ApiQuery, int? CurrentRank, int CityCount, int? Rank,
    IReadOnlyList<TargetRow> Rows, string? Error)
{
    /// <summary>Every indicator's name and unit, for the script that fills the table from the API.</summary>
    public IReadOnlyList<IndicatorLabel> Labels { get; init; } = [];

    /// <summary>True when targets were computed and no indicator alone reaches the rank.</summary>
    public bool NoneSuffices => Rows.Count > 0 && Rows.All(r => r.Value is null);
}

public sealed record IndicatorLabel(string Code, string Name, string Unit);

/// <summary>A bar of the score-change waterfall: a domain (with its indicators) or an indicator.</summary>
public sealed record ChangeRow(string Key, string Name, string? Domain, double Contribution, double? From, double? To, IReadOnlyList<ChangeRow> Indicators);

/// <summary>The "why did the rank change" section of a city (partial <c>_RankChange</c>).</summary>
public sealed record RankChangeView(
    string CityCode, string CityName, IReadOnlyList<YearOption> Years, int? From, int? To, bool IsDemo, bool MixesPublished,
    double? ScoreFrom, double? ScoreTo, int? RankFrom, int? RankTo, IReadOnlyList<ChangeRow> Domains, string ApiQuery, string? Error)
{
    public double? Change => ScoreTo - ScoreFrom;
}

/// <summary>/Explore/City/{code}: the three city tools for one year.</summary>
public sealed record CityToolsView(
    string CityCode, string CityName, IReadOnlyList<YearOption> Years, YearOption? Year, WhatIfView? WhatIf, TargetsView? Targets,
    RankChangeView? Change, string? Error)
{
    public bool IsDemo => Year?.IsDemo == true;
}
