using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Explore;

/// <summary>/Explore/City/{code}: what-if, targets and the change between two years for one city.</summary>
public sealed class CityModel(ExplorePages pages) : PageModel
{
    public CityToolsView View { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken cancellationToken) =>
        View = await pages.CityAsync(code, Request.Query, cancellationToken: cancellationToken);
}
