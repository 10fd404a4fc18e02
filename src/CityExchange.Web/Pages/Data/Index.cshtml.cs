using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Data;

/// <summary>The whole dataset: what the data package holds, each resource with its rows, and the download.</summary>
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[EnableRateLimiting(RateLimits.AnalysisPolicy)]
public sealed class IndexModel(DataPackageBuilder builder) : PageModel
{
    public BuiltPackage Package { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Package = await builder.GetAsync(cancellationToken);
}
