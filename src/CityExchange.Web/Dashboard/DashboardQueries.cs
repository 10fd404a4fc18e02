using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using MathNet.Numerics.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Dashboard;

/// <summary>
/// Builds the dashboard pages' view models from <see cref="RankingService"/>'s scores. A null result means the city or
/// year asked for does not exist (the page answers 404).
/// </summary>
public sealed class DashboardQueries(RankingService rankings, CityExchangeDbContext db, ReferenceCache referenceCache)
{
    /// <summary>How many cities ranked near a city the comparison suggests when a city is compared with itself.</summary>
    private const int CityNeighbourCount = 4;

    public async Task<IReadOnlyList<YearOption>> YearsAsync(CancellationToken cancellationToken = default) =>
        [.. (await rankings.GetYearsAsync(cancellationToken)).Select(YearOption.From)];

    public async Task<OverviewView?> OverviewAsync(int? year, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(year, null, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        var previous = await PreviousAsync(context, cancellationToken);
        var rows = RankingTable.Build(scores, previous, null);
        var leaders = Domains.All.Select(d =>
        {
            var top = rows.Where(r => r.Domain(d).HeadlineRank == 1).ToList();
            return new DomainLeader(d, [.. top.Select(r => r.City)], top.Count > 0 ? top[0].Domain(d).Score : double.NaN);
        }).Where(l => l.Cities.Count > 0).ToList();
        var movers = rows
            .Where(r => r.Movement.Change is not null)
            .Select(r => new Mover(r.City, r.Movement.PreviousRank!.Value, r.Rank))
            .ToList();
        var risers = movers.Where(m => m.Change > 0).OrderByDescending(m => m.Change).ThenBy(m => m.Rank).Take(OverviewView.MoverCount).ToList();
        var fallers = movers.Where(m => m.Change < 0).OrderBy(m => m.Change).ThenBy(m => m.Rank).Take(OverviewView.MoverCount).ToList();
        return new OverviewView(context, rows, leaders, risers, fallers);
    }

    public async Task<RankingsView?> RankingsAsync(RankingsQuery query, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(query.Year, query.Method, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        Domain? domain = Domains.TryParse(query.Domain, out var d) ? d : null;
        var sort = RankingSorts.Parse(query.Sort);
        var descending = query.Dir?.Trim().ToLowerInvariant() switch
        {
            "desc" => true,
            "asc" => false,
            _ => sort.DescendingByDefault(),
        };
        var previous = await PreviousAsync(context, cancellationToken);
        var all = RankingTable.Build(scores, previous, domain);
        var matches = RankingTable.Sort(
            RankingTable.Filter(all, query.Region, query.Group, query.Q), sort, descending, RankingTable.NameComparer(CultureInfo.CurrentUICulture));
        var (rows, page, pageCount) = RankingTable.Paginate(matches, query.P);
        var normalised = query with
        {
            Year = context.Year,
            Domain = domain?.Code(),
            Method = context.MethodParameter,
            Group = CityGroups.IsKnown(query.Group) ? query.Group : null,
            Region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim(),
            Q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(),
            Sort = sort == RankingSort.Rank ? null : sort.Code(),
            Dir = descending == sort.DescendingByDefault() ? null : descending ? "desc" : "asc",
            P = page,
        };
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        return new RankingsView(context, normalised, domain, sort, descending, rows, matches.Count, all.Count, page, pageCount,
            Regions(reference.Cities.Cities), scores.Sheet.Warnings,
            all.Count(r => r.PublishedOverallDisagrees), all.Sum(r => r.Domains.Count(x => x.PublishedDisagrees)));
    }

    public async Task<CityProfileView?> CityAsync(string? code, int? year, string? method, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(year, method, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        var c = code is null ? -1 : scores.IndexOf(code.Trim());
        if (c < 0)
        {
            return null;
        }

        var previous = await PreviousAsync(context, cancellationToken);
        var histories = await HistoriesAsync([scores.Cities[c].Code], context, scores, cancellationToken);
        var snapshot = Snapshot(scores, c, previous, histories);
        var medians = Domains.All.Select(d => Median(Enumerable.Range(0, scores.Cities.Count).Select(i => scores.Sheet.DomainScore(d, i)))).ToList();
        var deviations = Deviations(scores, c, medians);
        var missing = scores.Matrix is { } matrix
            ? [.. matrix.Framework.Indicators.Where((_, j) => double.IsNaN(matrix[j, c]))]
            : new List<Indicator>();
        return new CityProfileView(context, snapshot, scores.Cities.Count, medians,
            [.. deviations.Where(x => x.Difference > 0).OrderByDescending(x => x.Difference).Take(CityProfileView.DeviationCount)],
            [.. deviations.Where(x => x.Difference < 0).OrderBy(x => x.Difference).Take(CityProfileView.DeviationCount)],
            missing);
    }

    /// <summary>
    /// Cities for a picker: those whose code, Chinese or English name contains <paramref name="text"/> (ignoring case),
    /// names that start with it first; with a year, only cities with data in it, best-ranked first; else by code. Null
    /// when the year has no data.
    /// </summary>
    public async Task<IReadOnlyList<City>?> SuggestCitiesAsync(string? text, int? year, int limit, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        IEnumerable<City> cities = reference.Cities.Cities;
        // Within a year, better-ranked cities first (the one a reader most likely means); else by code.
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        if (year is not null)
        {
            if (await LoadAsync(year, null, cancellationToken) is not { } loaded)
            {
                return null;
            }

            var scores = loaded.Scores;
            foreach (var i in scores.ByRank())
            {
                order[scores.Cities[i].Code] = order.Count;
            }

            cities = cities.Where(c => order.ContainsKey(c.Code));
        }

        var query = (text ?? "").Trim();
        return
        [
            .. cities
                .Select(c => (City: c, Match: Match(c, query)))
                .Where(x => x.Match >= 0)
                .OrderBy(x => x.Match)
                .ThenBy(x => order.GetValueOrDefault(x.City.Code))
                .ThenBy(x => x.City.Code, StringComparer.Ordinal)
                .Take(limit)
                .Select(x => x.City),
        ];

        // 0: a name or the code starts with the text; 1: contains it; -1: neither.
        static int Match(City city, string query)
        {
            if (query.Length == 0)
            {
                return 0;
            }

            string[] names = [city.Code, city.NameZh, city.NameEn];
            return names.Any(n => n.StartsWith(query, StringComparison.OrdinalIgnoreCase)) ? 0
                : names.Any(n => n.Contains(query, StringComparison.OrdinalIgnoreCase)) ? 1
                : -1;
        }
    }

    /// <summary>
    /// Compares two cities. A missing city defaults to the year's best-ranked city other than the one given; a city
    /// may be named by code, Chinese or English name. When a name is unknown, names a city without data in the year,
    /// or B is A, the view holds only the form, saying so with the cities the reader may have meant. Null when the
    /// year has no data.
    /// </summary>
    public async Task<ComparePage?> CompareAsync(string? a, string? b, int? year, string? method, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(year, method, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var choices = reference.Cities.Cities.Where(city => scores.IndexOf(city.Code) >= 0).ToList();
        // Best-ranked first: of suggestions equally close to a typed name, the city a reader most likely means.
        var ranked = scores.ByRank().Select(i => scores.Cities[i]).ToList();
        var pickA = Pick(a);
        var pickB = Pick(b);
        if (pickA.Problem is null && pickB.Problem is null && pickA.City is { } same && pickB.City?.Code == same.Code)
        {
            pickB = pickB with { Problem = ComparePickProblem.SameCity, City = null, Suggestions = RankNeighbours(same.Code) };
        }

        // A side left out: the year's best-ranked city other than the other side.
        if (pickA.Problem is null && pickA.City is null)
        {
            pickA = ranked.FirstOrDefault(c => c.Code != pickB.City?.Code) is { } first ? ComparePick.Of(first) : pickA;
        }

        if (pickB.Problem is null && pickB.City is null)
        {
            pickB = ranked.FirstOrDefault(c => c.Code != pickA.City?.Code) is { } first ? ComparePick.Of(first) : pickB;
        }

        // A suggestion is never the city already on the other side.
        pickA = pickA with { Suggestions = [.. pickA.Suggestions.Where(c => c.Code != pickB.City?.Code)] };
        pickB = pickB with { Suggestions = [.. pickB.Suggestions.Where(c => c.Code != pickA.City?.Code)] };
        var form = new CompareForm(context, pickA, pickB, choices);
        if (form.HasProblem)
        {
            return new ComparePage(form, null);
        }

        if (pickA.City is not { } cityA || pickB.City is not { } cityB)
        {
            // Fewer than two cities with data in the year.
            return null;
        }

        var ia = scores.IndexOf(cityA.Code);
        var ib = scores.IndexOf(cityB.Code);
        var previous = await PreviousAsync(context, cancellationToken);
        var histories = await HistoriesAsync([cityA.Code, cityB.Code], context, scores, cancellationToken);
        var sa = Snapshot(scores, ia, previous, histories);
        var sb = Snapshot(scores, ib, previous, histories);
        List<CompareIndicatorRow>? indicators = sa.Indicators is { } ra && sb.Indicators is { } rb
            ? [.. ra.Zip(rb, (x, y) => new CompareIndicatorRow(x.Indicator, x, y))]
            : null;
        return new ComparePage(form, new CompareView(context, sa, sb, scores.Cities.Count, indicators));

        ComparePick Pick(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ComparePick("", null, null, []);
            }

            var typed = text.Trim();
            if (!reference.Cities.TryResolve(typed, out var city))
            {
                return new ComparePick(typed, null, ComparePickProblem.UnknownCity, CitySuggestions.Closest(ranked, typed));
            }

            return scores.IndexOf(city.Code) >= 0
                ? ComparePick.Of(city)
                : new ComparePick(typed, null, ComparePickProblem.NoDataInYear, CitySuggestions.Closest(ranked, typed));
        }

        // The cities ranked just above and below a city: the peers a reader comparing it with itself most likely wants.
        List<City> RankNeighbours(string code)
        {
            var at = ranked.FindIndex(c => c.Code == code);
            return [.. ranked.Select((c, i) => (City: c, Distance: Math.Abs(i - at))).Where(x => x.Distance > 0)
                .OrderBy(x => x.Distance).Take(CityNeighbourCount).Select(x => x.City)];
        }
    }

    public async Task<MethodologyView> MethodologyAsync(CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var indicatorCities = await db.Set<IndicatorValue>().AsNoTracking()
            .GroupBy(v => v.Year)
            .Select(g => new { Year = g.Key, Cities = g.Select(v => v.CityCode).Distinct().Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var publishedCities = await db.Set<PublishedScore>().AsNoTracking()
            .GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Cities = g.Count() })
            .ToDictionaryAsync(x => x.Year, x => x.Cities, cancellationToken);
        var years = (await YearsAsync(cancellationToken))
            .Select(y => new YearSummaryRow(y.Year, y.Kind, y.IsDemo, (y.IsPublished ? publishedCities : indicatorCities).GetValueOrDefault(y.Year)))
            .ToList();
        var framework = reference.Framework;
        return new MethodologyView(framework, ScoringWeights.Equal(framework), years, WorkedExampleFor(reference), reference.Cities.Cities.Count);
    }

    /// <summary>The worked example of docs/methodology.md, scored by the engine so the page can never disagree with it.</summary>
    public static WorkedExample WorkedExampleFor(IndexReference reference)
    {
        string[] cityCodes = ["beijing", "shanghai", "guangzhou", "chengdu"];
        string[] indicatorCodes = ["consulates", "sister_cities", "trade_volume", "intl_flights"];
        double[][] values =
        [
            [10, 20, 100, 5],
            [30, 20, 300, double.NaN],
            [20, 40, 200, 15],
            [30, 0, double.NaN, 10],
        ];
        var framework = reference.Framework;
        var cities = cityCodes.Select(code => reference.Cities.TryResolve(code, out var city)
            ? city
            : new City(code, code, code, "", "", "", "", CityLevels.Other, null, null)).ToList();
        var index = indicatorCodes.Select(framework.IndexOf).ToList();
        var matrix = new IndicatorMatrix(framework, cities.Count);
        for (var c = 0; c < cities.Count; c++)
        {
            for (var k = 0; k < index.Count; k++)
            {
                if (index[k] >= 0)
                {
                    matrix[index[k], c] = values[c][k];
                }
            }
        }

        var present = index.Where(j => j >= 0).ToList();
        return new WorkedExample(cities, [.. present.Select(j => framework.Indicators[j])], matrix, present, ScoringEngine.Score(matrix));
    }

    /// <summary>The regions of the cities, in the report's order (<see cref="CityRegions.ReportOrder"/>); any other region follows by key.</summary>
    public static IReadOnlyList<RegionOption> Regions(IEnumerable<City> cities) =>
    [
        .. cities
            .GroupBy(c => c.RegionZh, StringComparer.Ordinal)
            .Select(g => new RegionOption(g.Key, g.Key, g.First().RegionEn))
            .OrderBy(r => CityRegions.OrderOf(r.Key))
            .ThenBy(r => r.Key, StringComparer.Ordinal),
    ];

    /// <summary>The median of the values present (MathNet); NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        return present.Length == 0 ? double.NaN : present.Median();
    }

    /// <summary>
    /// Every indicator's (indicator year) or domain's (published year) distance from the median city:
    /// normalised score minus the median normalised score of the cities scored on it.
    /// </summary>
    public static List<Deviation> Deviations(YearScores scores, int city, IReadOnlyList<double> medianDomains)
    {
        var sheet = scores.Sheet;
        var n = scores.Cities.Count;
        if (scores.Matrix is not { } matrix)
        {
            return
            [
                .. Domains.All
                    .Select(d => new Deviation(d, null, sheet.DomainScore(d, city), medianDomains[(int)d]))
                    .Where(x => !double.IsNaN(x.Difference)),
            ];
        }

        var deviations = new List<Deviation>();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var indicator = matrix.Framework.Indicators[j];
            var median = Median(Enumerable.Range(0, n).Select(i => sheet.NormalisedScore(j, i)));
            var deviation = new Deviation(indicator.Domain, indicator, sheet.NormalisedScore(j, city), median);
            if (!double.IsNaN(deviation.Difference))
            {
                deviations.Add(deviation);
            }
        }

        return deviations;
    }

    /// <summary>Every indicator of a city in an indicator year, with its rank and the year's min/median/max; null for a published year.</summary>
    public static List<IndicatorRow>? IndicatorRows(YearScores scores, int city)
    {
        if (scores.Matrix is not { } matrix)
        {
            return null;
        }

        var rows = new List<IndicatorRow>(matrix.Framework.Count);
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var indicator = matrix.Framework.Indicators[j];
            var column = matrix.Column(j);
            var present = column.ToArray().Where(v => !double.IsNaN(v)).ToArray();
            var oriented = column.ToArray().Select(v => v * indicator.Polarity).ToArray();
            var ranks = CompetitionRanker.RankDescending(oriented);
            rows.Add(new IndicatorRow(
                indicator,
                column[city],
                scores.Sheet.NormalisedScore(j, city),
                ranks[city],
                present.Length,
                present.Length > 0 ? present.Min() : double.NaN,
                Median(present),
                present.Length > 0 ? present.Max() : double.NaN,
                scores.SourceNotes.GetValueOrDefault((j, city))));
        }

        return rows;
    }

    private static CitySnapshot Snapshot(
        YearScores scores,
        int c,
        YearScores? previous,
        IReadOnlyDictionary<string, List<RankHistoryPoint>> histories)
    {
        var sheet = scores.Sheet;
        var city = scores.Cities[c];
        var domains = RankingTable.DomainResults(scores, c);
        var movement = previous is null
            ? Movement.NotCompared
            : new Movement(true, previous.IndexOf(city.Code) is var p && p >= 0 && previous.Sheet.OverallRanks[p] > 0 ? previous.Sheet.OverallRanks[p] : null, sheet.OverallRanks[c]);
        return new CitySnapshot(city, sheet.Overall[c], sheet.OverallRanks[c], scores.PrintedOverall(c).Printed, sheet.Coverage[c], domains, movement,
            IndicatorRows(scores, c), histories.GetValueOrDefault(city.Code) ?? []);
    }

    private async Task<(YearContext Context, YearScores Scores)?> LoadAsync(int? year, string? method, CancellationToken cancellationToken)
    {
        var years = await YearsAsync(cancellationToken);
        var current = YearCatalogue.Pick(years, year, YearRule.LatestReal);
        if (current is null)
        {
            return null;
        }

        var normalisation = MethodParameter.Parse(method);
        var scores = await rankings.ScoreAsync(current.Year, new ScoringOptions(normalisation), cancellationToken);
        if (scores is null)
        {
            return null;
        }

        var previous = years.LastOrDefault(y => y.Year < current.Year);
        return (new YearContext(current, normalisation, years, previous), scores);
    }

    private async Task<YearScores?> PreviousAsync(YearContext context, CancellationToken cancellationToken) =>
        context.Previous is { } previous
            ? await rankings.ScoreAsync(previous.Year, new ScoringOptions(context.Method), cancellationToken)
            : null;

    /// <summary>
    /// The ranks of the given cities in every year with data, scored with the context's method; for a published year the
    /// ranks the report printed, as the pages headline them.
    /// </summary>
    private async Task<Dictionary<string, List<RankHistoryPoint>>> HistoriesAsync(
        IReadOnlyList<string> codes,
        YearContext context,
        YearScores current,
        CancellationToken cancellationToken)
    {
        var histories = codes.Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => new List<RankHistoryPoint>(), StringComparer.Ordinal);
        foreach (var year in context.Years)
        {
            var scores = year.Year == context.Year
                ? current
                : await rankings.ScoreAsync(year.Year, new ScoringOptions(context.Method), cancellationToken);
            if (scores is null)
            {
                continue;
            }

            foreach (var (code, points) in histories)
            {
                var i = scores.IndexOf(code);
                points.Add(new RankHistoryPoint(
                    year.Year,
                    year.IsDemo,
                    year.IsPublished,
                    scores.Cities.Count,
                    i >= 0 ? Headline(scores.PrintedOverall(i)) : null,
                    [.. Domains.All.Select(d => i >= 0 ? Headline(scores.PrintedDomain(d, i)) : null)],
                    i >= 0));
            }
        }

        return histories;

        static int? Headline(Core.Published.PrintedRank rank) => rank.Headline > 0 ? rank.Headline : null;
    }
}
