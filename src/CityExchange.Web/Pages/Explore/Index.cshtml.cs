using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Explore;

/// <summary>/Explore: weights and methods of the user's choice; the whole state is the query string.</summary>
[EnableRateLimiting(RateLimits.AnalysisPolicy)]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(ExplorePages pages) : PageModel
{
    public ExploreView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await pages.ExploreAsync(Request.Query, cancellationToken);
}
