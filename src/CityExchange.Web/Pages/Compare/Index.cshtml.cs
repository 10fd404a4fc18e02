using CityExchange.Web.Dashboard;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Compare;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(DashboardQueries queries) : PageModel
{
    public CompareView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] CompareQuery query, CancellationToken cancellationToken)
    {
        if (await queries.CompareAsync(query.A, query.B, query.Year, query.Method, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        // Names typed in the pickers, or a city left out, become the canonical shareable URL of codes.
        var canonical = query with { A = view.A.City.Code, B = view.B.City.Code };
        if (canonical != query)
        {
            return RedirectToPage(canonical.RouteValues());
        }

        View = view;
        return Page();
    }
}
