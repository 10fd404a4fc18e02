using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>The regional and kind comparisons of one year, kept per version of that year.</summary>
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal)]
public sealed class GroupsModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public GroupView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(year, cancellationToken))
        {
            return NotFound();
        }

        View = await Analysis.GroupsAsync(Year, cancellationToken);
        return Page();
    }
}
