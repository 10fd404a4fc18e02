using CityExchange.Core.Sensitivity;

namespace CityExchange.Core.Tests.Sensitivity;

/// <summary>The estimator against functions whose indices are known analytically or by exact enumeration.</summary>
public sealed class SobolAnalysisTests
{
    private static readonly SensitivityInput[] ThreeContinuous =
        [SensitivityInput.Continuous("x1"), SensitivityInput.Continuous("x2"), SensitivityInput.Continuous("x3")];

    [Fact]
    public void Estimator_HandComputedCase()
    {
        // N = 2, one input: f(A) = [1, 3], f(B) = [2, 6], f(A_B) = [2, 4]. Mean of A and B: 3; V = var(1, 3, 2, 6) = 14/3.
        // Centred: A = [−2, 0], B = [−1, 3], A_B = [−1, 1]. S = mean(B·(A_B − A)) / V = mean(−1, 3) / V = 3/14.
        // ST = Σ(A − A_B)² / (2N·V) = 2 / (4 · 14/3) = 3/28.
        var result = SobolEstimator.Estimate([SensitivityInput.Continuous("x")], [1, 3, 2, 6, 2, 4], new SobolOptions { Samples = 2, Bootstrap = 0 });

        Assert.Equal(14.0 / 3, result.Variance, 1e-15);
        Assert.Equal(3.0, result.Mean, 1e-15);
        Assert.Equal(3.0 / 14, result.Inputs[0].First, 1e-15);
        Assert.Equal(3.0 / 28, result.Inputs[0].Total, 1e-15);
        Assert.True(double.IsNaN(result.Inputs[0].FirstLow));
    }

    [Fact]
    public void Linear_IndicesAreSquaredCoefficientsTimesVariances()
    {
        // Y = 1·X1 + 2·X2 + 3·X3, X1 ~ U(0, 3), X2 ~ U(0, 1), X3 ~ U(0, 0.5): a_i²σ_i² ∝ 9, 4, 2.25 (σ² = c²/12).
        // S_i = ST_i = 9/15.25, 4/15.25, 2.25/15.25 = 0.5902, 0.2623, 0.1475.
        var result = SobolAnalysis.Run(ThreeContinuous, x => (1 * 3 * x[0]) + (2 * x[1]) + (3 * 0.5 * x[2]), new SobolOptions { Samples = 4096 });

        double[] expected = [0.5901639344262295, 0.26229508196721313, 0.14754098360655737];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], result.Inputs[i].First, 0.01);
            Assert.Equal(expected[i], result.Inputs[i].Total, 0.01);
            AssertCovers(result.Inputs[i], expected[i], expected[i]);
        }
    }

    [Fact]
    public void Ishigami_MatchesTheAnalyticIndices()
    {
        var result = SobolAnalysis.Run(ThreeContinuous, Ishigami, new SobolOptions { Samples = 8192 });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(IshigamiFirst[i], result.Inputs[i].First, 0.01);
            Assert.Equal(IshigamiTotal[i], result.Inputs[i].Total, 0.01);
            AssertCovers(result.Inputs[i], IshigamiFirst[i], IshigamiTotal[i]);
        }

        // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.8446 for a = 7, b = 0.1.
        Assert.Equal(13.844587940719254, result.Variance, 0.3);
    }

    [Fact]
    public void Ishigami_PseudoRandomDesignAlsoConverges()
    {
        var result = SobolAnalysis.Run(ThreeContinuous, Ishigami, new SobolOptions { Samples = 8192, Scheme = SampleScheme.Random, Seed = 5 });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(IshigamiFirst[i], result.Inputs[i].First, 0.03);
            Assert.Equal(IshigamiTotal[i], result.Inputs[i].Total, 0.03);
        }
    }

    [Fact]
    public void Ishigami_NinetyPercentIntervalsCoverTheTruthAboutNinetyPercentOfTheTime()
    {
        // 40 independent replicates (seeds) of N = 500 pseudo-random samples; 240 intervals in all.
        var covered = 0;
        var intervals = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var result = SobolAnalysis.Run(ThreeContinuous, Ishigami, new SobolOptions { Samples = 500, Seed = seed, Scheme = SampleScheme.Random });
            for (var i = 0; i < 3; i++)
            {
                var index = result.Inputs[i];
                covered += index.FirstLow <= IshigamiFirst[i] && IshigamiFirst[i] <= index.FirstHigh ? 1 : 0;
                covered += index.TotalLow <= IshigamiTotal[i] && IshigamiTotal[i] <= index.TotalHigh ? 1 : 0;
                intervals += 2;
            }
        }

        var coverage = (double)covered / intervals;
        Assert.InRange(coverage, 0.8, 0.97);
    }

    [Fact]
    public void DiscreteInputs_MatchExactEnumeration()
    {
        // f(a, b, c) = a + 2bc + 5·[c = 3], a ∈ {0, 1, 2}, b ∈ {0, 1}, c ∈ {0, 1, 2, 3}, each uniform: enumerating the 24
        // points with exact fractions gives V = 665/48, S = 32/665, 108/665, 93/133 and ST = 32/665, 24/95, 15/19.
        SensitivityInput[] inputs = [SensitivityInput.Discrete("a", 3), SensitivityInput.Discrete("b", 2), SensitivityInput.Discrete("c", 4)];
        var seen = new HashSet<(double, double, double)>();

        var result = SobolAnalysis.Run(inputs, x =>
        {
            seen.Add((x[0], x[1], x[2]));
            return x[0] + (2 * x[1] * x[2]) + (x[2] == 3 ? 5 : 0);
        }, new SobolOptions { Samples = 8192 });

        Assert.Equal(24, seen.Count);
        Assert.All(seen, p => Assert.True(p.Item1 is 0 or 1 or 2 && p.Item2 is 0 or 1 && p.Item3 is 0 or 1 or 2 or 3));
        double[] first = [32.0 / 665, 108.0 / 665, 93.0 / 133];
        double[] total = [32.0 / 665, 24.0 / 95, 15.0 / 19];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first[i], result.Inputs[i].First, 0.015);
            Assert.Equal(total[i], result.Inputs[i].Total, 0.015);
            AssertCovers(result.Inputs[i], first[i], total[i]);
        }

        Assert.Equal(665.0 / 48, result.Variance, 0.3);
    }

    [Fact]
    public void InputWithoutEffect_HasIndicesExactlyZero()
    {
        // As COINr's own test: an input the model ignores gives f(A_B^i) = f(A) row by row.
        var result = SobolAnalysis.Run(ThreeContinuous, x => x[0] + (10 * x[1]), new SobolOptions { Samples = 100 });

        Assert.Equal(0.0, result.Inputs[2].First);
        Assert.Equal(0.0, result.Inputs[2].Total);
        Assert.Equal(0.0, result.Inputs[2].FirstHigh);
        Assert.Equal(0.0, result.Inputs[2].TotalHigh);
    }

    [Fact]
    public void ConstantOutput_HasUndefinedIndices()
    {
        var result = SobolAnalysis.Run(ThreeContinuous, _ => 4, new SobolOptions { Samples = 50 });

        Assert.Equal(0.0, result.Variance);
        Assert.All(result.Inputs, i => Assert.True(double.IsNaN(i.First) && double.IsNaN(i.Total) && double.IsNaN(i.TotalHigh)));
    }

    [Fact]
    public void SameSeed_SameResult_OtherSeed_OtherIntervals()
    {
        var options = new SobolOptions { Samples = 300, Seed = 11 };

        var first = SobolAnalysis.Run(ThreeContinuous, Ishigami, options);
        var again = SobolAnalysis.Run(ThreeContinuous, Ishigami, options);
        var other = SobolAnalysis.Run(ThreeContinuous, Ishigami, options with { Seed = 12 });

        Assert.Equal(first.Inputs, again.Inputs);
        Assert.Equal(first.Variance, again.Variance);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(first.Inputs[i].FirstLow, other.Inputs[i].FirstLow);
            Assert.NotEqual(first.Inputs[i].TotalHigh, other.Inputs[i].TotalHigh);
        }
    }

    [Fact]
    public void Design_IsAThenBThenAWithOneColumnOfB()
    {
        SensitivityInput[] inputs = [SensitivityInput.Continuous("x"), SensitivityInput.Discrete("y", 3)];
        var design = SaltelliDesign.Create(inputs, new SobolOptions { Samples = 4 });

        Assert.Equal(4 * 4 * 2, design.Length);
        for (var row = 0; row < 4; row++)
        {
            double[] a = [design[row * 2], design[(row * 2) + 1]];
            double[] b = [design[(4 + row) * 2], design[((4 + row) * 2) + 1]];
            Assert.Equal([b[0], a[1]], design.AsSpan((8 + row) * 2, 2).ToArray());
            Assert.Equal([a[0], b[1]], design.AsSpan((12 + row) * 2, 2).ToArray());
            Assert.InRange(a[0], 0, 1);
            Assert.Contains(a[1], new double[] { 0, 1, 2 });
        }
    }

    [Fact]
    public void Run_ReportsProgressUpToOne_AndRunsEveryRowOnce()
    {
        var reported = new List<double>();
        var runs = 0;

        SobolAnalysis.Run(ThreeContinuous, x => { runs++; return x[0]; }, new SobolOptions { Samples = 300 }, new SynchronousProgress(reported.Add));

        Assert.Equal(300 * 5, runs);
        Assert.Equal(6, reported.Count); // 1,500 rows in blocks of 256
        Assert.Equal(1.0, reported[^1]);
        Assert.True(reported.Zip(reported.Skip(1)).All(p => p.First < p.Second));
    }

    /// <summary>Cancellation was checked between blocks of 256 runs only; a one-run model now stops at its next run.</summary>
    [Fact]
    public void Run_HonoursCancellation()
    {
        using var cancel = new CancellationTokenSource();
        var runs = 0;

        Assert.Throws<OperationCanceledException>(() => SobolAnalysis.Run(ThreeContinuous, x =>
        {
            if (++runs == 10)
            {
                cancel.Cancel();
            }

            return x[0];
        }, new SobolOptions { Samples = 1000 }, null, cancel.Token));

        Assert.Equal(10, runs);
    }

    [Fact]
    public void NonFiniteOutput_IsRejectedWithItsRun()
    {
        var error = Assert.Throws<ArgumentException>(() => SobolAnalysis.Run(ThreeContinuous, x => x[0] > 0.5 ? double.NaN : 1, new SobolOptions { Samples = 10 }));

        Assert.Contains("non-finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyInputsForTheSobolTable_AreRejected()
    {
        var inputs = Enumerable.Range(0, 21).Select(i => SensitivityInput.Continuous($"x{i}")).ToArray();

        Assert.Throws<ArgumentException>(() => SaltelliDesign.Create(inputs, new SobolOptions()));
        Assert.Equal(1000 * 23 * 21, SaltelliDesign.Create(inputs, new SobolOptions { Scheme = SampleScheme.Random }).Length);
    }

    // Ishigami a = 7, b = 0.1 on [−π, π]³: S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
    private static readonly double[] IshigamiFirst = [0.31390519114781146, 0.4424111447900409, 0];
    private static readonly double[] IshigamiTotal = [0.5575888552099592, 0.4424111447900409, 0.24368366406214773];

    private static double Ishigami(ReadOnlySpan<double> u)
    {
        var x1 = -Math.PI + (2 * Math.PI * u[0]);
        var x2 = -Math.PI + (2 * Math.PI * u[1]);
        var x3 = -Math.PI + (2 * Math.PI * u[2]);
        return Math.Sin(x1) + (7 * Math.Sin(x2) * Math.Sin(x2)) + (0.1 * Math.Pow(x3, 4) * Math.Sin(x1));
    }

    /// <summary>The 90% intervals, widened by 0.005 for the estimates' own rounding, contain the true indices.</summary>
    private static void AssertCovers(SobolIndex index, double first, double total)
    {
        Assert.InRange(first, index.FirstLow - 0.005, index.FirstHigh + 0.005);
        Assert.InRange(total, index.TotalLow - 0.005, index.TotalHigh + 0.005);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
