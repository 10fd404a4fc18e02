using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>One city's line in the bump chart: its overall rank in each year of <see cref="BumpChart.Years"/> (null where it has none).</summary>
public sealed record BumpCity(string Code, string Name, IReadOnlyList<int?> Ranks, bool Labelled);

/// <summary>One year of the bump chart.</summary>
public sealed record BumpYear(int Year, bool IsDemo, bool IsPublished);

/// <summary>
/// The bump chart of <c>/Rankings</c>: every city's overall rank in every stored year, the cities in the order of the
/// latest year's ranks (then by code); the top ten of the latest year are <see cref="BumpCity.Labelled"/>.
/// </summary>
public sealed record BumpChart(IReadOnlyList<BumpYear> Years, IReadOnlyList<BumpCity> Cities, int MaxRank)
{
    /// <summary>How many of the latest year's cities are named at the line ends.</summary>
    public const int LabelledCount = 10;

    public int? LatestYear => Years.Count == 0 ? null : Years[^1].Year;
}

/// <summary>
/// Builds the <see cref="BumpChart"/> from each stored year scored in the page's method (<see cref="RankingService"/>,
/// cached per year), taking the ranks the pages headline: a published year's printed ranks, else the rank of the score.
/// </summary>
public sealed class BumpChartQuery(RankingService rankings)
{
    public async Task<BumpChart> LoadAsync(YearContext context, CancellationToken cancellationToken)
    {
        var years = new List<BumpYear>();
        var ranks = new List<Dictionary<string, int>>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in context.Years)
        {
            var scores = await rankings.ScoreAsync(year.Year, new ScoringOptions(context.Method), cancellationToken);
            if (scores is null)
            {
                continue;
            }

            var byCity = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < scores.Cities.Count; i++)
            {
                var city = scores.Cities[i];
                names.TryAdd(city.Code, Localized.Name(city));
                if (scores.PrintedOverall(i).Headline is var rank and > 0)
                {
                    byCity[city.Code] = rank;
                }
            }

            years.Add(new BumpYear(year.Year, year.IsDemo, year.IsPublished));
            ranks.Add(byCity);
        }

        var latest = ranks.Count == 0 ? [] : ranks[^1];
        var cities = names.Keys
            .OrderBy(code => latest.TryGetValue(code, out var r) ? r : int.MaxValue)
            .ThenBy(code => code, StringComparer.Ordinal)
            .Select(code => new BumpCity(
                code,
                names[code],
                [.. ranks.Select(r => r.TryGetValue(code, out var rank) ? rank : (int?)null)],
                latest.TryGetValue(code, out var last) && last <= BumpChart.LabelledCount))
            .ToList();
        var maxRank = ranks.Count == 0 ? 0 : ranks.Max(r => r.Count == 0 ? 0 : r.Values.Max());
        return new BumpChart(years, cities, maxRank);
    }
}
