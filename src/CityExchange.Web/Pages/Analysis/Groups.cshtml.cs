using Microsoft.AspNetCore.Mvc;

namespace CityExchange.Web.Pages.Analysis;

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
