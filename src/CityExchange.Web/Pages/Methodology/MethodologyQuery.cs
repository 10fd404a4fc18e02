using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Methodology;

/// <summary>The report's worked example scored by the engine: four cities, four indicators.</summary>
public sealed record WorkedExample(IReadOnlyList<City> Cities, IReadOnlyList<Indicator> Indicators, IndicatorMatrix Raw, IReadOnlyList<int> IndicatorIndex, ScoreSheet Sheet);

/// <summary>The methodology page.</summary>
public sealed record MethodologyView(
    IndicatorFramework Framework,
    ScoringWeights Weights,
    IReadOnlyList<YearSummaryRow> Years,
    WorkedExample Example,
    int CityCount)
{
    /// <summary>An indicator's weight in the overall score: its domain's share times its share within the domain.</summary>
    public double EffectiveWeight(int indicator)
    {
        var domain = Framework.DomainOf[indicator];
        var domainShare = Weights.Domain[domain] / Weights.Domain.Sum();
        var inDomain = Enumerable.Range(0, Framework.Count).Where(j => Framework.DomainOf[j] == domain).Sum(j => Weights.Indicator[j]);
        return domainShare * Weights.Indicator[indicator] / inDomain;
    }
}

public sealed class MethodologyHandler(YearSummaries yearSummaries, CityExchangeDbContext db, ReferenceCache referenceCache)
{
    public async Task<MethodologyView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var years = await yearSummaries.ListAsync(cancellationToken);
        var framework = reference.Framework;
        return new MethodologyView(framework, ScoringWeights.Equal(framework), years, WorkedExampleFor(reference), reference.Cities.Cities.Count);
    }

    /// <summary>The worked example of docs/methodology.md, scored by the engine so the page can never disagree with it.</summary>
    public static WorkedExample WorkedExampleFor(IndexReference reference)
    {
        string[] cityCodes = ["beijing", "shanghai", "guangzhou", "chengdu"];
        string[] indicatorCodes = ["consulates", "sister_cities", "trade_volume", "intl_flights"];
        double[][] values =
        [
            [10, 20, 100, 5],
            [30, 20, 300, double.NaN],
            [20, 40, 200, 15],
            [30, 0, double.NaN, 10],
        ];
        var framework = reference.Framework;
        var cities = cityCodes.Select(code => reference.Cities.TryResolve(code, out var city)
            ? city
            : new City(code, code, code, "", "", "", "", CityLevels.Other, null, null)).ToList();
        var index = indicatorCodes.Select(framework.IndexOf).ToList();
        var matrix = new IndicatorMatrix(framework, cities.Count);
        for (var c = 0; c < cities.Count; c++)
        {
            for (var k = 0; k < index.Count; k++)
            {
                if (index[k] >= 0)
                {
                    matrix[index[k], c] = values[c][k];
                }
            }
        }

        var present = index.Where(j => j >= 0).ToList();
        return new WorkedExample(cities, [.. present.Select(j => framework.Indicators[j])], matrix, present, ScoringEngine.Score(matrix));
    }
}
