using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// <c>/Analysis/Scenarios</c>: each city's rank under every alternative construction and with each indicator and
/// domain left out (<see cref="ScenarioQuery"/>). Dozens of engine runs: shares the analysis concurrency limit and is
/// kept per year version; indicator years only (a published year has no indicator values to rescore).
/// </summary>
[EnableRateLimiting(RateLimits.AnalysisPolicy)]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestIndicators)]
public sealed class ScenariosModel(AnalysisService analysis, ScenarioQuery query, ScenarioExport export, DataVersions versions) : AnalysisPage(analysis)
{
    public ScenariosView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ScenarioFilter filter, CancellationToken cancellationToken) =>
        await LoadAsync(filter, cancellationToken) ? Page() : NotFound();

    /// <summary>"Download CSV": every city, in the page's order.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] ScenarioFilter filter, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(filter, cancellationToken) || View.IsPublished)
        {
            return NotFound();
        }

        var file = export.Csv(View, IsDemo);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>"Download Excel": the CSV's table and an about sheet.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] ScenarioFilter filter, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(filter, cancellationToken) || View.IsPublished)
        {
            return NotFound();
        }

        var page = DownloadAddresses.PageOf(Request);
        var file = await export.XlsxAsync(View, IsDemo, await versions.ForYearAsync(Year, cancellationToken), page, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(ScenarioFilter filter, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(filter.Year, cancellationToken, rule: YearRule.LatestIndicators))
        {
            return false;
        }

        View = (await query.HandleAsync(Year, filter.Sort, string.Equals(filter.Dir, "desc", StringComparison.Ordinal), cancellationToken))!;
        return View is not null;
    }

    /// <summary>The page's query: the year, and the column the cities are sorted by (<c>nominal</c>, <c>name</c> or a scenario's index) and its direction.</summary>
    public sealed record ScenarioFilter
    {
        public int? Year { get; init; }

        public string? Sort { get; init; }

        public string? Dir { get; init; }
    }
}
