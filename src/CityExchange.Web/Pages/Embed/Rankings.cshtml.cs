using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Embed;

/// <summary>
/// <c>/Embed/Rankings</c>: the ranking table of <c>/Rankings</c> for the same query (its handler, not a copy), top
/// <c>n</c> rows of the page (10 unless asked; at most the page), for other sites to frame.
/// </summary>
[AllowFraming]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal, WithPreviousYear = true)]
public sealed class RankingsModel(RankingsHandler handler) : PageModel
{
    public RankingsView View { get; private set; } = null!;

    /// <summary>The rows shown: the first <c>n</c> of the full page's rows.</summary>
    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] RankingsQuery query, [FromQuery] int? n, CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(query, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Rows = [.. view.Rows.Take(Math.Clamp(n ?? EmbedLinks.DefaultRankingRows, 1, RankingTable.PageSize))];
        return Page();
    }
}
