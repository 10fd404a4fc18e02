using CityExchange.Web.Dashboard;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(DashboardQueries queries) : PageModel
{
    public OverviewView? View { get; private set; }

    public bool HasData { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        View = await queries.OverviewAsync(year, cancellationToken);
        HasData = View is not null || (await queries.YearsAsync(cancellationToken)).Count > 0;
        return View is null && (year is not null || HasData) ? NotFound() : Page();
    }
}
