using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Embed;

/// <summary>
/// <c>/Embed/Map</c>: the map of <c>/Rankings</c> for the same query (its handler: every city matching the filters,
/// sized by the chosen domain or the overall score), for other sites to frame.
/// </summary>
[AllowFraming]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal, WithPreviousYear = true)]
public sealed class MapModel(RankingsHandler handler) : PageModel
{
    public RankingsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] RankingsQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>
    /// <c>/Embed/Map?handler=Rows&amp;…</c>: the map's rows as JSON (<see cref="CityMapView.TableRows"/>), which a page
    /// with a map of more than <see cref="CityMapView.InlinePoints"/> cities fetches when the map comes into view;
    /// cached like the page, per year version, query and language.
    /// </summary>
    public async Task<IActionResult> OnGetRowsAsync([FromQuery] RankingsQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        return new JsonResult(CityMapView.TableRows(CityMapView.PointsOf(view.Matches)));
    }
}
