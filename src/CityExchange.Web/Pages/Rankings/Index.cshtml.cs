using CityExchange.Web.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Rankings;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal, WithPreviousYear = true)]
public sealed class IndexModel(RankingsHandler handler, RankingsCsv csv) : PageModel
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

        var file = csv.Create(view);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
