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
/// The bump chart of <c>/Rankings</c>: the overall rank in every stored year of the latest year's top
/// <see cref="MaxCities"/> cities (every city of every year while there are no more), in the order of the latest year's ranks
/// (then by code); its top ten are <see cref="BumpCity.Labelled"/>. <see cref="TotalCities"/> counts the cities it
/// chose from: more lines than that are noise, and each would be a row of the page's table.
/// </summary>
public sealed record BumpChart(IReadOnlyList<BumpYear> Years, IReadOnlyList<BumpCity> Cities, int MaxRank, int TotalCities)
{
    /// <summary>How many of the latest year's cities are named at the line ends.</summary>
    public const int LabelledCount = 10;

    /// <summary>The most lines drawn: the latest year's top 50 (all 46 of the report's cities).</summary>
    public const int MaxCities = 50;

    public int? LatestYear => Years.Count == 0 ? null : Years[^1].Year;

    public bool IsCapped => TotalCities > Cities.Count;
}

/// <summary>
/// Builds the <see cref="BumpChart"/> from each stored year scored in the page's method and coverage threshold
/// (<see cref="PageYears.ScoreAsync"/>, cached per year), taking the ranks the pages headline: a published year's printed ranks, else the rank of the score.
/// Only the chosen cities are looked up in each year, so a 20,000-city year costs one pass over its cities.
/// </summary>
public sealed class BumpChartQuery(PageYears pageYears)
{
    public async Task<BumpChart> LoadAsync(YearContext context, CancellationToken cancellationToken)
    {
        var scored = new List<(YearOption Year, YearScores Scores)>();
        foreach (var year in context.Years)
        {
            if (await pageYears.ScoreAsync(year, context, cancellationToken) is { } scores)
            {
                scored.Add((year, scores));
            }
        }

        if (scored.Count == 0)
        {
            return new BumpChart([], [], 0, 0);
        }

        // Every city of every year while they are few (the report's 46, a city that left the index included); else
        // the latest year's best-ranked cities. Either way in the latest year's rank order, then by code.
        var latest = scored[^1].Scores;

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, scores) in scored)
        {
            foreach (var city in scores.Cities)
            {
                if (names.Count > BumpChart.MaxCities)
                {
                    break;
                }

                names.TryAdd(city.Code, Localized.Name(city));
            }
        }

        // A large computed year is in rank order already (ByRank, cached with it): its first cities are the candidates.
        var candidates = names.Count <= BumpChart.MaxCities
            ? names.Select(n => (Code: n.Key, Name: n.Value))
            : latest.HasPrintedRanks
                ? latest.Cities.Select(c => (c.Code, Name: Localized.Name(c)))
                : latest.ByRank().Take(BumpChart.MaxCities).Select(i => (latest.Cities[i].Code, Name: Localized.Name(latest.Cities[i])));
        var chosen = candidates
            .Select(c => (c.Code, c.Name, Rank: HeadlineRank(latest, c.Code)))
            .OrderBy(c => c.Rank > 0 ? c.Rank : int.MaxValue)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Take(BumpChart.MaxCities)
            .ToList();
        var total = names.Count <= BumpChart.MaxCities ? names.Count : latest.Cities.Count;
        // Each chosen city looked up in each year (the years' code indexes): 50 lookups a year, not a pass over 20,000 cities.
        var ranks = chosen.Select(c => scored.Select(s => HeadlineRank(s.Scores, c.Code) is var rank and > 0 ? rank : (int?)null).ToArray()).ToList();

        var cities = chosen.Select((c, i) => new BumpCity(c.Code, c.Name, ranks[i], c.Rank is > 0 and <= BumpChart.LabelledCount)).ToList();
        var maxRank = ranks.SelectMany(r => r).Max() ?? 0;
        var years = scored.Select(s => new BumpYear(s.Year.Year, s.Year.IsDemo, s.Year.IsPublished)).ToList();
        return new BumpChart(years, cities, maxRank, total);
    }

    /// <summary>The rank a page headlines for the city in a scored year (the printed one of a published year); 0 without one.</summary>
    private static int HeadlineRank(YearScores scores, string code) => scores.IndexOf(code) is var i and >= 0 ? scores.PrintedOverall(i).Headline : 0;
}
