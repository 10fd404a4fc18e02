using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// The report's year checked against what it printed (tens of milliseconds: the published weights' linear programme,
/// the correlations), kept per data version. Not year-scoped: the reference year need not be a published one.
/// </summary>
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
public sealed class ReportModel(AnalysisService analysis) : PageModel
{
    public ReportView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await analysis.ReportAsync(cancellationToken);
}
