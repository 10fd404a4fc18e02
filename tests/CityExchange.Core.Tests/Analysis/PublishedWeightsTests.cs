using CityExchange.Core.Analysis;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>The report's own weights by linear programming; expected values from scipy.optimize.linprog (HiGHS).</summary>
public sealed class PublishedWeightsTests
{
    [Fact]
    public void Report2013_SomeWeightsReproduceEveryPrintedRank()
    {
        var result = PublishedWeights.Find(TestData.Published);

        Assert.True(result.Feasible);
        Assert.Equal(0.02860405560749668, result.Margin, 1e-9);
        // The maximin weights are unique here (scipy: each weight's range at the optimal margin is a point).
        Approx.Equal([0.29738558436076057, 0.1746964989244939, 0.29835581825281854, 0.22956209846192693], result.Weights, 1e-9);
        Assert.Equal(1.0, result.Weights.Sum(), 1e-12);
        Approx.Equal([0.29196784028401734, 0.17354205914836, 0.2964985804841784, 0.22666190269843922], result.Ranges.Select(r => r.Min), 1e-9);
        Approx.Equal([0.3022239142300567, 0.17994274096397717, 0.30027907990975594, 0.23146973395775433], result.Ranges.Select(r => r.Max), 1e-9);
        Assert.Equal(0, result.RankDifferences);
        Assert.Equal(46, result.Cities.Count);
        Assert.All(result.Cities, c => Assert.Equal(c.Published, c.Reproduced));
        Assert.Equal(TestData.Published.Select(p => p.CityCode), result.Cities.Select(c => c.Code));
    }

    [Fact]
    public void Report2013_EqualWeightsAndIndicatorCountWeightsDoNot()
    {
        // Beside the finding: the equal-weight mean ranks 31 cities differently, each indicator weighing the same
        // (5:3:5:4 over 17) 6 cities; both lie outside the ranges.
        var ranges = PublishedWeights.Find(TestData.Published).Ranges;

        Assert.Equal(31, Differences(TestData.Published, [0.25, 0.25, 0.25, 0.25]));
        Assert.Equal(6, Differences(TestData.Published, [5 / 17.0, 3 / 17.0, 5 / 17.0, 4 / 17.0]));
        Assert.False(ranges[3].Max >= 0.25);
        Assert.False(ranges[2].Min <= 5 / 17.0 && ranges[3].Max >= 4 / 17.0);
    }

    [Fact]
    public void SmallCase_MaximinWeightsAndRanges()
    {
        // A (80, 20, 50, 40) > B (50, 60, 30, 50) > C (40, 30, 70, 20) > D (20, 40, 20, 60): the smallest gap is largest,
        // 14, at w = (0.8, 0.2, 0, 0) (gaps 16, 14, 14); the order holds for w_1 ∈ [0, 1], w_2 ∈ [0, 3/7],
        // w_3 ∈ [0, 3/7], w_4 ∈ [0, 13/24].
        var result = Find([[80, 20, 50, 40], [50, 60, 30, 50], [40, 30, 70, 20], [20, 40, 20, 60]], [1, 2, 3, 4]);

        Assert.True(result.Feasible);
        Assert.Equal(14, result.Margin, 1e-9);
        Approx.Equal([0.8, 0.2, 0, 0], result.Weights, 1e-9);
        Approx.Equal([0, 0, 0, 0], result.Ranges.Select(r => r.Min), 1e-9);
        Approx.Equal([1, 3 / 7.0, 3 / 7.0, 13 / 24.0], result.Ranges.Select(r => r.Max), 1e-9);
        Assert.Equal(0, result.RankDifferences);
    }

    [Fact]
    public void Infeasible_MinimalViolation()
    {
        // A is printed above B yet scores 10 less in every domain: no weights put it above (margin −10). The least total
        // violation, 10, is that pair's whatever the weights; B above C is then free, so every weight ranges over [0, 1].
        var result = Find([[10, 10, 10, 10], [20, 20, 20, 20], [0, 0, 0, 0]], [1, 2, 3]);

        Assert.False(result.Feasible);
        Assert.Equal(-10, result.Margin, 1e-9);
        Assert.Equal(1.0, result.Weights.Sum(), 1e-12);
        Assert.All(result.Weights, w => Assert.True(w >= 0));
        Approx.Equal([0, 0, 0, 0], result.Ranges.Select(r => r.Min), 1e-9);
        Approx.Equal([1, 1, 1, 1], result.Ranges.Select(r => r.Max), 1e-9);
        Assert.Equal([2, 1, 3], result.Cities.Select(c => c.Reproduced));
        Assert.Equal(2, result.RankDifferences);
    }

    [Fact]
    public void Infeasible_WhenOnlyATieKeepsTheOrder()
    {
        // A (50, 10) > B (10, 50) needs w_1 ≥ w_2; B > C (40, 40) needs w_2 ≥ 3·w_1: only w_1 = w_2 = 0, where all three
        // score 0 and tie. Margin 0 is not a reproduction: infeasible, no violation, two cities not at their rank.
        var result = Find([[50, 10, 0, 0], [10, 50, 0, 0], [40, 40, 0, 0]], [1, 2, 3]);

        Assert.False(result.Feasible);
        Assert.Equal(0, result.Margin, 1e-9);
        Assert.Equal(0, result.Weights[0], 1e-9);
        Assert.Equal(0, result.Weights[1], 1e-9);
        Assert.Equal(0, result.Ranges[0].Max, 1e-9);
        Assert.Equal(1, result.Ranges[2].Max, 1e-9);
        Assert.Equal([1, 1, 1], result.Cities.Select(c => c.Reproduced));
        Assert.Equal(2, result.RankDifferences);
    }

    [Fact]
    public void PrintedTie_ImposesNoOrderWithinIt()
    {
        // B and C share printed rank 2: any order of the two is a reproduction (ranks 2–3), so only A above both and
        // both above D constrain the weights, and every weight can reach 1.
        var result = Find([[90, 90, 90, 90], [50, 10, 10, 10], [10, 50, 50, 50], [0, 0, 0, 0]], [1, 2, 2, 4]);

        Assert.True(result.Feasible);
        Assert.Equal(0, result.RankDifferences);
        Assert.Equal(1, result.Cities[0].Reproduced);
        Assert.InRange(result.Cities[1].Reproduced, 2, 3);
        Assert.InRange(result.Cities[2].Reproduced, 2, 3);
        Assert.Equal(4, result.Cities[3].Reproduced);
        Approx.Equal([1, 1, 1, 1], result.Ranges.Select(r => r.Max), 1e-9);
        // Without the tie (B printed 2, C 3) the order B > C needs 40·w_1 ≥ 40·(w_2 + w_3 + w_4), i.e. w_1 ≥ 1/2.
        var strict = Find([[90, 90, 90, 90], [50, 10, 10, 10], [10, 50, 50, 50], [0, 0, 0, 0]], [1, 2, 3, 4]);
        Assert.Equal(0.5, strict.Ranges[0].Min, 1e-9);
    }

    [Fact]
    public void PrintedTie_CountsAsReproducedAnywhereWithinItsRanks()
    {
        // Three cities share printed rank 2 but every weighting orders them 2, 3, 4: none of them differs.
        var result = Find([[90, 90, 90, 90], [30, 30, 30, 30], [20, 20, 20, 20], [10, 10, 10, 10], [0, 0, 0, 0]], [1, 2, 2, 2, 5]);

        Assert.Equal([1, 2, 3, 4, 5], result.Cities.Select(c => c.Reproduced));
        Assert.Equal(0, result.RankDifferences);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => PublishedWeights.Find(["a", "b"], [1, 2, 3, 4, 5, 6, 7, double.NaN], [1, 2]));
        Assert.Throws<ArgumentException>(() => PublishedWeights.Find(["a", "b"], [1, 2, 3, 4, 5, 6, 7, 8], [0, 1]));
        Assert.Throws<ArgumentException>(() => PublishedWeights.Find(["a", "b"], [1, 2, 3], [1, 2]));
    }

    private static PublishedWeightsResult Find(double[][] rows, int[] ranks)
    {
        var n = rows.Length;
        var scores = new double[4 * n];
        for (var c = 0; c < n; c++)
        {
            for (var d = 0; d < 4; d++)
            {
                scores[(d * n) + c] = rows[c][d];
            }
        }

        return PublishedWeights.Find([.. Enumerable.Range(0, n).Select(c => ((char)('a' + c)).ToString())], scores, ranks);
    }

    /// <summary>Cities whose rank under <paramref name="weights"/> differs from the printed one (an independent count).</summary>
    private static int Differences(IReadOnlyList<CityExchange.Core.Published.PublishedCityScore> published, double[] weights)
    {
        var overall = published.Select(p => (weights[0] * p.Social!.Value) + (weights[1] * p.Culture!.Value) + (weights[2] * p.Trade!.Value) + (weights[3] * p.Politics!.Value)).ToArray();
        return published.Where((p, i) => 1 + overall.Count(o => o > overall[i]) != p.OverallRank).Count();
    }
}
