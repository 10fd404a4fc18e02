using CityExchange.Web.Scoring;
using System.ComponentModel.DataAnnotations;
using CityExchange.Core.Analysis;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>Clustering costs up to seconds at scale: the page shares the analysis concurrency limit with the API and is kept per data version.</summary>
[EnableRateLimiting(RateLimits.AnalysisPolicy)]
[OutputCache(PolicyName = PerformanceSetup.PublicCachePolicy)]
[YearScope(YearRule.LatestReal)]
public sealed class ClustersModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public ClusterView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ClusterFilter filter, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(filter.Year, cancellationToken))
        {
            return NotFound();
        }

        // An unknown linkage or an invalid k falls back to the defaults; a k above the number of cities is capped.
        var linkage = Linkages.TryParse(filter.Linkage, out var parsed) ? parsed : Linkages.Default;
        var k = ModelState.IsValid ? filter.K ?? ClusterAnalysis.DefaultK : ClusterAnalysis.DefaultK;
        View = await Analysis.ClustersAsync(Year, linkage, k, cancellationToken);
        return Page();
    }

    public sealed record ClusterFilter
    {
        public int? Year { get; init; }

        public string? Linkage { get; init; }

        [Range(1, 100)]
        public int? K { get; init; }
    }
}
