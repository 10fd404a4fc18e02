using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Compare;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Embed;

/// <summary><c>/Embed/Compare?a=&amp;b=</c>: the comparison of <c>/Compare</c> (its handler and query), for other sites to frame.</summary>
[AllowFraming]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class CompareModel(CompareHandler handler) : PageModel
{
    public ComparePage Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] CompareQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        // As the full page does: names or a city left out lead to the URL of codes, here the embed's.
        if (page.Canonical is { } canonical)
        {
            return Redirect(EmbedLinks.Compare(canonical));
        }

        Comparison = page;
        return Page();
    }
}
