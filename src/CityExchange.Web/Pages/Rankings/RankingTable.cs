using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// <remarks>
    /// The rows of a scored year are built and sorted once per ranking (<see cref="YearRows"/>, kept as long as the
    /// scored year is cached): an upload into the previous year then costs a page of a 20,000-city year only the
    /// movements, not 20,000 rows rebuilt and sorted again (the soak's tail, docs/performance.md).
    /// </remarks>
    public static IReadOnlyList<RankingRow> Build(YearScores scores, YearScores? previous, Domain? domain) =>
        previous is null ? YearRows.Of(scores).For(domain) : YearRows.Of(scores).Since(previous, domain);

    /// <summary>The rows of a year and their rank order, per ranking (overall and each domain), built when first asked for.</summary>
    private sealed class YearRows(YearScores scores)
    {
        private static readonly ConditionalWeakTable<YearScores, YearRows> Cache = [];

        private readonly Lazy<IReadOnlyList<RankingRow>>[] _rows = [.. Enumerable.Range(0, Domains.All.Count + 1)
            .Select(i => new Lazy<IReadOnlyList<RankingRow>>(() => BuildRows(scores, i == 0 ? null : Domains.All[i - 1])))];

        private readonly Lazy<IReadOnlyDictionary<string, int>>[] _ranks = [.. Enumerable.Range(0, Domains.All.Count + 1)
            .Select(i => new Lazy<IReadOnlyDictionary<string, int>>(() => RanksOf(scores, i == 0 ? null : Domains.All[i - 1])))];

        public static YearRows Of(YearScores scores) => Cache.GetValue(scores, s => new YearRows(s));

        // The rows with their movements since the previous scored year last asked for: the pages of a year that show
        // movements (overview, rankings, their pages and filters) share one copy per upload into the previous year. One
        // slot, replaced when the previous year changes: a copy per old version would keep 20,000 rows alive for every
        // upload the ranking cache still holds (the soak's RSS grew 60 % in 10 minutes that way).
        private Moves? _since;

        public IReadOnlyList<RankingRow> For(Domain? domain) => _rows[Slot(domain)].Value;

        public IReadOnlyList<RankingRow> Since(YearScores previous, Domain? domain)
        {
            var since = _since;
            if (since is null || !ReferenceEquals(since.Previous, previous))
            {
                since = new Moves(previous, [.. Enumerable.Range(0, Domains.All.Count + 1)
                    .Select(i => new Lazy<IReadOnlyList<RankingRow>>(() => Moved(For(i == 0 ? null : Domains.All[i - 1]), Of(previous).RanksByCity(i == 0 ? null : Domains.All[i - 1]))))]);
                _since = since;
            }

            return since.Rows[Slot(domain)].Value;
        }

        private sealed record Moves(YearScores Previous, Lazy<IReadOnlyList<RankingRow>>[] Rows);

        private static List<RankingRow> Moved(IReadOnlyList<RankingRow> rows, IReadOnlyDictionary<string, int> previousRanks)
        {
            var moved = new List<RankingRow>(rows.Count);
            foreach (var row in rows)
            {
                moved.Add(row with { Movement = new Movement(true, previousRanks.TryGetValue(row.City.Code, out var before) ? before : null, row.Rank) });
            }

            return moved;
        }

        public IReadOnlyDictionary<string, int> RanksByCity(Domain? domain) => _ranks[Slot(domain)].Value;

        private static int Slot(Domain? domain) => domain is { } d ? (int)d + 1 : 0;
    }

    private static List<RankingRow> BuildRows(YearScores scores, Domain? domain)
    {
        var sheet = scores.Sheet;
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
            var printedOverall = scores.PrintedOverall(i).Printed;
            var publishedRank = domain is { } d2 ? domains[(int)d2].PublishedRank : printedOverall;
            rows.Add(new RankingRow(city, rank, score, sheet.Overall[i], sheet.OverallRanks[i], publishedRank, printedOverall, domains,
                sheet.Coverage[i], Movement.NotCompared, Contributions(domains)));
        }

        return SortRows(rows, RankingSort.Rank, descending: false, StringComparer.Ordinal);
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
    public static List<RankingRow> Sort(IEnumerable<RankingRow> rows, RankingSort sort, bool descending, IComparer<string> names) =>
        // Rows from Build (filtered or not) are in this order already: the default view of a large year sorts nothing.
        sort == RankingSort.Rank && !descending && rows is IReadOnlyList<RankingRow> or ICollection<RankingRow> && IsInRankOrder(rows)
            ? [.. rows]
            : SortRows(rows, sort, descending, names);

    private static bool IsInRankOrder(IEnumerable<RankingRow> rows)
    {
        RankingRow? before = null;
        foreach (var row in rows)
        {
            if (before is not null && CompareByRank(before, row) > 0)
            {
                return false;
            }

            before = row;
        }

        return true;
    }

    /// <summary>The order of <see cref="RankingSort.Rank"/> ascending: headline rank (none last), then rank of the score (none last), then code.</summary>
    private static int CompareByRank(RankingRow a, RankingRow b)
    {
        var headline = Key(a.HeadlineRank).CompareTo(Key(b.HeadlineRank));
        if (headline != 0)
        {
            return headline;
        }

        var rank = Key(a.Rank).CompareTo(Key(b.Rank));
        return rank != 0 ? rank : string.CompareOrdinal(a.City.Code, b.City.Code);

        static int Key(int rank) => rank == 0 ? int.MaxValue : rank;
    }

    private static List<RankingRow> SortRows(IEnumerable<RankingRow> rows, RankingSort sort, bool descending, IComparer<string> names)
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

    private static Dictionary<string, int> RanksOf(YearScores scores, Domain? domain)
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
