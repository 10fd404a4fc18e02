using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>
/// Builds, filters, sorts and pages the rows of a ranking from the scores given; sorting by name or region uses the
/// current UI culture's city names.
/// </summary>
public static class RankingTable
{
    public const int PageSize = 100;

    /// <summary>
    /// One row per scored city, in headline order of the ranking shown (overall, or <paramref name="domain"/>'s): the
    /// report's printed rank for a published year, else the rank of the score; with the movement since
    /// <paramref name="previous"/> in the same ranking.
    /// </summary>
    public static List<RankingRow> Build(YearScores scores, YearScores? previous, Domain? domain)
    {
        var sheet = scores.Sheet;
        var previousRanks = previous is null ? null : RanksByCity(previous, domain);
        var rows = new List<RankingRow>(scores.Cities.Count);
        for (var i = 0; i < scores.Cities.Count; i++)
        {
            // A city left out by the coverage threshold is listed apart (the page's excluded list), not as an unranked row.
            if (sheet.IsExcluded(i))
            {
                continue;
            }

            var city = scores.Cities[i];
            var domains = DomainResults(scores, i);
            var rank = domain is { } shown ? sheet.DomainRank(shown, i) : sheet.OverallRanks[i];
            var score = domain is { } shownDomain ? sheet.DomainScore(shownDomain, i) : sheet.Overall[i];
            var movement = previousRanks is null
                ? Movement.NotCompared
                : new Movement(true, previousRanks.TryGetValue(city.Code, out var before) ? before : null, rank);
            var printedOverall = scores.PrintedOverall(i).Printed;
            var publishedRank = domain is { } d2 ? domains[(int)d2].PublishedRank : printedOverall;
            rows.Add(new RankingRow(city, rank, score, sheet.Overall[i], sheet.OverallRanks[i], publishedRank, printedOverall, domains,
                sheet.Coverage[i], movement, Contributions(domains)));
        }

        return Sort(rows, RankingSort.Rank, descending: false, StringComparer.Ordinal);
    }

    /// <summary>A city's four domain scores with the rank of each and, for a published year, the rank the report printed.</summary>
    public static List<DomainResult> DomainResults(YearScores scores, int city) =>
    [
        .. Domains.All.Select(d => new DomainResult(d, scores.Sheet.DomainScore(d, city), scores.Sheet.DomainRank(d, city), scores.PrintedDomain(d, city).Printed)),
    ];

    /// <summary>
    /// Each domain's part of the overall score: with the equal weights in force, the domain score divided by the number
    /// of domains the city has (so the parts add up to the overall score); 0 for a missing domain.
    /// </summary>
    public static double[] Contributions(IReadOnlyList<DomainResult> domains)
    {
        var present = domains.Count(d => d.HasScore);
        return [.. domains.Select(d => d.HasScore && present > 0 ? d.Score / present : 0)];
    }

    /// <summary>Keeps the rows of <paramref name="region"/> (Chinese or English key), <paramref name="group"/> and matching <paramref name="search"/>.</summary>
    public static IEnumerable<RankingRow> Filter(IEnumerable<RankingRow> rows, string? region, string? group, string? search)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            var r = region.Trim();
            rows = rows.Where(row => string.Equals(row.City.RegionZh, r, StringComparison.OrdinalIgnoreCase)
                                     || string.Equals(row.City.RegionEn, r, StringComparison.OrdinalIgnoreCase));
        }

        if (CityGroups.IsKnown(group))
        {
            rows = rows.Where(row => CityGroups.Contains(group!, row.City));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var q = search.Trim();
            rows = rows.Where(row => row.City.NameZh.Contains(q, StringComparison.OrdinalIgnoreCase)
                                     || row.City.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase)
                                     || row.City.Code.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        return rows;
    }

    /// <summary>
    /// Sorts by a column (<see cref="RankingSort.Rank"/>: the headline rank); cities without a value in that column come
    /// last whatever the direction; ties keep the rank of the score, then code order. <paramref name="names"/> compares the displayed names (culture-aware).
    /// </summary>
    public static List<RankingRow> Sort(IEnumerable<RankingRow> rows, RankingSort sort, bool descending, IComparer<string> names)
    {
        IOrderedEnumerable<RankingRow> ordered = sort switch
        {
            RankingSort.Name => Direction(rows.OrderBy(_ => false), r => Display(r), descending, names),
            RankingSort.Region => Direction(rows.OrderBy(_ => false), r => Localized.Region(r.City), descending, names),
            RankingSort.Rank => ByNumber(rows, r => r.HeadlineRank == 0 ? double.NaN : r.HeadlineRank, descending),
            RankingSort.Score => ByNumber(rows, r => r.Score, descending),
            RankingSort.Social => ByNumber(rows, r => r.Domain(Domain.Social).Score, descending),
            RankingSort.Culture => ByNumber(rows, r => r.Domain(Domain.Culture).Score, descending),
            RankingSort.Trade => ByNumber(rows, r => r.Domain(Domain.Trade).Score, descending),
            RankingSort.Politics => ByNumber(rows, r => r.Domain(Domain.Politics).Score, descending),
            RankingSort.Coverage => ByNumber(rows, r => r.Coverage, descending),
            RankingSort.Movement => ByNumber(rows, r => r.Movement.Change ?? double.NaN, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        return [.. ordered.ThenBy(r => r.Rank == 0 ? int.MaxValue : r.Rank).ThenBy(r => r.City.Code, StringComparer.Ordinal)];

        static string Display(RankingRow row) => Localized.Name(row.City);
    }

    /// <summary>The rows of page <paramref name="page"/> (from 1, clamped to the pages there are) and the page count.</summary>
    public static (IReadOnlyList<T> Items, int Page, int PageCount) Paginate<T>(IReadOnlyList<T> rows, int? page, int pageSize = PageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pageCount = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        return ([.. rows.Skip((current - 1) * pageSize).Take(pageSize)], current, pageCount);
    }

    /// <summary>A culture-aware name comparer (pinyin order for Chinese where the platform supports it).</summary>
    public static StringComparer NameComparer(CultureInfo culture) => StringComparer.Create(culture, ignoreCase: true);

    private static Dictionary<string, int> RanksByCity(YearScores scores, Domain? domain)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Cities.Count; i++)
        {
            var rank = domain is { } d ? scores.Sheet.DomainRank(d, i) : scores.Sheet.OverallRanks[i];
            if (rank > 0)
            {
                ranks[scores.Cities[i].Code] = rank;
            }
        }

        return ranks;
    }

    private static IOrderedEnumerable<RankingRow> ByNumber(IEnumerable<RankingRow> rows, Func<RankingRow, double> key, bool descending)
    {
        var missingLast = rows.OrderBy(r => double.IsNaN(key(r)));
        return descending ? missingLast.ThenByDescending(key) : missingLast.ThenBy(key);
    }

    private static IOrderedEnumerable<RankingRow> Direction(IOrderedEnumerable<RankingRow> rows, Func<RankingRow, string> key, bool descending, IComparer<string> comparer) =>
        descending ? rows.ThenByDescending(key, comparer) : rows.ThenBy(key, comparer);
}
