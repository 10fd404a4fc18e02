using Microsoft.AspNetCore.Mvc;

namespace CityExchange.Web.Pages.Analysis;

public sealed class RegressionModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public RegressionView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] RegressionFilter filter, CancellationToken cancellationToken)
    {
        // Opened without a year: the latest year that has something to regress on.
        var preferred = filter.Year is null ? await Analysis.LatestCovariateYearAsync(cancellationToken) : null;
        if (!await PickYearAsync(filter.Year, cancellationToken, preferred))
        {
            return NotFound();
        }

        View = await Analysis.RegressionAsync(Year, filter.Covariate, cancellationToken);
        return Page();
    }

    public sealed record RegressionFilter
    {
        public int? Year { get; init; }

        public string? Covariate { get; init; }
    }
}
