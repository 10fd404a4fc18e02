using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// <c>GET /api/analysis/{year}/clusters</c>: clusters numbered 1…k by descending mean overall score, city codes sorted;
/// <c>excluded</c> lists the cities left out because a domain score is missing.
/// </summary>
public sealed record ClustersResponse(int K, string Linkage, IReadOnlyList<ClusterItem> Clusters, IReadOnlyList<string> Excluded)
{
    public static ClustersResponse From(YearScores scores, ClusterResult result) => new(
        result.K,
        result.Linkage.Code(),
        [.. result.Clusters.Select(c => new ClusterItem(c.Id, [.. c.Members.Select(m => scores.Cities[m].Code)]))],
        [.. result.Excluded.Select(m => scores.Cities[m].Code)]);
}

public sealed record ClusterItem(int Id, IReadOnlyList<string> Cities);

/// <summary><c>GET /api/analysis/{year}/groups</c>: mean scores by region, east/west, north/south and level.</summary>
public sealed record GroupsResponse(IReadOnlyList<GroupItem> Groups)
{
    public static GroupsResponse From(IEnumerable<GroupMean> groups) =>
        new([.. groups.Select(g => new GroupItem(g.Kind, g.Key, g.Members.Count, MissingValue.OrNull(g.Overall), DomainMeans.From(g.Domains)))]);
}

public sealed record GroupItem(string Kind, string Key, int Cities, double? Overall, DomainMeans Domains);

public sealed record DomainMeans(double? Social, double? Culture, double? Trade, double? Politics)
{
    public static DomainMeans From(IReadOnlyList<double> domains) => new(
        MissingValue.OrNull(domains[(int)Domain.Social]), MissingValue.OrNull(domains[(int)Domain.Culture]),
        MissingValue.OrNull(domains[(int)Domain.Trade]), MissingValue.OrNull(domains[(int)Domain.Politics]));
}

/// <summary><c>GET /api/analysis/{year}/correlations</c>: Pearson r and two-sided p between the domains, over n cities.</summary>
public sealed record CorrelationsResponse(IReadOnlyList<string> Domains, double?[][] R, double?[][] P, int N)
{
    public static CorrelationsResponse From(CorrelationMatrix matrix) => new(
        [.. matrix.Domains.Select(d => d.Code())],
        Json.Rows(matrix.R),
        Json.Rows(matrix.P),
        matrix.N);
}

/// <summary>Success body of <c>PUT /api/years/{year}/covariates</c>.</summary>
public sealed record CovariateImportSummary(int Year, int Cities, int Values, IReadOnlyList<string> Covariates);

internal static class Json
{
    public static double?[][] Rows(double[,] matrix) =>
        [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => MissingValue.OrNull(matrix[i, j])).ToArray())];
}

/// <summary>
/// <c>GET /api/analysis/{year}/published-weights</c>: the domain weights under which the printed domain scores reproduce
/// the printed overall ranks (linear programming, <see cref="PublishedWeights"/>), each weight's range, the margin in
/// score points and, per city, the printed rank and the rank under <see cref="Weights"/>.
/// </summary>
public sealed record PublishedWeightsResponse(
    int Year, bool Feasible, IReadOnlyDictionary<string, double> Weights, IReadOnlyDictionary<string, WeightRangeItem> Ranges,
    double Margin, int RankDifferences, IReadOnlyList<ReproducedRankItem> Cities)
{
    public static PublishedWeightsResponse From(int year, PublishedWeightsResult result) => new(
        year,
        result.Feasible,
        Domains.All.ToDictionary(d => d.Code(), d => result.Weights[(int)d]),
        Domains.All.ToDictionary(d => d.Code(), d => new WeightRangeItem(result.Ranges[(int)d].Min, result.Ranges[(int)d].Max)),
        result.Margin,
        result.RankDifferences,
        [.. result.Cities.Select(c => new ReproducedRankItem(c.Code, c.Published, c.Reproduced))]);
}

public sealed record WeightRangeItem(double Min, double Max);

public sealed record ReproducedRankItem(string Code, int Published, int Reproduced);
