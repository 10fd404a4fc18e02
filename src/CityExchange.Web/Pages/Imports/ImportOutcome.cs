using CityExchange.Core.Csv;
using CityExchange.Web.Scoring;
namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// What an import did: accepted (values stored) or rejected (nothing changed), with the parse for display.
/// <see cref="DemoCleared"/>: the year held demo data, which the import replaced, so it is no longer labelled demo.
/// </summary>
public sealed record ImportOutcome(
    long ImportId,
    IndicatorCsv Parsed,
    int Cities,
    int Values,
    IReadOnlyList<RankingWarning> Warnings,
    bool DemoCleared = false,
    bool PublishedRefused = false,
    YearReplacement? Replacement = null)
{
    /// <summary>Stored: the file is valid and, for the published year, replacing it was asked for.</summary>
    public bool Accepted => Parsed.IsValid && !PublishedRefused;
}
