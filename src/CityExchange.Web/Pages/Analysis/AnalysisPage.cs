using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>What every analysis page shares: the stored years for the year picker and the year shown.</summary>
public abstract class AnalysisPage(AnalysisService analysis) : PageModel
{
    protected AnalysisService Analysis { get; } = analysis;

    public IReadOnlyList<YearOption> Years { get; private set; } = [];

    public int Year { get; private set; }

    public bool IsDemo => Years.FirstOrDefault(y => y.Year == Year)?.IsDemo == true;

    /// <summary>
    /// Loads the years and picks <paramref name="requested"/>, else <paramref name="preferred"/> (the page's own choice,
    /// when stored), else the year <paramref name="rule"/> picks (the latest non-demo year); false when the requested
    /// year is unknown or none is stored.
    /// </summary>
    protected async Task<bool> PickYearAsync(int? requested, CancellationToken cancellationToken, int? preferred = null, YearRule rule = YearRule.LatestReal)
    {
        Years = [.. (await Analysis.GetYearsAsync(cancellationToken)).Select(YearOption.From)];
        var shown = YearCatalogue.Pick(Years, requested, rule, preferred);
        Year = shown?.Year ?? 0;
        return shown is not null;
    }
}
