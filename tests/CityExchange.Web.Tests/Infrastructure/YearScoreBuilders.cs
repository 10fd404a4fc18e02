using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>Small hand-made years for the dashboard's pure logic.</summary>
internal static class YearScoreBuilders
{
    public static City City(string code, string region = "华东", string level = CityLevels.Other, string? eastWest = "east", string? northSouth = "south", string? nameEn = null, string? nameZh = null) =>
        new(code, nameZh ?? code + "市", nameEn ?? char.ToUpperInvariant(code[0]) + code[1..], "省", "Province", region, region == "东北" ? "Northeast China" : "East China", level, eastWest, northSouth);

    /// <summary>A published-style year: domain scores given per city (social, culture, trade, politics; NaN = missing).</summary>
    public static YearScores PublishedYear(int year, IReadOnlyList<City> cities, params double[][] domainScoresByCity)
    {
        var n = cities.Count;
        var domainMajor = new double[Domains.Count * n];
        for (var c = 0; c < n; c++)
        {
            for (var d = 0; d < Domains.Count; d++)
            {
                domainMajor[(d * n) + c] = domainScoresByCity[c][d];
            }
        }

        return new YearScores(year, YearKind.Published, false, "published", cities, null, ScoringEngine.FromDomainScores(n, domainMajor), new Dictionary<(int, int), string>());
    }

    /// <summary>An indicator year over a small framework: values by indicator, then city (NaN = missing).</summary>
    public static YearScores IndicatorYear(int year, IndicatorFramework framework, IReadOnlyList<City> cities, params double[][] valuesByIndicator)
    {
        var matrix = new IndicatorMatrix(framework, cities.Count);
        for (var j = 0; j < valuesByIndicator.Length; j++)
        {
            for (var c = 0; c < cities.Count; c++)
            {
                matrix[j, c] = valuesByIndicator[j][c];
            }
        }

        return new YearScores(year, YearKind.Indicators, true, "minmax", cities, matrix, ScoringEngine.Score(matrix), new Dictionary<(int, int), string> { [(0, 0)] = "yearbook" });
    }

    public static IndicatorFramework Framework(params (string Code, Domain Domain)[] indicators) =>
        new(indicators.Select((i, k) => new Indicator(i.Code, i.Domain, i.Code + "中", i.Code + " en", "persons", 1, "定义", "来源", k)));

    public static YearContext Context(int year, YearKind kind = YearKind.Published, int? previous = null) =>
        new(new YearOption(year, kind, false), NormalisationMethod.MinMax, [new YearOption(year, kind, false)], previous is { } p ? new YearOption(p, kind, false) : null);
}
