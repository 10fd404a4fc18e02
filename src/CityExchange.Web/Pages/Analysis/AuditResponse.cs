using System.Text.Json;
using CityExchange.Core.Analysis.Audit;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// <c>GET /api/analysis/{year}/audit</c>, the contract exactly: every statistic of <see cref="AuditReport"/>,
/// undefined values as null. For a published year the "indicators" are the four domain scores (code = the domain's).
/// </summary>
public sealed record AuditResponse(
    int Year,
    IReadOnlyList<AuditIndicatorItem> Indicators,
    AuditCorrelations Correlations,
    AuditCronbach Cronbach,
    IReadOnlyDictionary<string, AuditPcaItem> Pca,
    IReadOnlyList<AuditCoverageItem> Coverage)
{
    public static AuditResponse From(AuditReport report) => new(
        report.Year,
        [.. report.Indicators.Select(AuditIndicatorItem.From)],
        AuditCorrelations.From(report.Correlations),
        new AuditCronbach(
            MissingValue.OrNull(report.Cronbach.Social), MissingValue.OrNull(report.Cronbach.Culture),
            MissingValue.OrNull(report.Cronbach.Trade), MissingValue.OrNull(report.Cronbach.Politics),
            MissingValue.OrNull(report.Cronbach.Overall)),
        report.Pca.ToDictionary(p => p.Key, p => AuditPcaItem.From(p.Value)),
        [.. report.Coverage.Select(c => new AuditCoverageItem(c.Code, c.Coverage, c.Missing))]);

    /// <summary>A finding as the JSON names it: <c>outlier</c>, <c>negativeWithinDomain</c>, …</summary>
    public static string FlagName(AuditFinding finding) => JsonNamingPolicy.CamelCase.ConvertName(finding.ToString());
}

public sealed record AuditIndicatorItem(
    string Code,
    string Domain,
    int N,
    int Missing,
    double? Min,
    double? Max,
    double? Mean,
    double? Median,
    double? Sd,
    double? Skew,
    double? Kurtosis,
    bool? Outlier,
    double? WithDomain,
    double? WithOverall,
    IReadOnlyList<string> Flags)
{
    public static AuditIndicatorItem From(IndicatorAudit a) => new(
        a.Code, a.Domain.Code(), a.N, a.Missing,
        MissingValue.OrNull(a.Min), MissingValue.OrNull(a.Max), MissingValue.OrNull(a.Mean), MissingValue.OrNull(a.Median),
        MissingValue.OrNull(a.Sd), MissingValue.OrNull(a.Skew), MissingValue.OrNull(a.Kurtosis), a.Outlier,
        MissingValue.OrNull(a.WithDomain), MissingValue.OrNull(a.WithOverall),
        [.. a.Flags.Select(AuditResponse.FlagName)]);
}

/// <summary>Square matrices over <see cref="Codes"/> (rows and columns in that order), pairwise complete.</summary>
public sealed record AuditCorrelations(
    IReadOnlyList<string> Codes,
    int[][] N,
    double?[][] Pearson,
    double?[][] PearsonP,
    double?[][] Spearman,
    double?[][] SpearmanP)
{
    public static AuditCorrelations From(CorrelationTable table) =>
        new(table.Codes, table.N, Rows(table.Pearson), Rows(table.PearsonP), Rows(table.Spearman), Rows(table.SpearmanP));

    private static double?[][] Rows(double[][] matrix) => [.. matrix.Select(row => row.Select(MissingValue.OrNull).ToArray())];
}

public sealed record AuditCronbach(double? Social, double? Culture, double? Trade, double? Politics, double? Overall);

public sealed record AuditPcaItem(double? FirstShare, IReadOnlyDictionary<string, double?> Loadings)
{
    public static AuditPcaItem From(PrincipalComponent component) => new(
        MissingValue.OrNull(component.FirstShare),
        component.Loadings.ToDictionary(l => l.Key, l => MissingValue.OrNull(l.Value)));
}

public sealed record AuditCoverageItem(string Code, double Coverage, IReadOnlyList<string> Missing);
