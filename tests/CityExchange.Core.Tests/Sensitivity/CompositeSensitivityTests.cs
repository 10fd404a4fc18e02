using CityExchange.Core.Resources;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;
using CityExchange.Core.Tests.Builders;
using CsCheck;

namespace CityExchange.Core.Tests.Sensitivity;

/// <summary>The composite-indicator model: its runs against full scorings, its indices against exact enumeration.</summary>
public sealed class CompositeSensitivityTests
{
    private static readonly Lazy<IndicatorMatrix> Demo = new(() => DemoYear.Matrix(2015));

    private static readonly NormalisationMethod[] Methods = [NormalisationMethod.MinMax, NormalisationMethod.ZScore, NormalisationMethod.Rank];

    [Fact]
    public void DemoYear_HasMissingCells()
    {
        // The missing-data input can only matter if something is missing.
        Assert.Contains(Demo.Value.Values, double.IsNaN);
    }

    [Fact]
    public void Inputs_AreTheFiveChoicesWithTheirAlternatives()
    {
        var model = new CompositeModel(Demo.Value, new CompositeSensitivityOptions());

        Assert.Equal(["weights", "method", "aggregation", "missing", "winsorise"], model.Inputs.Select(i => i.Name));
        Assert.Equal([100, 3, 2, 2, 3], model.Inputs.Select(i => i.Alternatives));
        Assert.All(model.Inputs, i => Assert.Equal(InputKind.Discrete, i.Kind));
        Assert.Equal(["minmax", "zscore", "rank"], CompositeSensitivity.DefaultAlternatives(UncertainChoice.Method).Select(a => a.Code));
        Assert.Equal(["false", "true", "conditional"], CompositeSensitivity.DefaultAlternatives(UncertainChoice.Winsorise).Select(a => a.Code));
        // 3 × 2 × 2 × 3 = 36 combinations; geometric with z-scores is arithmetic with z-scores: 36 − 6 = 30 distinct scorings.
        Assert.Equal(30, model.DistinctConstructions);
    }

    [Fact]
    public void OptionsFor_MapsEachInputToItsAlternative()
    {
        var model = new CompositeModel(Demo.Value, new CompositeSensitivityOptions());

        var rank = model.OptionsFor([7, 2, 1, 1, 1]);
        Assert.Equal(NormalisationMethod.Rank, rank.Method);
        Assert.Equal(AggregationMethod.Geometric, rank.Aggregation);
        Assert.Equal(MissingDataTreatment.GroupMedian, rank.Missing);
        Assert.Equal(Winsorisation.Percentile, rank.Winsorise);
        Assert.Equal(model.WeightSets[7], rank.Weights!.Domain);

        var zscore = model.OptionsFor([0, 1, 1, 0, 0]);
        Assert.Equal(NormalisationMethod.ZScore, zscore.Method);
        Assert.Equal(AggregationMethod.Arithmetic, zscore.Aggregation); // geometric is not defined on z-scores
        Assert.Equal(MissingDataTreatment.AvailableMean, zscore.Missing);
        Assert.Equal(Winsorisation.None, zscore.Winsorise);
    }

    [Fact]
    public void NoisyWeights_StayWithinTheSpreadAndSumToOne()
    {
        var sets = CompositeSensitivity.NoisyWeights([0.4, 0.2, 0.2, 0.2], 0.25, 500, 3);

        Assert.Equal(500, sets.Length);
        Assert.All(sets, w => Assert.Equal(1.0, w.Sum(), 1e-12));
        // Before renormalising each weight is within ±25% of nominal, so each ratio to another is within (0.75/1.25, 1.25/0.75).
        Assert.All(sets, w => Assert.InRange(w[0] / w[1], 2 * 0.75 / 1.25, 2 * 1.25 / 0.75));
        Assert.Contains(sets, w => w[0] / w[1] > 2 * 1.2 / 0.8);
        Assert.Contains(sets, w => w[0] / w[1] < 2 * 0.8 / 1.2);
        Assert.Equal(sets.Select(w => w[2]), CompositeSensitivity.NoisyWeights([0.4, 0.2, 0.2, 0.2], 0.25, 500, 3).Select(w => w[2]));
    }

    [Fact]
    public void NoisyWeights_ZeroSpreadIsTheNominalWeights()
    {
        var sets = CompositeSensitivity.NoisyWeights([1, 1, 2, 0], 0, 3, 1);

        Assert.All(sets, w => Assert.Equal([0.25, 0.25, 0.5, 0], w));
    }

    [Fact]
    public void Evaluate_IsTheMeanAbsoluteRankShiftOfAFullScoring()
    {
        var matrix = Demo.Value;
        var model = new CompositeModel(matrix, new CompositeSensitivityOptions());
        var nominal = ScoringEngine.Score(matrix).OverallRanks;
        var equal = ScoringWeights.Equal(matrix.Framework);
        Assert.Equal(nominal, model.NominalRanks);

        foreach (var weights in new[] { 0, 37, 99 })
        {
            for (var m = 0; m < 3; m++)
            {
                for (var key = 0; key < 8; key++)
                {
                    double[] input = [weights, m, key & 1, (key >> 1) & 1, (key >> 2) & 1];
                    var options = new ScoringOptions(Methods[m], new ScoringWeights(model.WeightSets[weights], equal.Indicator))
                    {
                        Aggregation = (key & 1) == 1 && m != 1 ? AggregationMethod.Geometric : AggregationMethod.Arithmetic,
                        Missing = ((key >> 1) & 1) == 1 ? MissingDataTreatment.GroupMedian : MissingDataTreatment.AvailableMean,
                        Winsorise = ((key >> 2) & 1) == 1 ? Winsorisation.Percentile : Winsorisation.None,
                    };
                    var ranks = ScoringEngine.Score(matrix, options).OverallRanks;
                    var expected = ranks.Zip(nominal).Average(p => (double)Math.Abs(p.First - p.Second));

                    Assert.Equal(expected, model.Evaluate(input));
                }
            }
        }
    }

    [Fact]
    public void Evaluate_NominalConstructionWithNominalWeightsShiftsNothing()
    {
        var model = new CompositeModel(Demo.Value, new CompositeSensitivityOptions { Inputs = [UncertainChoice.Method, UncertainChoice.Aggregation] });

        Assert.Equal(0.0, model.Evaluate([0, 0]));
        Assert.True(model.Evaluate([2, 1]) > 0);
    }

    [Fact]
    public void Evaluate_CityRankIsThatCitysRank()
    {
        var matrix = Demo.Value;
        var model = new CompositeModel(matrix, new CompositeSensitivityOptions { Output = SensitivityOutput.CityRank, City = 5 });

        var options = model.OptionsFor([12, 2, 1, 0, 1]);

        Assert.Equal(ScoringEngine.Score(matrix, options).OverallRanks[5], model.Evaluate([12, 2, 1, 0, 1]));
    }

    [Fact]
    public void Run_EqualsTheSameAnalysisScoringEveryRunInFull()
    {
        // The model scores each construction once and re-aggregates per run; scoring every run from the raw values
        // (7 × 200 runs) must give the same outputs bit for bit, hence the same indices.
        var matrix = Demo.Value;
        var options = new CompositeSensitivityOptions { Sobol = new SobolOptions { Samples = 200, Seed = 4 } };
        var fast = CompositeSensitivity.Run(matrix, options);
        var model = new CompositeModel(matrix, options);
        var nominal = ScoringEngine.Score(matrix).OverallRanks;

        var slow = SobolAnalysis.Run(model.Inputs, x =>
        {
            var ranks = ScoringEngine.Score(matrix, model.OptionsFor(x)).OverallRanks;
            return ranks.Zip(nominal).Average(p => (double)Math.Abs(p.First - p.Second));
        }, options.Sobol);

        Assert.Equal(slow.Inputs, fast.Indices.Inputs);
        Assert.Equal(slow.Variance, fast.Indices.Variance);
        Assert.Equal(200 * 7, fast.Indices.Runs);
    }

    [Fact]
    public void Indices_ConvergeToTheExactOnesOfTheThirtySixConstructions()
    {
        // Without the weights input the four choices have 3·2·2·3 = 36 equally likely combinations, so the true
        // indices follow from the 36 outputs by enumeration: V_i = Var(E[Y | X_i]), V_Ti = E[Var(Y | X_~i)].
        var matrix = Demo.Value;
        UncertainChoice[] choices = [UncertainChoice.Method, UncertainChoice.Aggregation, UncertainChoice.Missing, UncertainChoice.Winsorise];
        var options = new CompositeSensitivityOptions { Inputs = choices, Sobol = new SobolOptions { Samples = 4096 } };
        var model = new CompositeModel(matrix, options);
        int[] sizes = [3, 2, 2, 3];
        var points = new List<(int[] X, double Y)>();
        for (var m = 0; m < 3; m++)
        {
            for (var a = 0; a < 2; a++)
            {
                for (var i = 0; i < 2; i++)
                {
                    for (var w = 0; w < 3; w++)
                    {
                        points.Add(([m, a, i, w], model.Evaluate([m, a, i, w])));
                    }
                }
            }
        }

        var mean = points.Average(p => p.Y);
        var variance = points.Average(p => (p.Y - mean) * (p.Y - mean));
        var result = CompositeSensitivity.Run(matrix, options);

        for (var k = 0; k < 4; k++)
        {
            var first = points.GroupBy(p => p.X[k]).Average(g => Math.Pow(g.Average(p => p.Y) - mean, 2)) / variance;
            var total = points.GroupBy(p => string.Join(',', p.X.Where((_, j) => j != k)))
                .Average(g => g.Average(p => Math.Pow(p.Y - g.Average(q => q.Y), 2))) / variance;
            var index = result.Indices.Inputs[k];
            Assert.Equal(choices[k].Code(), index.Name);
            Assert.Equal(first, index.First, 0.03);
            Assert.Equal(total, index.Total, 0.03);
            Assert.InRange(first, index.FirstLow - 0.01, index.FirstHigh + 0.01);
            Assert.InRange(total, index.TotalLow - 0.01, index.TotalHigh + 0.01);
            Assert.Equal(sizes[k], model.Inputs[k].Alternatives);
        }

        // The method and the aggregation carry the ranking's sensitivity in this year, the missing-data rule little.
        Assert.True(result.Indices.Inputs[0].Total > 0.3);
        Assert.True(result.Indices.Inputs[2].Total < 0.1);
    }

    [Fact]
    public void ChoiceWithoutEffect_HasZeroIndices()
    {
        // With nothing missing, group-median imputation changes nothing: both indices are exactly 0, as in COINr's test.
        var full = Demo.Value.Clone();
        for (var i = 0; i < full.Values.Length; i++)
        {
            if (double.IsNaN(full.Values[i]))
            {
                full.Values[i] = 1;
            }
        }

        var result = CompositeSensitivity.Run(full, new CompositeSensitivityOptions { Sobol = new SobolOptions { Samples = 100 } });

        var missing = result.Indices.Inputs.Single(i => i.Name == "missing");
        Assert.Equal(0.0, missing.First);
        Assert.Equal(0.0, missing.Total);
    }

    [Fact]
    public void Run_SameSeedSameResult_OtherSeedOtherWeightsAndIntervals()
    {
        var options = new CompositeSensitivityOptions { Sobol = new SobolOptions { Samples = 150, Seed = 2 } };

        var first = CompositeSensitivity.Run(Demo.Value, options);
        var again = CompositeSensitivity.Run(Demo.Value, options);
        var other = CompositeSensitivity.Run(Demo.Value, options with { Sobol = options.Sobol with { Seed = 3 } });

        Assert.Equal(first.Indices.Inputs, again.Indices.Inputs);
        Assert.Equal(first.Bands, again.Bands);
        Assert.Equal(first.WeightSets, again.WeightSets);
        Assert.NotEqual(first.WeightSets[0], other.WeightSets[0]);
        Assert.All(first.Indices.Inputs.Zip(other.Indices.Inputs), p => Assert.NotEqual(p.First.TotalLow, p.Second.TotalLow));
    }

    [Fact]
    public void Bands_AreRankStatisticsOfTheAAndBRuns()
    {
        var matrix = Demo.Value;
        var options = new CompositeSensitivityOptions { Inputs = [UncertainChoice.Weights, UncertainChoice.Method], Sobol = new SobolOptions { Samples = 64 } };
        var result = CompositeSensitivity.Run(matrix, options);
        var model = new CompositeModel(matrix, options);
        var design = SaltelliDesign.Create(model.Inputs, options.Sobol);
        var ranks = Enumerable.Range(0, 128)
            .Select(r => ScoringEngine.Score(matrix, model.OptionsFor(design.AsSpan(r * 2, 2))).OverallRanks)
            .ToList();

        for (var c = 0; c < matrix.CityCount; c++)
        {
            var sorted = ranks.Select(r => (double)r[c]).Order().ToArray();
            var band = result.Bands[c];
            Assert.Equal(result.NominalRanks[c], band.Nominal);
            Assert.Equal(sorted.Average(), band.Mean, 1e-12);
            Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.5, MathNet.Numerics.Statistics.QuantileDefinition.R7), band.Median);
            Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.05, MathNet.Numerics.Statistics.QuantileDefinition.R7), band.P05, 1e-12);
            Assert.Equal(MathNet.Numerics.Statistics.SortedArrayStatistics.QuantileCustom(sorted, 0.95, MathNet.Numerics.Statistics.QuantileDefinition.R7), band.P95, 1e-12);
        }
    }

    [Fact]
    public void Band_QuantilesFromCounts_HandComputed()
    {
        // Ranks 1, 1, 2, 4 (counts 2, 1, 0, 1): mean 2; R-7 median at h = 1.5 → 1.5; 5th at h = 0.15 → 1; 95th at h = 2.85 → 2 + 0.85·2 = 3.7.
        var band = CompositeSensitivity.Band(3, [2, 1, 0, 1]);

        Assert.Equal(new RankBand(3, 2, 1.5, 1, 3.7), band with { P95 = Math.Round(band.P95, 12) });
    }

    /// <summary>
    /// The rank bands kept an n × n histogram: 1.6 GB at 20,000 cities whatever N. With fewer banded runs (2N) than
    /// cities, each run's ranks are kept instead: n·min(n, 2N) counts.
    /// </summary>
    [Fact]
    public void Run_MemoryOfTheBandsIsNotTheSquareOfTheCities()
    {
        const int n = 20_000;
        var framework = new FrameworkBuilder().Social("a").Culture("b").Trade("c").Politics("d").Build();
        var random = new Random(18);
        var matrix = new IndicatorMatrix(framework, n, [.. Enumerable.Range(0, 4 * n).Select(_ => random.NextDouble() * 100)]);
        var options = new CompositeSensitivityOptions { Inputs = [UncertainChoice.Weights], Sobol = new SobolOptions { Samples = 4, Bootstrap = 0 } };
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = CompositeSensitivity.Run(matrix, options);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 100_000_000);
        Assert.Equal(n, result.Bands.Count);
        Assert.All(result.Bands, b => Assert.InRange(b.P05, b.Nominal - n, b.Nominal + n));
        Assert.All(result.Bands, b => Assert.True(b.P05 <= b.Median && b.Median <= b.P95));
    }

    [Fact]
    public void Run_RefusesMoreRunsThanTheCitiesAllow()
    {
        var framework = new FrameworkBuilder().Social("a").Culture("b").Trade("c").Politics("d").Build();
        var matrix = new IndicatorMatrix(framework, 20_000);

        // The default N = 1000 over five choices: 7,000 runs; 20,000 cities allow 1,000.
        var error = Assert.Throws<AnalysisTooLargeException>(() => CompositeSensitivity.Run(matrix));

        Assert.Equal(new LimitIssue("samples", LimitMessages.TooManyRuns, 7_000, 1_000, 20_000), error.Issue);
        Assert.Null(UncertaintyLimits.CheckSensitivity(1_000, 5, 2_857));
        Assert.NotNull(UncertaintyLimits.CheckSensitivity(1_000, 5, 2_858));
    }

    [Fact]
    public void Band_FromSortedRanksIsTheBandFromCounts()
    {
        Gen.Int[1, 30].Array[1, 40].Sample(ranks =>
        {
            var counts = new int[30];
            foreach (var r in ranks)
            {
                counts[r - 1]++;
            }

            var sorted = ranks.Order().ToArray();

            Assert.Equal(CompositeSensitivity.Band(5, counts), CompositeSensitivity.BandFromSorted(5, sorted));
        }, iter: 2_000);
    }

    [Fact]
    public void Alternatives_CanBeReplaced_TheHookForNewTreatments()
    {
        // e.g. another outlier treatment: a fourth winsorise alternative. Here a stand-in that clips like "true".
        var alternatives = new Dictionary<UncertainChoice, IReadOnlyList<ScoringAlternative>>
        {
            [UncertainChoice.Winsorise] = [.. CompositeSensitivity.DefaultAlternatives(UncertainChoice.Winsorise), new ScoringAlternative("p5", o => o with { Winsorise = Winsorisation.Percentile })],
        };

        var model = new CompositeModel(Demo.Value, new CompositeSensitivityOptions { Inputs = [UncertainChoice.Method, UncertainChoice.Winsorise], Alternatives = alternatives });

        Assert.Equal(4, model.Inputs[1].Alternatives);
        Assert.Equal(model.Evaluate([2, 1]), model.Evaluate([2, 3]));
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        var matrix = Demo.Value;
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Inputs = [UncertainChoice.Method, UncertainChoice.Method] }));
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Inputs = [] }));
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Spread = 1.5 }));
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Output = SensitivityOutput.CityRank, City = 46 }));
        var ungrouped = new IndicatorMatrix(matrix.Framework, matrix.CityCount, matrix.Values);
        Assert.Throws<ArgumentException>(() => new CompositeModel(ungrouped, new CompositeSensitivityOptions()));
    }

    /// <summary>Demo 2015 with city 0 down to 5 of 17 indicators and city 1 to 8: coverages 5/17 and 8/17 below 0.5, every other city above.</summary>
    private static IndicatorMatrix Sparse()
    {
        var matrix = Demo.Value.Clone();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            matrix[j, 0] = j < 5 ? Demo.Value[j, 0] : double.NaN;
            matrix[j, 1] = j < 8 ? Demo.Value[j, 1] : double.NaN;
        }

        return matrix;
    }

    [Fact]
    public void MinCoverage_IsAContinuousInputWithOneScreenPerCoverageInItsRange()
    {
        var matrix = Sparse();
        Assert.Equal(5.0 / 17, DataAvailability.Coverage(matrix)[0], 15);
        Assert.All(DataAvailability.Coverage(matrix).Skip(2), c => Assert.True(c > 0.5));
        var options = new CompositeSensitivityOptions { Inputs = [UncertainChoice.Method, UncertainChoice.MinCoverage] };
        var model = new CompositeModel(matrix, options);

        var input = model.Inputs[1];
        Assert.Equal("minCoverage", input.Name);
        Assert.Equal(InputKind.Continuous, input.Kind);
        // Range 0…0.5 (the defaults): t = 0.5u; none out for t ≤ 5/17, city 0 for 5/17 < t ≤ 8/17, both above.
        Assert.Equal(0, model.OptionsFor([0, 0.5]).MinCoverage);   // t = 0.25
        Assert.Equal(8.0 / 17, model.OptionsFor([0, 0.7]).MinCoverage); // t = 0.35
        Assert.Equal(0.5, model.OptionsFor([0, 0.99]).MinCoverage); // t = 0.495
        Assert.Equal(3 * 3, model.DistinctConstructions);

        var nominal = ScoringEngine.Score(matrix).OverallRanks;
        foreach (var (u, excluded) in new[] { (0.5, 0), (0.7, 1), (0.99, 2) })
        {
            var screened = ScoringEngine.Score(matrix, new ScoringOptions(NormalisationMethod.Rank) { MinCoverage = 0.5 * u });
            Assert.Equal(excluded, screened.Excluded.Count);
            var shift = screened.OverallRanks.Zip(nominal).Where(p => p.First > 0).Average(p => (double)Math.Abs(p.First - p.Second));
            Assert.Equal(shift, model.Evaluate([2, u]), 12);
        }
    }

    [Fact]
    public void MinCoverage_RangeIsCheckedAndSetByTheOptions()
    {
        var matrix = Sparse();
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Inputs = [UncertainChoice.MinCoverage], CoverageLow = 0.6, CoverageHigh = 0.5 }));
        Assert.Throws<ArgumentException>(() => new CompositeModel(matrix, new CompositeSensitivityOptions { Inputs = [UncertainChoice.MinCoverage], CoverageHigh = 1.5 }));

        // 0.3…0.4 holds no coverage but leaves city 0 (5/17 = 0.294) out throughout: one screen.
        var model = new CompositeModel(matrix, new CompositeSensitivityOptions { Inputs = [UncertainChoice.MinCoverage], CoverageLow = 0.3, CoverageHigh = 0.4 });
        Assert.Equal(1, model.DistinctConstructions);
        Assert.Equal(0.3, model.OptionsFor([0.9]).MinCoverage);
    }

    [Fact]
    public void UncertainChoices_ParseTheirCodes()
    {
        Assert.True(UncertainChoices.TryParse(" Winsorise ", out var choice));
        Assert.Equal(UncertainChoice.Winsorise, choice);
        Assert.False(UncertainChoices.TryParse("coverage", out _));
        Assert.True(UncertainChoices.TryParse("mincoverage", out var coverage));
        Assert.Equal(UncertainChoice.MinCoverage, coverage);
        Assert.DoesNotContain(UncertainChoice.MinCoverage, new CompositeSensitivityOptions().Inputs);
        Assert.Equal("aggregation", UncertainChoice.Aggregation.Code());
    }
}
