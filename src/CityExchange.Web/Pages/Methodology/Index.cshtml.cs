using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Methodology;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(MethodologyHandler handler) : PageModel
{
    public MethodologyView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await handler.HandleAsync(cancellationToken);
}
