using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Cities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Embed;

/// <summary><c>/Embed/Cities/{code}</c>: the profile card of <c>/Cities/{code}</c> (its handler and query), for other sites to frame.</summary>
[AllowFraming]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class CityModel(CityProfileHandler handler) : PageModel
{
    public CityProfileView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] CityQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(code, query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
