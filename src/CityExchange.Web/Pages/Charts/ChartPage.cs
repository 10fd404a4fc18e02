using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CityExchange.Web.Pages.Charts;

/// <summary>
/// What a page's charts show, for the chart-context block (<c>_ChartContext.cshtml</c>) that the download controls draw
/// into images and write into exports: the year, the method code (<c>minmax</c>, <c>rank</c>, <c>published</c>, …) and
/// whether the year is demo data. A page sets it through <see cref="ChartPages"/>; a page without one has none.
/// <paramref name="Address"/> (app-relative path and query) is the page the charts belong to when it is not the request's
/// own: an embed's charts name the full page, the one to cite.
/// </summary>
public sealed record ChartPage(int Year, string Method, bool IsDemo, string? Address = null);

public static class ChartPages
{
    public const string Key = "CityExchange.ChartPage";

    public static void SetChartPage(this ViewDataDictionary viewData, YearContext context, string? address = null) =>
        viewData[Key] = new ChartPage(context.Year, context.MethodCode, context.IsDemo, address);

    public static void SetChartPage(this ViewDataDictionary viewData, YearScores scores) =>
        viewData[Key] = new ChartPage(scores.Year, scores.Kind == YearKind.Published ? YearKind.Published.Code() : scores.Method, scores.IsDemo);

    public static void SetChartPage(this ViewDataDictionary viewData, int year, string method, bool isDemo) =>
        viewData[Key] = new ChartPage(year, method, isDemo);

    public static ChartPage? ChartPage(this ViewDataDictionary viewData) => viewData[Key] as ChartPage;

    /// <summary>
    /// The page's name in download file names: its path in lower case, <c>/</c> as <c>-</c>, only <c>a–z 0–9 -</c>
    /// (<c>/Cities/beijing</c> → <c>cities-beijing</c>, <c>/</c> → <c>overview</c>).
    /// </summary>
    public static string FileStem(string? path)
    {
        var chars = (path ?? "").Trim('/').ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        var stem = string.Join('-', new string([.. chars]).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return stem.Length == 0 ? "overview" : stem.Length > 60 ? stem[..60].TrimEnd('-') : stem;
    }
}
