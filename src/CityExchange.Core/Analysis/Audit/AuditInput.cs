using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// What the audit reads: one year's values (the indicators as given, NaN missing) with the cities' codes, and
/// optionally the cities' domain scores (domain-major, as <see cref="ScoreSheet.DomainScores"/>) and overall scores
/// for each indicator's <c>withDomain</c>/<c>withOverall</c> (NaN when not given).
/// </summary>
public sealed record AuditInput(int Year, IndicatorMatrix Values, IReadOnlyList<string> CityCodes)
{
    public IReadOnlyList<double>? DomainScores
    {
        get;
        init => field = value is null || value.Count == Domains.Count * Values.CityCount
            ? value
            : throw new ArgumentException("Domain scores must give four values per city.", nameof(value));
    }

    public IReadOnlyList<double>? Overall
    {
        get;
        init => field = value is null || value.Count == Values.CityCount
            ? value
            : throw new ArgumentException("Overall scores must give one value per city.", nameof(value));
    }

    /// <summary>An indicator year with the domain and overall scores of <paramref name="sheet"/> (scored from those values).</summary>
    public static AuditInput Scored(int year, IndicatorMatrix values, IReadOnlyList<string> cityCodes, ScoreSheet sheet) =>
        new(year, values, cityCodes) { DomainScores = sheet.DomainScores, Overall = sheet.Overall };

    /// <summary>
    /// A published year: the four domain scores of <paramref name="sheet"/> take the indicators' place, one per domain
    /// (code = the domain's code), with the sheet's overall score.
    /// </summary>
    public static AuditInput DomainScoresOf(int year, ScoreSheet sheet, IReadOnlyList<string> cityCodes)
    {
        var framework = new IndicatorFramework(DomainInfo.All.Select(d =>
            new Indicator(d.Code, d.Domain, d.NameZh, d.NameEn, string.Empty, 1, string.Empty, string.Empty, (int)d.Domain)));
        var values = new IndicatorMatrix(framework, sheet.CityCount, (double[])sheet.DomainScores.Clone());
        return new AuditInput(year, values, cityCodes) { DomainScores = sheet.DomainScores, Overall = sheet.Overall };
    }
}
