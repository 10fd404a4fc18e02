using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>A linkage's k-cluster partition compared with the clusters the report published for the year.</summary>
public sealed record PublishedClusterComparison(Linkage Linkage, PartitionAgreement Agreement, IReadOnlyList<MisplacedCity> Misplaced);

/// <summary>A city our clustering places in another cluster than the report (after the best matching of labels).</summary>
public sealed record MisplacedCity(int City, int Ours, int Published);

/// <summary>A year's clusters; <see cref="Published"/> compares every linkage with the report's clusters when the year has them.</summary>
/// <summary>
/// A year's clusters. <see cref="Refused"/>: the linkage asked for needs the n² distances and the year has more cities than
/// its limit, so the clusters shown are the default linkage's (Ward) and the message says why.
/// </summary>
/// <summary>
/// A clustering for the page. A page of tens of thousands of cities would be megabytes that nobody reads: the page
/// lists at most <see cref="ListedMembers"/> names per cluster and draws the dendrogram (and its merges table) up to
/// <see cref="DrawnLeaves"/> cities; the API's answer holds every member and merge.
/// </summary>
public sealed record ClusterView(YearScores Scores, ClusterResult Result, IReadOnlyList<PublishedClusterComparison> Published, string? Refused = null)
{
    public const int ListedMembers = 100;

    public const int DrawnLeaves = 500;

    public bool DrawsTree => Result.Leaves.Count is > 1 and <= DrawnLeaves;
}

public sealed record GroupView(YearScores Scores, IReadOnlyList<GroupMean> Groups, IReadOnlyList<GroupMean> Figure10, IReadOnlyList<GroupMean> Figure11);

public sealed record CorrelationView(YearScores Scores, CorrelationMatrix Pearson, CorrelationMatrix Spearman);

/// <summary>The statistical audit of a year with the scores it was computed from.</summary>
public sealed record AuditView(YearScores Scores, CityExchange.Core.Analysis.Audit.AuditReport Report);

/// <summary>One city's covariate value against its scores (positions in <see cref="YearScores"/>).</summary>
public sealed record RegressionPoint(int City, double X, double Overall);

/// <summary>
/// The overall score (and each domain) regressed on a covariate. <see cref="Covariates"/> lists what the year has;
/// <see cref="Covariate"/> is null when it has none. <see cref="IsSynthetic"/> is true for seeded demo values.
/// </summary>
public sealed record RegressionView(
    YearScores Scores,
    IReadOnlyList<string> Covariates,
    string? Covariate,
    bool IsSynthetic,
    IReadOnlyList<RegressionPoint> Points,
    RegressionResult? Overall,
    IReadOnlyDictionary<Domain, RegressionResult?> Domains);

/// <summary>A city's rank as we compute it from the published scores (the rank of the score) beside the rank the report printed.</summary>
public sealed record RankComparison(int City, PrintedRank Rank)
{
    public int? Computed => Rank.OfScore > 0 ? Rank.OfScore : null;

    public int? Published => Rank.Printed;

    public int? Difference => Computed is { } c && Published is { } p ? c - p : null;

    /// <summary>True where the printed rank is not the rank of the score (<see cref="PrintedRank.Disagrees"/>).</summary>
    public bool Disagrees => Rank.Disagrees;
}

/// <summary>Our ranks against the report's for the overall index or one domain (null), with Spearman's ρ between them.</summary>
public sealed record RankAgreement(Domain? Domain, double Rho, IReadOnlyList<RankComparison> Cities)
{
    public IEnumerable<RankComparison> Differing => Cities.Where(c => c.Disagrees);
}

/// <summary>Everything the "reproduce the report" page shows for the published year.</summary>
public sealed record ReportView(
    YearScores Scores,
    IReadOnlyList<RankAgreement> Ranks,
    IReadOnlyList<PublishedClusterComparison> Clusters,
    CorrelationMatrix Correlations)
{
    /// <summary>The city-domain places where the printed domain rank is not the rank of the printed domain score.</summary>
    public int DomainDisagreements => Ranks.Where(r => r.Domain is not null).Sum(r => r.Differing.Count());

    /// <summary>The domain weights that reproduce the printed overall ranks; null when they cannot be sought.</summary>
    public PublishedWeightsFinding? Weights { get; init; }
}

/// <summary>
/// <see cref="PublishedWeights"/>' answer for a published year, with each domain's number of indicators (domain order):
/// weights proportional to them give every indicator the same weight, the page's point of comparison.
/// </summary>
public sealed record PublishedWeightsFinding(PublishedWeightsResult Result, IReadOnlyList<int> IndicatorCounts)
{
    public int IndicatorTotal => IndicatorCounts.Sum();

    /// <summary>Every weight within 0.01 of its domain's share of the indicators.</summary>
    public bool NearEqualIndicators => Result.Weights.Select((w, d) => Math.Abs(w - ((double)IndicatorCounts[d] / IndicatorTotal))).All(x => x < 0.01);

    /// <summary>Equal domain weights (0.25) lie outside every weight's range.</summary>
    public bool EqualOutsideEveryRange => Result.Ranges.All(r => r.Min > 0.25 || r.Max < 0.25);
}
