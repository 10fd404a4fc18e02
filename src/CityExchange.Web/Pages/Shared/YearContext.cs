using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// The year a page shows, the method asked for, every year with data (for the picker) and the previous year with
/// data (for movements). A published year is shown as published whatever method was asked.
/// </summary>
public sealed record YearContext(YearOption Current, NormalisationMethod Method, IReadOnlyList<YearOption> Years, YearOption? Previous)
{
    public int Year => Current.Year;

    public bool IsDemo => Current.IsDemo;

    public bool IsPublished => Current.IsPublished;

    /// <summary><c>minmax</c>, <c>rank</c> or <c>published</c>: what the scores shown really are.</summary>
    public string MethodCode => IsPublished ? YearKind.Published.Code() : Method.Code();

    /// <summary>The method to put in links: null for the default, so URLs stay short.</summary>
    public string? MethodParameter => Method == NormalisationMethod.MinMax ? null : Method.Code();

    /// <summary>
    /// The data-availability threshold the scores were computed with (<c>minCoverage</c>, 0–1; 0: every city). Always 0
    /// for a published year, whose scores are the report's.
    /// </summary>
    public double MinCoverage { get; init; }

    /// <summary>The threshold to put in links and forms: null when there is none, so URLs stay short.</summary>
    public string? MinCoverageParameter => CoverageParameter.Format(MinCoverage);

    /// <summary>The query of this year's pages: <c>year</c>, <c>method</c> unless it is the default, <c>minCoverage</c> when in use.</summary>
    public Dictionary<string, string> RouteValues() => CityLinks.YearRoute(Year, Method, MinCoverage);

    /// <summary>The route of a city's profile in this year, method and threshold.</summary>
    public Dictionary<string, string> CityRoute(string code) => CityLinks.CityRoute(code, Year, Method, MinCoverage);
}
