using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// What every ranking says about its data-availability threshold (<c>minCoverage</c>): the threshold in use and the
/// cities it left out, by coverage then code. <see cref="ListUrl"/> leads to the page that lists them (the rankings),
/// null on that page itself.
/// </summary>
public sealed record CoverageNote(double MinCoverage, IReadOnlyList<(City City, double Coverage)> Excluded, string? ListUrl = null)
{
    /// <summary>Whether the note links to the same page without the threshold (not in an embed, framed by another site).</summary>
    public bool OffersEveryCity { get; init; } = true;

    /// <summary>The note of a scored year: the context's threshold and the cities its scores left out.</summary>
    public static CoverageNote Of(YearContext context, YearScores scores, string? listUrl = null) =>
        new(context.MinCoverage, ExcludedOf(scores), listUrl);

    /// <summary>The cities a year's scores left out by the threshold, with their coverage, lowest first, ties by code.</summary>
    public static IReadOnlyList<(City City, double Coverage)> ExcludedOf(YearScores scores) =>
    [
        .. scores.Sheet.Excluded
            .Select(i => (scores.Cities[i], scores.Sheet.Coverage[i]))
            .OrderBy(e => e.Item2)
            .ThenBy(e => e.Item1.Code, StringComparer.Ordinal),
    ];

    /// <summary>A share (0–1) as a percentage with at most one decimal, in the reader's culture: 0.755 → "75.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%";

    /// <summary>The id of the list of left-out cities on <c>/Rankings</c>, which the other pages' notes link to.</summary>
    public const string ListId = "excluded-heading";

    /// <summary>The note linking to the list on <c>/Rankings</c> of the same year, method and threshold.</summary>
    public CoverageNote LinkedToRankings(IUrlHelper url, YearContext context) =>
        this with { ListUrl = url.Page("/Rankings/Index", context.RouteValues()) + "#" + ListId };

    /// <summary>Whether <paramref name="city"/> is one of the cities left out.</summary>
    public bool Leaves(string city) => Excluded.Any(e => e.City.Code == city);
}
