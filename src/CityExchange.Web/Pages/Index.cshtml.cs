using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages;

public sealed class IndexModel(RankingService rankings) : PageModel
{
    public YearScores? Scores { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var years = await rankings.GetYearsAsync(cancellationToken);
        var shown = years.FirstOrDefault(y => y.Year == year) ?? years.LastOrDefault(y => !y.IsDemo) ?? years.LastOrDefault();
        if (shown is not null)
        {
            Scores = await rankings.ScoreAsync(shown.Year, ScoringOptions.Default, cancellationToken);
        }
    }
}
