using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using System.Runtime.CompilerServices;
using MathNet.Numerics.Statistics;

namespace CityExchange.Web.Pages.Cities;

/// <summary>
/// One city in one year as its profile and the comparison show it: scores, ranks, movement, indicators and the rank
/// history over every year with data.
/// </summary>
public sealed class CitySnapshots(PageYears years)
{
    public static CitySnapshot Snapshot(
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

    /// <summary>
    /// The ranks of the given cities in every year with data, scored with the context's method and threshold; for a published year the
    /// ranks the report printed, as the pages headline them.
    /// </summary>
    public async Task<Dictionary<string, List<RankHistoryPoint>>> HistoriesAsync(
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
                : await years.ScoreAsync(year, context, cancellationToken);
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
                    scores.Cities.Count - scores.Sheet.Excluded.Count,
                    i >= 0 ? Headline(scores.PrintedOverall(i)) : null,
                    [.. Domains.All.Select(d => i >= 0 ? Headline(scores.PrintedDomain(d, i)) : null)],
                    i >= 0));
            }
        }

        return histories;

        static int? Headline(Core.Published.PrintedRank rank) => rank.Headline > 0 ? rank.Headline : null;
    }

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
        if (scores.Matrix is not { } matrix)
        {
            return
            [
                .. Domains.All
                    .Select(d => new Deviation(d, null, sheet.DomainScore(d, city), medianDomains[(int)d]))
                    .Where(x => !double.IsNaN(x.Difference)),
            ];
        }

        var columns = YearColumns.Of(scores);
        var deviations = new List<Deviation>();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var indicator = matrix.Framework.Indicators[j];
            var median = columns.MedianNormalised[j];
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

        var columns = YearColumns.Of(scores);
        var rows = new List<IndicatorRow>(matrix.Framework.Count);
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            rows.Add(new IndicatorRow(
                matrix.Framework.Indicators[j],
                matrix[j, city],
                scores.Sheet.NormalisedScore(j, city),
                columns.Ranks[j][city],
                columns.Count[j],
                columns.Min[j],
                columns.Median[j],
                columns.Max[j],
                scores.SourceNotes.GetValueOrDefault((j, city))));
        }

        return rows;
    }

    /// <summary>The median city's four domain scores (each over the cities scored in it); NaN for a domain nobody has.</summary>
    public static IReadOnlyList<double> MedianDomains(YearScores scores) => YearColumns.Of(scores).MedianDomains;

    /// <summary>
    /// What every city page of a year shares: each indicator's ranks, count, min, median and max of the raw values and
    /// median normalised score, and the median domain scores. Computed once per scored year (kept as long as it is
    /// cached): a city page of a 20,000-city year otherwise ranked and sorted 17 columns of 20,000 values on every build.
    /// </summary>
    private sealed class YearColumns
    {
        private static readonly ConditionalWeakTable<YearScores, YearColumns> Cache = [];

        private YearColumns(YearScores scores)
        {
            var n = scores.Cities.Count;
            var sheet = scores.Sheet;
            MedianDomains = [.. Domains.All.Select(d => CitySnapshots.Median(Enumerable.Range(0, n).Select(i => sheet.DomainScore(d, i))))];
            var count = scores.Matrix?.Framework.Count ?? 0;
            Ranks = new int[count][];
            Count = new int[count];
            Min = new double[count];
            Median = new double[count];
            Max = new double[count];
            MedianNormalised = new double[count];
            for (var j = 0; j < count; j++)
            {
                var matrix = scores.Matrix!;
                var indicator = matrix.Framework.Indicators[j];
                var column = matrix.Column(j).ToArray();
                var present = column.Where(v => !double.IsNaN(v)).ToArray();
                Ranks[j] = CompetitionRanker.RankDescending(column.Select(v => v * indicator.Polarity).ToArray());
                Count[j] = present.Length;
                Min[j] = present.Length > 0 ? present.Min() : double.NaN;
                Median[j] = CitySnapshots.Median(present);
                Max[j] = present.Length > 0 ? present.Max() : double.NaN;
                MedianNormalised[j] = CitySnapshots.Median(Enumerable.Range(0, n).Select(i => sheet.NormalisedScore(j, i)));
            }
        }

        public IReadOnlyList<double> MedianDomains { get; }

        public int[][] Ranks { get; }

        public int[] Count { get; }

        public double[] Min { get; }

        public double[] Median { get; }

        public double[] Max { get; }

        public double[] MedianNormalised { get; }

        public static YearColumns Of(YearScores scores) => Cache.GetValue(scores, s => new YearColumns(s));
    }
}
