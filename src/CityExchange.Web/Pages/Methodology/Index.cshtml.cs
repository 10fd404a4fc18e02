using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Methodology;

public sealed class IndexModel(MethodologyHandler handler) : PageModel
{
    public MethodologyView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await handler.HandleAsync(cancellationToken);
}
