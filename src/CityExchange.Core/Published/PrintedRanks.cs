using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Published;

/// <summary>The ranks the report printed for one city: overall (Figure 3) and per domain (Figures 4–7); null where it printed none.</summary>
public sealed record PrintedRanks(int? Overall, int? Social, int? Culture, int? Trade, int? Politics)
{
    public int? Domain(Domain domain) => domain switch
    {
        Framework.Domain.Social => Social,
        Framework.Domain.Culture => Culture,
        Framework.Domain.Trade => Trade,
        Framework.Domain.Politics => Politics,
        _ => null,
    };

    public static PrintedRanks From(PublishedCityScore score) =>
        new(score.OverallRank, score.SocialRank, score.CultureRank, score.TradeRank, score.PoliticsRank);
}

/// <summary>
/// A rank the report printed beside the rank of the score it goes with (competition ranking of the scores shown, highest
/// first); <see cref="OfScore"/> is 0 when the city has no score.
/// </summary>
public readonly record struct PrintedRank(int? Printed, int OfScore)
{
    /// <summary>The rank to headline: the printed one where the report printed one (published figures shown as published), else the rank of the score; 0 for neither.</summary>
    public int Headline => Printed ?? OfScore;

    /// <summary>
    /// True where the report printed a rank and it is not the rank of the score: the report contradicts its own figures
    /// there (a domain), or its rank is not that of the equal-weight mean we derive (overall; the report printed no overall score).
    /// </summary>
    public bool Disagrees => Printed is { } printed && OfScore > 0 && printed != OfScore;
}

/// <summary>A city-domain place (domain null: the overall ranking) where the printed rank is not the rank of the score.</summary>
public sealed record RankDisagreement(int City, Domain? Domain, int Printed, int OfScore);

/// <summary>
/// Sets the report's printed ranks beside the ranks of a scored sheet. The one definition of "the printed rank disagrees"
/// used by the API, the pages and the CSV export.
/// </summary>
public static class PrintedRankCheck
{
    /// <summary>The printed overall rank of <paramref name="city"/> beside the rank of its overall score; no printed rank when <paramref name="printed"/> is null.</summary>
    public static PrintedRank Overall(ScoreSheet sheet, IReadOnlyList<PrintedRanks?>? printed, int city) =>
        new(printed?[city]?.Overall, sheet.OverallRanks[city]);

    /// <summary>The printed rank of <paramref name="city"/> in <paramref name="domain"/> beside the rank of its domain score.</summary>
    public static PrintedRank Domain(ScoreSheet sheet, IReadOnlyList<PrintedRanks?>? printed, Domain domain, int city) =>
        new(printed?[city]?.Domain(domain), sheet.DomainRank(domain, city));

    /// <summary>
    /// Every place where the printed rank disagrees, in city order: in the overall ranking (<paramref name="domain"/> null)
    /// or in one domain. <paramref name="printed"/> is aligned with the sheet's cities.
    /// </summary>
    public static IReadOnlyList<RankDisagreement> Disagreements(ScoreSheet sheet, IReadOnlyList<PrintedRanks?> printed, Domain? domain)
    {
        if (printed.Count != sheet.CityCount)
        {
            throw new ArgumentException("One entry of printed ranks per city of the sheet is needed.", nameof(printed));
        }

        var found = new List<RankDisagreement>();
        for (var c = 0; c < sheet.CityCount; c++)
        {
            var rank = domain is { } d ? Domain(sheet, printed, d, c) : Overall(sheet, printed, c);
            if (rank.Disagrees)
            {
                found.Add(new RankDisagreement(c, domain, rank.Printed!.Value, rank.OfScore));
            }
        }

        return found;
    }

    /// <summary>Every domain place where the printed rank disagrees: domain by domain, then by city.</summary>
    public static IReadOnlyList<RankDisagreement> DomainDisagreements(ScoreSheet sheet, IReadOnlyList<PrintedRanks?> printed) =>
        [.. Domains.All.SelectMany(d => Disagreements(sheet, printed, d))];
}
