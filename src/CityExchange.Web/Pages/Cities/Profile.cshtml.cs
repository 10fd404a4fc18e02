using System.Globalization;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Cities;

[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class ProfileModel(CityProfileHandler handler, ExplorePages explore) : PageModel
{
    public CityProfileView View { get; private set; } = null!;

    /// <summary>
    /// What-if, targets and rank change for this city (from /Explore's services); for a published year they use the
    /// latest year with indicator values (<see cref="CityToolsView.Year"/>), which the page names.
    /// </summary>
    public CityToolsView Tools { get; private set; } = null!;

    /// <summary>How the rank moved since the previous stored year and why, in the reader's language (null if it cannot be said).</summary>
    public string? RankMove { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] CityQuery query, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(code, query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Tools = await explore.CityAsync(code, Request.Query, publishedFallsBack: true, cancellationToken);
        RankMove = await RankMoveAsync(code, view, cancellationToken);
        return Page();
    }

    /// <summary>The rank-change decomposition of the year shown against the previous stored year, by the page's method, as one sentence.</summary>
    private async Task<string?> RankMoveAsync(string code, CityProfileView view, CancellationToken cancellationToken)
    {
        var context = view.Context;
        if (context.Previous is not { } previous)
        {
            return RankMoveSentence.For(new RankMove(context.Year, null, null, view.City.Rank > 0 ? view.City.Rank : null, null, []), Localized.IsChinese);
        }

        var settings = ExploreSettings.Default with { Method = context.Method, MinCoverage = context.MinCoverage };
        var change = await explore.ChangeAsync(code, Tools.Years, previous.Year.ToString(CultureInfo.InvariantCulture), context.Year.ToString(CultureInfo.InvariantCulture), settings, cancellationToken);
        if (change.Error is not null)
        {
            return null;
        }

        var domains = change.Domains.Select(d => new RankMoveDomain(d.Name, d.Contribution, [.. d.Indicators.Select(i => new RankMovePart(i.Name, i.Contribution))])).ToList();
        return RankMoveSentence.For(new RankMove(context.Year, previous.Year, change.RankFrom, change.RankTo, change.Change, domains), Localized.IsChinese);
    }
}
