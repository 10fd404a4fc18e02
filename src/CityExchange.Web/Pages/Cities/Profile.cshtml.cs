using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Cities;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class ProfileModel(CityProfileHandler handler, ExplorePages explore, DataVersions versions) : PageModel
{
    public CityProfileView View { get; private set; } = null!;

    /// <summary>
    /// What-if, targets and rank change for this city (from /Explore's services); for a published year they use the
    /// latest year with indicator values (<see cref="CityToolsView.Year"/>), which the page names.
    /// </summary>
    public CityToolsView Tools { get; private set; } = null!;

    /// <summary>The version of the year's data, for the "cite as" line.</summary>
    public DataVersion? DataVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] CityQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(code, query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Tools = await explore.CityAsync(code, Request.Query, publishedFallsBack: true, cancellationToken);
        DataVersion = await versions.ForYearAsync(view.Context.Year, cancellationToken);
        return Page();
    }
}
