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

    /// <summary>The query of this year's pages: <c>year</c>, and <c>method</c> unless it is the default.</summary>
    public Dictionary<string, string> RouteValues() => CityLinks.YearRoute(Year, Method);

    /// <summary>The route of a city's profile in this year and method.</summary>
    public Dictionary<string, string> CityRoute(string code) => CityLinks.CityRoute(code, Year, Method);
}
