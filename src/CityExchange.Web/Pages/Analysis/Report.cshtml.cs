using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Analysis;

public sealed class ReportModel(AnalysisService analysis) : PageModel
{
    public ReportView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await analysis.ReportAsync(cancellationToken);
}
