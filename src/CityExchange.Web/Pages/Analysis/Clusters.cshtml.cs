using CityExchange.Core.Analysis;
using CityExchange.Web.Analysis;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace CityExchange.Web.Pages.Analysis;

public sealed class ClustersModel(AnalysisService analysis) : AnalysisPage(analysis)
{
    public ClusterView? View { get; private set; }

    public ClusterFilter Filter { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync([FromQuery] ClusterFilter filter, CancellationToken cancellationToken)
    {
        if (!await PickYearAsync(filter.Year, cancellationToken))
        {
            return NotFound();
        }

        Filter = filter with { Linkage = Linkages.TryParse(filter.Linkage, out var linkage) ? linkage.Code() : Linkages.Default.Code() };
        View = await Analysis.ClustersAsync(Year, linkage, ModelState.IsValid ? filter.K ?? ClusterAnalysis.DefaultK : ClusterAnalysis.DefaultK, cancellationToken);
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
