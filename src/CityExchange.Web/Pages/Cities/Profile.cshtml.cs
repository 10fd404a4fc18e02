using CityExchange.Web.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Cities;

public sealed class ProfileModel(DashboardQueries queries) : PageModel
{
    public CityProfileView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] CityQuery query, CancellationToken cancellationToken)
    {
        if (await queries.CityAsync(code, query.Year, query.Method, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
