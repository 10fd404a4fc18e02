using CityExchange.Core.Analysis;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>
/// Three cities, one or two indicators per domain, ranks computed by hand (min–max, equal weights):
/// domain scores X (50, 0, 0, 100), Y (50, 100, 50, 0), Z (45, 50, 100, 50); overall 37.5, 50, 61.25 → ranks 3, 2, 1.
/// </summary>
public sealed class ScenarioAnalysisTests
{
    private static readonly IndicatorMatrix Matrix = new MatrixBuilder(
            new FrameworkBuilder().Social("a").Social("b").Culture("c").Trade("d").Politics("e").Build(), 3)
        .Column("a", 10, 0, 5)
        .Column("b", 0, 10, 4)
        .Column("c", 0, 10, 5)
        .Column("d", 0, 5, 10)
        .Column("e", 10, 0, 5)
        .Build()
        .WithGroups(["north", "south", "south"]);

    private static readonly ScenarioTable Table = ScenarioAnalysis.Run(Matrix, ScoringOptions.Default);

    private static Scenario Find(string choice, string alternative) =>
        Table.Scenarios.Single(s => s.Choice == choice && s.Alternative == alternative);

    [Fact]
    public void Nominal_IsTheReportsMethod() => Assert.Equal([3, 2, 1], Table.Nominal);

    [Theory]
    // Social keeps only b (X 0, Y 100, Z 40): overall 25, 62.5, 60.
    [InlineData("indicator", "a", new[] { 3, 1, 2 }, 2.0 / 3)]
    // Social keeps only a (X 100, Y 0, Z 50): overall 50, 37.5, 62.5.
    [InlineData("indicator", "b", new[] { 2, 3, 1 }, 2.0 / 3)]
    // Three domains, each a third: X (0 + 0 + 100) / 3, Y (100 + 50 + 0) / 3, Z (50 + 100 + 50) / 3.
    [InlineData("domain", "social", new[] { 3, 2, 1 }, 0.0)]
    [InlineData("domain", "culture", new[] { 2, 3, 1 }, 2.0 / 3)]
    [InlineData("domain", "trade", new[] { 1, 1, 3 }, 5.0 / 3)]
    [InlineData("domain", "politics", new[] { 3, 1, 2 }, 2.0 / 3)]
    public void LeavingOneOut_RanksAsComputedByHand(string choice, string code, int[] ranks, double shift)
    {
        var scenario = Find(choice, code);

        Assert.Equal(ranks, scenario.Ranks);
        Assert.Equal(shift, scenario.MeanAbsoluteShift!.Value, 12);
        Assert.False(scenario.IsNominal);
    }

    [Fact]
    public void EveryIndicatorAndDomain_IsLeftOutOnce_InFrameworkOrder()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], Table.Scenarios.Where(s => s.Kind == ScenarioKind.WithoutIndicator).Select(s => s.Alternative));
        Assert.Equal(["social", "culture", "trade", "politics"], Table.Scenarios.Where(s => s.Kind == ScenarioKind.WithoutDomain).Select(s => s.Alternative));
        Assert.Equal(["equal", "entropy", "critic", "pca"], Table.Scenarios.Where(s => s.Kind == ScenarioKind.Preset).Select(s => s.Alternative));
    }

    [Fact]
    public void Alternatives_CoverEachChoice_AndMarkTheNominalValues()
    {
        var alternatives = Table.Scenarios.Where(s => s.Kind == ScenarioKind.Alternative).ToList();

        Assert.Equal(["minmax", "zscore", "rank"], alternatives.Where(s => s.Choice == "method").Select(s => s.Alternative));
        Assert.Equal(["arithmetic", "geometric"], alternatives.Where(s => s.Choice == "aggregation").Select(s => s.Alternative));
        Assert.Contains(alternatives, s => s.Choice == "winsorise" && s.Alternative == "true");
        Assert.Equal(["method:minmax", "aggregation:arithmetic", "missing:available", "winsorise:false"],
            alternatives.Where(s => s.IsNominal).Select(s => $"{s.Choice}:{s.Alternative}"));
        Assert.All(alternatives.Where(s => s.IsNominal), s => Assert.Equal(Table.Nominal, s.Ranks));
        Assert.All(alternatives.Where(s => s.IsNominal), s => Assert.Equal(0.0, s.MeanAbsoluteShift));
        // Equal weights are the nominal weights: the preset changes nothing.
        Assert.Equal(Table.Nominal, Find("weights", "equal").Ranks);
    }

    [Fact]
    public void WithoutGroups_ThereIsNoGroupMedianScenario()
    {
        var ungrouped = new IndicatorMatrix(Matrix.Framework, Matrix.CityCount, Matrix.Values);

        var table = ScenarioAnalysis.Run(ungrouped, ScoringOptions.Default);

        Assert.Equal(["available"], table.Scenarios.Where(s => s.Choice == "missing").Select(s => s.Alternative));
        Assert.Contains(Table.Scenarios, s => s.Choice == "missing" && s.Alternative == "median");
    }

    [Fact]
    public void MeanAbsoluteShift_CountsOnlyCitiesRankedInBoth()
    {
        Assert.Equal(1.5, ScenarioAnalysis.MeanAbsoluteShift([1, 2, 3, 0], [2, 4, 0, 1]));
        Assert.Null(ScenarioAnalysis.MeanAbsoluteShift([0, 0], [1, 2]));
    }

    [Fact]
    public void Cancellation_StopsTheRun()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ScenarioAnalysis.Run(Matrix, ScoringOptions.Default, cancelled.Token));
    }
}

internal static class ScenarioMatrixExtensions
{
    public static IndicatorMatrix WithGroups(this IndicatorMatrix matrix, IReadOnlyList<string?> groups) =>
        new(matrix.Framework, matrix.CityCount, matrix.Values) { Groups = groups };
}
