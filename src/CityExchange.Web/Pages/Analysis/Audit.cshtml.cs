using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>The audit of a large year costs a second: the page shares the analysis concurrency limit and is kept per data version.</summary>
[EnableRateLimiting(RateLimits.AnalysisPolicy)]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal)]
public sealed class AuditModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public AuditPageView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(query.Year, cancellationToken))
        {
            return NotFound();
        }

        var audit = await Analysis.AuditAsync(Year, cancellationToken);
        View = audit is null ? null : AuditPageView.From(audit, AuditSorts.Parse(query.Sort), string.Equals(query.Dir, "desc", StringComparison.OrdinalIgnoreCase)) with
        {
            Spearman = string.Equals(query.Coefficient, "spearman", StringComparison.OrdinalIgnoreCase),
        };
        return Page();
    }
}

/// <summary>
/// The audit page's query: the year, the descriptives table's sort (an unknown sort is the framework's order) and the
/// coefficient the correlation heatmap shows (<c>pearson</c>, the default, or <c>spearman</c>).
/// </summary>
public sealed record AuditQuery
{
    public int? Year { get; init; }

    public string? Sort { get; init; }

    public string? Dir { get; init; }

    public string? Coefficient { get; init; }
}
