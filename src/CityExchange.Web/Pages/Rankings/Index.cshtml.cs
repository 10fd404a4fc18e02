using CityExchange.Web.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Rankings;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
// No YearScope: the bump chart (_BumpChart) shows every stored year, so an upload into any year must rebuild the page.
public sealed class IndexModel(RankingsHandler handler, RankingsExport export, DataVersions versions) : PageModel
{
    public RankingsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] RankingsQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>"Download CSV": <c>/Rankings?handler=Csv&amp;…</c> with the page's own parameters.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] RankingsQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var file = export.Create(view);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>"Download Excel": <c>/Rankings?handler=Xlsx&amp;…</c>, the CSV's table as a workbook with an about sheet.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromQuery] RankingsQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var page = DownloadAddresses.PageOf(Request);
        var file = await export.CreateXlsxAsync(view, await versions.ForYearAsync(view.Context.Year, cancellationToken), page, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
