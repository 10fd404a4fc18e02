using CityExchange.Core.Framework;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>A finding about an indicator, named as in the audit's JSON (<c>flags</c>).</summary>
public enum AuditFinding
{
    /// <summary>Fails COINr's skew–kurtosis check (|skew| ≥ 2 and kurtosis ≥ 3.5).</summary>
    Outlier,

    /// <summary>Pearson's r with another indicator of the same domain is below 0.</summary>
    NegativeWithinDomain,

    /// <summary>Pearson's r with another indicator of the same domain is not significant (p above the level).</summary>
    InsignificantWithinDomain,

    /// <summary>|r| with another indicator is above the collinearity threshold.</summary>
    Collinear,
}

/// <summary>One indicator's row of the audit (NaN where undefined; <see cref="Outlier"/> null when undefined).</summary>
public sealed record IndicatorAudit(
    string Code,
    Domain Domain,
    int N,
    int Missing,
    double Min,
    double Max,
    double Mean,
    double Median,
    double Sd,
    double Skew,
    double Kurtosis,
    bool? Outlier,
    double WithDomain,
    double WithOverall,
    IReadOnlyList<AuditFinding> Flags);

/// <summary>A flagged pair of indicators with its Pearson r and two-sided p.</summary>
public sealed record CorrelationFinding(AuditFinding Finding, string First, string Second, double Pearson, double P);

/// <summary>Cronbach's alpha of each domain's indicators and of all of them (NaN where undefined).</summary>
public sealed record CronbachAlphas(double Social, double Culture, double Trade, double Politics, double Overall)
{
    public double Of(Domain domain) => domain switch
    {
        Domain.Social => Social,
        Domain.Culture => Culture,
        Domain.Trade => Trade,
        Domain.Politics => Politics,
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };
}

/// <summary>A city's share (0–1) of the indicators it has a value for, and the codes of those it lacks.</summary>
public sealed record CityCoverage(string Code, double Coverage, IReadOnlyList<string> Missing);

/// <summary>
/// The statistical audit of one year, in the shape of <c>GET /api/analysis/{year}/audit</c>: <see cref="Pca"/> is keyed
/// by domain code; <see cref="Findings"/> lists the flagged pairs behind the indicators' correlation flags.
/// </summary>
public sealed record AuditReport(
    int Year,
    IReadOnlyList<IndicatorAudit> Indicators,
    CorrelationTable Correlations,
    CronbachAlphas Cronbach,
    IReadOnlyDictionary<string, PrincipalComponent> Pca,
    IReadOnlyList<CityCoverage> Coverage,
    IReadOnlyList<CorrelationFinding> Findings);

/// <summary>
/// Thresholds of the audit's correlation flags. <see cref="SignificanceLevel"/>: a within-domain correlation with
/// p &gt; it is insignificant (COINr's <c>get_corr</c> blanks p &gt; <c>pval</c> = 0.05). <see cref="CollinearThreshold"/>:
/// a pair with |r| &gt; it is collinear (strict, as COINr's <c>get_corr_flags</c> and <c>get_denom_corr</c>); by
/// default only within a domain, as <c>get_corr_flags</c> looks within groups.
/// </summary>
public sealed record AuditOptions(double SignificanceLevel = 0.05, double CollinearThreshold = 0.92, bool CollinearWithinDomainOnly = true)
{
    public static AuditOptions Default { get; } = new();
}
