using System.Globalization;
using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>One city's row of the scenario table: its nominal rank and its rank in each scenario (0: not ranked).</summary>
public sealed record ScenarioCity(string Code, string Name, int Nominal, IReadOnlyList<int> Ranks);

/// <summary>
/// The scenario page's view of a year (<see cref="ScenarioAnalysis"/> on the report's method as the nominal
/// construction): every scenario with its mean absolute rank shift, and the cities in the order asked for —
/// <see cref="Sort"/> is <c>nominal</c>, <c>name</c> or a scenario's index, each city's rank there ascending.
/// A published year (domain scores only, no indicator values) has no <see cref="Table"/>.
/// </summary>
public sealed record ScenariosView(int Year, bool IsPublished, ScenarioTable? Table, IReadOnlyList<ScenarioCity> Cities, string Sort, bool Descending)
{
    /// <summary>The year's indicators (the names of the left-out scenarios); null for a published year.</summary>
    public IndicatorFramework? Framework { get; init; }

    /// <summary>The most city rows the page lists; the downloads hold every city.</summary>
    public const int ShownCities = 100;

    public IReadOnlyList<Scenario> Scenarios => Table?.Scenarios ?? [];

    public IEnumerable<ScenarioCity> Shown => Cities.Take(ShownCities);

    /// <summary>The scenarios in order of how much they move the ranking (largest mean shift first): what the ranking rests on.</summary>
    public IEnumerable<(Scenario Scenario, int Index)> ByShift =>
        Scenarios.Select((s, i) => (s, i)).OrderByDescending(x => x.s.MeanAbsoluteShift ?? -1).ThenBy(x => x.i);
}

/// <summary>Loads a year's indicator values (cached per year version by <see cref="RankingService"/>) and runs the scenarios.</summary>
public sealed class ScenarioQuery(RankingService rankings)
{
    public async Task<ScenariosView?> HandleAsync(int year, string? sort, bool descending, CancellationToken cancellationToken)
    {
        if (await rankings.LoadAsync(year, cancellationToken) is not { } data)
        {
            return null;
        }

        if (data.Matrix is null)
        {
            return new ScenariosView(year, true, null, [], "nominal", false);
        }

        var table = ScenarioAnalysis.Run(data.Matrix, ScoringOptions.Default, cancellationToken);
        var cities = data.Cities.Select((c, i) => new ScenarioCity(c.Code, Localized.Name(c), table.Nominal[i], [.. table.Scenarios.Select(s => s.Ranks[i])])).ToList();
        var column = int.TryParse(sort, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < table.Scenarios.Count ? index : -1;
        var key = column >= 0 ? sort! : sort == "name" ? "name" : "nominal";
        Func<ScenarioCity, int> rank = column >= 0 ? c => c.Ranks[column] : c => c.Nominal;

        // Unranked cities last either way; ties by code, so the order is stable.
        var ordered = key == "name"
            ? (descending ? cities.OrderByDescending(c => c.Name, StringComparer.CurrentCulture) : cities.OrderBy(c => c.Name, StringComparer.CurrentCulture))
            : cities.OrderBy(c => rank(c) > 0 ? 0 : 1).ThenBy(c => descending ? -rank(c) : rank(c));
        return new ScenariosView(year, false, table, [.. ordered.ThenBy(c => c.Code, StringComparer.Ordinal)], key, descending) { Framework = data.Matrix.Framework };
    }
}

/// <summary>A scenario's name in the reader's language, for the page and its downloads alike.</summary>
public sealed class ScenarioLabels(IStringLocalizer<ScenarioLabels> text)
{
    public string Choice(string choice) => choice switch
    {
        "method" => text["Normalisation"],
        "aggregation" => text["Aggregation"],
        "missing" => text["Missing data"],
        "winsorise" => text["Outlier treatment"],
        "weights" => text["Weights"],
        "indicator" => text["Indicator left out"],
        "domain" => text["Domain left out"],
        _ => choice,
    };

    public string Alternative(Scenario scenario, IndicatorFramework? framework) => (scenario.Choice, scenario.Alternative) switch
    {
        ("indicator", var code) when framework is not null && framework.TryGet(code, out var indicator) => Localized.Name(indicator),
        ("domain", var code) when Domains.TryParse(code, out var domain) => Localized.Name(domain),
        (_, "minmax") => text["min–max (the report's)"],
        (_, "zscore") => text["z-score"],
        (_, "rank") => text["rank score"],
        (_, "arithmetic") => text["arithmetic mean (the report's)"],
        (_, "geometric") => text["geometric mean"],
        (_, "available") => text["mean of the available indicators (the report's)"],
        (_, "median") => text["group-median imputation"],
        ("winsorise", "false") => text["none (the report's)"],
        ("winsorise", "true") => text["5th–95th percentile clip"],
        ("winsorise", "conditional") => text["conditional winsorisation (COINr)"],
        ("weights", "equal") => text["equal (the report's)"],
        ("weights", "entropy") => text["entropy"],
        ("weights", "critic") => text["CRITIC"],
        ("weights", "pca") => text["PCA"],
        (_, var code) => code,
    };

    public string Full(Scenario scenario, IndicatorFramework? framework) => text["{0}: {1}", Choice(scenario.Choice), Alternative(scenario, framework)];
}
