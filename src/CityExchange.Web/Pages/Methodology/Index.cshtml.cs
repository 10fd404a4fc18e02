using CityExchange.Web.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Methodology;

public sealed class IndexModel(DashboardQueries queries) : PageModel
{
    public MethodologyView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await queries.MethodologyAsync(cancellationToken);
}
