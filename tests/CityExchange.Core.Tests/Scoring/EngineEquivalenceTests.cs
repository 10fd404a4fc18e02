using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;
using CityExchange.Core.Tests.Scoring.Reference;
using CsCheck;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>
/// The optimised engine (fused normalise-and-aggregate, vector lanes, radix ranks, lazy <see cref="ScoreSheet.Normalised"/>)
/// against the engine as it was (<see cref="ReferenceScoring"/>) on random data with ties and gaps, at sizes on both
/// sides of the vector width and of the radix threshold: the same ranks, scores within 1e-12.
/// </summary>
public sealed class EngineEquivalenceTests
{
    private const double Tolerance = 1e-12;

    private static readonly IndicatorFramework Framework =
        new FrameworkBuilder().Social("a").Social("b", polarity: -1).Social("c").Culture("d").Culture("e")
            .Trade("f").Trade("g", polarity: -1).Politics("h").Build();

    private static readonly string[] Regions = ["north", "south", "east", "west", ""];

    private static readonly Gen<IndicatorMatrix> GenMatrix =
        Gen.Int[0, 260].SelectMany(cities =>
            Gen.Select(Gen.Int[0, 12], Gen.Double[0, 5000], Gen.Int[0, 9], (whole, any, kind) => kind switch
            {
                0 => double.NaN,
                < 5 => whole * 1.5,
                _ => Math.Round(any, 2),
            }).Array[Framework.Count * cities]
            .Select(values => new IndicatorMatrix(Framework, cities, values)
            {
                Groups = [.. Enumerable.Range(0, cities).Select(c => Regions[c % Regions.Length])],
            }));

    private static readonly Gen<ScoringOptions> GenOptions =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 1], Gen.Bool, Gen.Bool, (method, aggregation, missing, winsorise, panel) => new ScoringOptions((NormalisationMethod)method)
        {
            Aggregation = method == (int)NormalisationMethod.ZScore ? AggregationMethod.Arithmetic : (AggregationMethod)aggregation,
            Missing = (MissingDataTreatment)missing,
            Winsorise = winsorise ? Winsorisation.Percentile : Winsorisation.None,
            Scale = panel ? ScoreScale.Panel : ScoreScale.Year,
        });

    /// <summary>Weights from 0 (an indicator or domain left out) to 3.</summary>
    private static readonly Gen<ScoringWeights> GenWeights =
        Gen.Select(Gen.Int[0, 6].Array[Domains.Count], Gen.Int[0, 6].Array[Framework.Count], (domain, indicator) =>
            new ScoringWeights([.. domain.Select(w => w == 6 ? 1.0 : w * 0.5)], [.. indicator.Select(w => w * 0.5)]));

    [Fact]
    public void Score_MatchesTheReferenceEngineForAnyOptions()
    {
        Gen.Select(GenMatrix, GenOptions, GenWeights).Sample((matrix, options, weights) =>
        {
            options = options with { Weights = weights };
            var expected = ReferenceScoring.Score(matrix, options);

            var actual = ScoringEngine.Score(matrix, options);

            AssertSame(expected, actual);
        }, iter: 300);
    }

    [Fact]
    public void Score_MatchesTheReferenceEngineOnTenThousandCities()
    {
        var random = new Random(2015);
        var framework = new FrameworkBuilder().Social("a").Social("b", polarity: -1).Culture("c").Trade("d").Politics("e").Build();
        var values = new double[framework.Count * 10_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble() < 0.03 ? double.NaN : Math.Round(Math.Exp(random.NextDouble() * 8), 1);
        }

        var matrix = new IndicatorMatrix(framework, 10_000, values);
        foreach (var method in new[] { NormalisationMethod.MinMax, NormalisationMethod.Rank, NormalisationMethod.ZScore })
        {
            var options = new ScoringOptions(method);

            AssertSame(ReferenceScoring.Score(matrix, options), ScoringEngine.Score(matrix, options));
        }
    }

    [Fact]
    public void Normalised_IsComputedOnceAndKeepsTheSameArray()
    {
        var matrix = new MatrixBuilder(Framework, 3).Column("a", 1, 2, 3).Column("b", 1, 2, 3).Build();
        var sheet = ScoringEngine.Score(matrix);

        var first = sheet.Normalised;

        Assert.Same(first, sheet.Normalised);
        Assert.Equal(Framework.Count * 3, first.Length);
        Assert.True(sheet.HasIndicatorScores);
        Assert.Equal([0, 50, 100], first[..3]);
        Assert.Equal([100, 50, 0], first[3..6]); // b has polarity −1
        Assert.True(double.IsNaN(sheet.NormalisedScore(2, 0)));
    }

    [Fact]
    public void PublishedSheet_HasNoIndicatorScoresAndNoFlags()
    {
        var sheet = ScoringEngine.FromDomainScores(2, [10, 20, 30, 40, 50, 60, 70, 80]);

        Assert.False(sheet.HasIndicatorScores);
        Assert.Empty(sheet.Normalised);
        Assert.Empty(sheet.Imputed);
        Assert.False(sheet.IsWinsorised(0, 0));
    }

    [Fact]
    public void Flags_StayFalseWhenNoTreatmentIsAsked()
    {
        var matrix = new MatrixBuilder(Framework, 4).Build();

        var sheet = ScoringEngine.Score(matrix);

        Assert.Equal(Framework.Count * 4, sheet.Imputed.Length);
        Assert.DoesNotContain(true, sheet.Imputed);
        Assert.DoesNotContain(true, sheet.Winsorised);
    }

    private static void AssertSame(ReferenceSheet expected, ScoreSheet actual)
    {
        Assert.Equal(expected.OverallRanks, actual.OverallRanks);
        Assert.Equal(expected.DomainRanks, actual.DomainRanks);
        AssertClose(expected.Overall, actual.Overall);
        AssertClose(expected.DomainScores, actual.DomainScores);
        AssertClose(expected.Coverage, actual.Coverage);
        AssertClose(expected.Normalised, actual.Normalised);
        Assert.Equal(expected.Imputed, actual.Imputed);
        Assert.Equal(expected.Winsorised, actual.Winsorised);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) <= Tolerance,
                $"Element {i}: expected {expected[i]:R}, actual {actual[i]:R}");
        }
    }
}
