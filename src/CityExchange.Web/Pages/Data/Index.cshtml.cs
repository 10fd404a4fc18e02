using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Data;

/// <summary>The whole dataset: what the data package holds, each resource with its rows, and the download.</summary>
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(DataPackageBuilder builder) : PageModel
{
    public BuiltPackage Package { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Package = await builder.BuildAsync(cancellationToken);
}
