using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using MathNet.Numerics.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// The report's analyses (part 4) for any stored year, on the scores <see cref="RankingService"/> gives with the
/// default options (for 2013, the published domain scores). Each method returns null when the year has no data.
/// </summary>
public sealed class AnalysisService(RankingService rankings, CityExchangeDbContext db, AuditReports audits)
{
    public Task<List<DataYear>> GetYearsAsync(CancellationToken cancellationToken = default) => rankings.GetYearsAsync(cancellationToken);

    public Task<YearScores?> ScoreAsync(int year, CancellationToken cancellationToken = default) =>
        rankings.ScoreAsync(year, ScoringOptions.Default, cancellationToken);

    /// <summary>How many cities of the year can be clustered (those with all four domain scores).</summary>
    public static int ClusterableCount(YearScores scores) => ClusterAnalysis.Clusterable(scores.Sheet, Codes(scores)).Count;

    public static ClusterResult Cluster(YearScores scores, Linkage linkage, int k, CancellationToken cancellationToken = default) =>
        ClusterAnalysis.Run(scores.Sheet, Codes(scores), linkage, k, cancellationToken);

    /// <summary>
    /// Why <paramref name="linkage"/> cannot cluster the year (average and complete linkage keep the n² distances and stop at
    /// <see cref="HierarchicalClustering.PairwiseLimit"/> cities), in the reader's language; null when it can.
    /// </summary>
    public static string? TooLarge(YearScores scores, Linkage linkage) =>
        HierarchicalClustering.PointLimit(linkage) is { } limit && ClusterableCount(scores) is var n && n > limit
            ? new ClusteringTooLargeException(linkage, n, limit).Message
            : null;

    /// <summary>Clusters the year; k must lie between 1 and <see cref="ClusterableCount"/> (the caller checks).</summary>
    public async Task<ClusterView?> ClustersAsync(int year, Linkage linkage, int k, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(year, cancellationToken);
        if (scores is null)
        {
            return null;
        }

        // A linkage that cannot take the year falls back to the default, said on the page, instead of an error page.
        var refused = TooLarge(scores, linkage);
        var result = Cluster(scores, refused is null ? linkage : Linkages.Default, Math.Clamp(k, 1, Math.Max(1, ClusterableCount(scores))), cancellationToken);
        return new ClusterView(scores, result, await CompareWithPublishedAsync(scores, cancellationToken), refused);
    }

    public async Task<GroupView?> GroupsAsync(int year, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(year, cancellationToken);
        return scores is null
            ? null
            : new GroupView(scores, GroupAnalysis.ByKind(scores.Cities, scores.Sheet),
                GroupAnalysis.Figure10(scores.Cities, scores.Sheet), GroupAnalysis.Figure11(scores.Cities, scores.Sheet));
    }

    public async Task<CorrelationView?> CorrelationsAsync(int year, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(year, cancellationToken);
        return scores is null
            ? null
            : new CorrelationView(scores, DomainCorrelations.Pearson(scores.Sheet), DomainCorrelations.Spearman(scores.Sheet));
    }

    /// <summary>The statistical audit of the year (cached with its scores, <see cref="AuditReports"/>).</summary>
    public async Task<AuditView?> AuditAsync(int year, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(year, cancellationToken);
        return scores is null ? null : new AuditView(scores, audits.Of(scores));
    }

    /// <summary>
    /// The year the regression page opens on: the latest year with scores and covariates, one with real (uploaded)
    /// covariates before one with only synthetic ones; null when no such year is stored.
    /// </summary>
    public async Task<int?> LatestCovariateYearAsync(CancellationToken cancellationToken = default)
    {
        var years = await db.Set<CovariateValue>().AsNoTracking()
            .Where(v => db.Set<DataYear>().Any(y => y.Year == v.Year))
            .GroupBy(v => v.Year)
            .Select(g => new { Year = g.Key, Real = g.Count(v => !v.IsDemo) })
            .ToListAsync(cancellationToken);
        return years.Where(y => y.Real > 0).Select(y => (int?)y.Year).Max() ?? years.Select(y => (int?)y.Year).Max();
    }

    /// <summary>Regresses the year's scores on <paramref name="covariate"/> (default: gdp if stored, else the first covariate).</summary>
    public async Task<RegressionView?> RegressionAsync(int year, string? covariate, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(year, cancellationToken);
        if (scores is null)
        {
            return null;
        }

        var stored = await db.Set<CovariateValue>().AsNoTracking().Where(v => v.Year == year).ToListAsync(cancellationToken);
        var codes = stored.Select(v => v.Code).Distinct()
            .OrderBy(c => c == DemoCovariates.Gdp ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var chosen = codes.FirstOrDefault(c => string.Equals(c, covariate?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? codes.FirstOrDefault();
        var values = stored.Where(v => v.Code == chosen).ToDictionary(v => v.CityCode, StringComparer.Ordinal);

        var points = new List<RegressionPoint>();
        for (var c = 0; c < scores.Cities.Count; c++)
        {
            if (values.TryGetValue(scores.Cities[c].Code, out var value) && !double.IsNaN(scores.Sheet.Overall[c]))
            {
                points.Add(new RegressionPoint(c, value.Value, scores.Sheet.Overall[c]));
            }
        }

        var x = points.Select(p => p.X).ToList();
        var domains = Domains.All.ToDictionary(d => d,
            d => LinearRegression.Fit(x, [.. points.Select(p => scores.Sheet.DomainScore(d, p.City))]));
        return new RegressionView(scores, codes, chosen, values.Values.Any(v => v.IsDemo), points,
            LinearRegression.Fit(x, [.. points.Select(p => p.Overall)]), domains);
    }

    /// <summary>The published year beside our computation of it; null when that year is not stored.</summary>
    public async Task<ReportView?> ReportAsync(CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(ReportReference.Year, cancellationToken);
        if (scores is null)
        {
            return null;
        }

        var ranks = new List<RankAgreement> { Agreement(scores, null, c => scores.PrintedOverall(c)) };
        ranks.AddRange(Domains.All.Select(d => Agreement(scores, d, c => scores.PrintedDomain(d, c))));
        return new ReportView(scores, ranks, await CompareWithPublishedAsync(scores, cancellationToken), DomainCorrelations.Pearson(scores.Sheet))
        {
            Weights = await PublishedWeightsAsync(ReportReference.Year, cancellationToken),
        };
    }

    /// <summary>
    /// The domain weights under which the year's printed domain scores reproduce its printed overall ranks
    /// (<see cref="PublishedWeights"/>), over the cities with all four printed scores and a printed overall rank, in
    /// printed order; null for a year without published scores.
    /// </summary>
    public async Task<PublishedWeightsFinding?> PublishedWeightsAsync(int year, CancellationToken cancellationToken = default)
    {
        var data = await rankings.LoadAsync(year, cancellationToken);
        if (data is not { PublishedDomainScores: { } published, PrintedRanks: { } printed })
        {
            return null;
        }

        var n = data.Cities.Count;
        var rows = Enumerable.Range(0, n)
            .Where(c => printed[c]?.Overall is not null && Domains.All.All(d => double.IsFinite(published[((int)d * n) + c])))
            .OrderBy(c => printed[c]!.Overall).ThenBy(c => data.Cities[c].Code, StringComparer.Ordinal)
            .ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var scores = new double[Domains.Count * rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var d in Domains.All)
            {
                scores[((int)d * rows.Count) + i] = published[((int)d * n) + rows[i]];
            }
        }

        var framework = data.Reference.Framework;
        return new PublishedWeightsFinding(
            PublishedWeights.Find([.. rows.Select(c => data.Cities[c].Code)], scores, [.. rows.Select(c => printed[c]!.Overall!.Value)]),
            [.. Domains.All.Select(d => framework.Indicators.Count(i => i.Domain == d))]);
    }

    private static RankAgreement Agreement(YearScores scores, Domain? domain, Func<int, PrintedRank> rank)
    {
        var cities = scores.ByRank().Select(c => new RankComparison(c, rank(c))).ToList();
        var both = cities.Where(c => c.Computed.HasValue && c.Published.HasValue).ToList();
        var rho = both.Count < 2 ? double.NaN
            : Correlation.Spearman(both.Select(c => (double)c.Computed!.Value), both.Select(c => (double)c.Published!.Value));
        return new RankAgreement(domain, rho, cities);
    }

    /// <summary>Each linkage, cut at the report's number of clusters, against the report's clusters (cities in both only).</summary>
    private async Task<IReadOnlyList<PublishedClusterComparison>> CompareWithPublishedAsync(YearScores scores, CancellationToken cancellationToken)
    {
        var published = (await PublishedAsync(scores.Year, cancellationToken))
            .Where(p => p.Cluster.HasValue).ToDictionary(p => p.CityCode, p => p.Cluster!.Value, StringComparer.Ordinal);
        var k = published.Values.Distinct().Count();
        if (k < 2)
        {
            return [];
        }

        var comparisons = new List<PublishedClusterComparison>();
        foreach (var linkage in Linkages.All)
        {
            var result = Cluster(scores, linkage, Math.Min(k, Math.Max(1, ClusterableCount(scores))), cancellationToken);
            var leaves = Enumerable.Range(0, result.Leaves.Count).Where(l => published.ContainsKey(scores.Cities[result.Leaves[l]].Code)).ToList();
            var ours = leaves.Select(l => result.LeafClusters[l]).ToList();
            var theirs = leaves.Select(l => published[scores.Cities[result.Leaves[l]].Code]).ToList();
            var agreement = PartitionAgreement.Compare(ours, theirs);
            var misplaced = leaves.Select((l, i) => new MisplacedCity(result.Leaves[l], ours[i], theirs[i]))
                .Where(m => !agreement.LabelMatching.TryGetValue(m.Ours, out var matched) || matched != m.Published)
                .ToList();
            comparisons.Add(new PublishedClusterComparison(linkage, agreement, misplaced));
        }

        return comparisons;
    }

    private Task<List<PublishedScore>> PublishedAsync(int year, CancellationToken cancellationToken) =>
        db.Set<PublishedScore>().AsNoTracking().Where(p => p.Year == year).ToListAsync(cancellationToken);

    private static List<string> Codes(YearScores scores) => [.. scores.Cities.Select(c => c.Code)];
}
