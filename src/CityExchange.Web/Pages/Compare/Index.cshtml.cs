using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Compare;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class IndexModel(CompareHandler handler) : PageModel
{
    public CompareForm Form { get; private set; } = null!;

    /// <summary>The comparison; null when a picker names no city to compare (the form says why).</summary>
    public CompareView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] CompareQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        // Names typed in the pickers, or a city left out, become the canonical shareable URL of codes.
        if (page.Canonical is { } canonical)
        {
            return RedirectToPage(canonical.RouteValues());
        }

        Form = page.Form;
        View = page.Comparison;
        return Page();
    }
}
