using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Builders;

/// <summary>The bundled 2013 year as the app scores it: the published domain scores of the 46 cities, ordered by code.</summary>
public static class Published2013
{
    public static IReadOnlyList<City> Cities { get; } =
        [.. TestData.Published.OrderBy(p => p.CityCode, StringComparer.Ordinal).Select(p => TestData.Cities.Single(c => c.Code == p.CityCode))];

    public static IReadOnlyList<string> Codes { get; } = [.. Cities.Select(c => c.Code)];

    public static ScoreSheet Sheet()
    {
        var published = TestData.Published.ToDictionary(p => p.CityCode);
        var n = Codes.Count;
        var domains = new double[Domains.Count * n];
        for (var c = 0; c < n; c++)
        {
            foreach (var d in Domains.All)
            {
                domains[((int)d * n) + c] = published[Codes[c]].Score(d) ?? double.NaN;
            }
        }

        return ScoringEngine.FromDomainScores(n, domains);
    }

    /// <summary>A sheet of the given domain scores (one row per city: social, culture, trade, politics; NaN for missing).</summary>
    public static ScoreSheet SheetOf(params double[][] rows)
    {
        var n = rows.Length;
        var domains = new double[Domains.Count * n];
        for (var c = 0; c < n; c++)
        {
            for (var d = 0; d < Domains.Count; d++)
            {
                domains[(d * n) + c] = rows[c][d];
            }
        }

        return ScoringEngine.FromDomainScores(n, domains);
    }
}
