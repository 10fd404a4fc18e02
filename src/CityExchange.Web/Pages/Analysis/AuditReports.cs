using System.Runtime.CompilerServices;
using CityExchange.Core.Analysis.Audit;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>
/// The audit of a scored year, computed once per <see cref="YearScores"/> instance. The ranking cache keeps one
/// instance per data version, so this is the scored-year cache: a new import scores a new instance (a new audit), and
/// an audit is collected with the ranking it was computed from.
/// </summary>
public sealed class AuditReports
{
    private readonly ConditionalWeakTable<YearScores, AuditReport> _reports = [];

    private int _computed;

    /// <summary>How many audits were computed (a miss); for tests and diagnostics.</summary>
    public int Computed => _computed;

    public AuditReport Of(YearScores scores) => _reports.GetValue(scores, s =>
    {
        Interlocked.Increment(ref _computed);
        return Run(s);
    });

    /// <summary>An indicator year audits its raw values; a published year (no values) its four domain scores.</summary>
    public static AuditReport Run(YearScores scores)
    {
        var codes = scores.Cities.Select(c => c.Code).ToArray();
        var input = scores.Matrix is { } matrix
            ? AuditInput.Scored(scores.Year, matrix, codes, scores.Sheet)
            : AuditInput.DomainScoresOf(scores.Year, scores.Sheet, codes);
        return StatisticalAudit.Run(input);
    }
}
