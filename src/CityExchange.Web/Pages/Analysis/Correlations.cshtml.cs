using Microsoft.AspNetCore.Mvc;

namespace CityExchange.Web.Pages.Analysis;

public sealed class CorrelationsModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public CorrelationView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(year, cancellationToken))
        {
            return NotFound();
        }

        View = await Analysis.CorrelationsAsync(Year, cancellationToken);
        return Page();
    }
}
