using CityExchange.Web.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Overview;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal, WithPreviousYear = true)]
public sealed class IndexModel(OverviewHandler handler) : PageModel
{
    public OverviewView? View { get; private set; }

    public bool HasData { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] OverviewQuery query, CancellationToken cancellationToken)
    {
        (View, HasData) = await handler.HandleAsync(query, cancellationToken);
        return View is null && (query.Year is not null || HasData) ? NotFound() : Page();
    }
}
