using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class WeightingPresetTests
{
    private static readonly IndicatorFramework Five = new FrameworkBuilder().Social("a").Social("b").Culture("c").Trade("d").Politics("e").Build();

    // Six cities; d is missing for city 2 (filled with the mean min–max score for the weight computation).
    private static readonly IndicatorMatrix Data = new MatrixBuilder(Five, 6)
        .Column("a", 10, 20, 35, 15, 50, 5)
        .Column("b", 200, 150, 400, 100, 300, 250)
        .Column("c", 3, 9, 4, 8, 1, 6)
        .Column("d", 50, 40, null, 90, 60, 20)
        .Column("e", 7, 1, 2, 9, 4, 5)
        .Build();

    // Reference values computed independently with numpy 1.24 from the formulas in docs/weights.md:
    //   S = 100·(X − min)/(max − min) per column, NaN → column mean; n = 6
    //   entropy: P = S/S.sum(0); e = −Σ P·ln P / ln n; w ∝ 1 − e
    //   CRITIC:  R = corrcoef(S); w ∝ S.std(ddof=1)·Σ_k(1 − R_jk)
    //   PCA:     λ, U = eigh(R); kept λ > 1 (λ = 2.46005, 1.51009); w_j ∝ λ_k*/Σλ_kept · U_jk*², k* = argmax_k λ_k·U_jk²
    [Theory]
    [InlineData(WeightingPreset.Entropy, new[] { 0.254280151169365, 0.198175040203545, 0.175401899909286, 0.163698013804647, 0.208444894913157 })]
    [InlineData(WeightingPreset.Critic, new[] { 0.191809377644241, 0.217260045951487, 0.24526928246782, 0.141461534540554, 0.204199759395898 })]
    [InlineData(WeightingPreset.Pca, new[] { 0.190385772208828, 0.269276641902266, 0.160924492773497, 0.242333248764786, 0.137079844350622 })]
    public void GlobalWeights_MatchAnIndependentComputation(WeightingPreset preset, double[] expected)
    {
        var weights = WeightingPresets.GlobalWeights(Data, preset);

        Assert.Equal(expected.Length, weights.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], weights[j], 9);
        }
    }

    [Fact]
    public void Compute_TurnsGlobalWeightsIntoDomainAndWithinDomainWeights()
    {
        var weights = WeightingPresets.Compute(Data, WeightingPreset.Entropy);

        // Social = a + b; a and b relative within social: w·2/W.
        var social = 0.254280151169365 + 0.198175040203545;
        Assert.Equal(social, weights.Domain[0], 9);
        Assert.Equal(0.175401899909286, weights.Domain[1], 9);
        Assert.Equal(0.254280151169365 * 2 / social, weights.Indicator[0], 9);
        Assert.Equal(1, weights.Indicator[2], 9);
    }

    [Fact]
    public void Compute_WithCompleteDataTheOverallScoreIsTheGlobalWeightedSum()
    {
        var complete = Data.Clone();
        complete[3, 2] = 70;
        var global = WeightingPresets.GlobalWeights(complete, WeightingPreset.Critic);

        var sheet = ScoringEngine.Score(complete, new ScoringOptions(Weights: WeightingPresets.Compute(complete, WeightingPreset.Critic)));

        for (var c = 0; c < 6; c++)
        {
            var expected = 0.0;
            for (var j = 0; j < 5; j++)
            {
                expected += global[j] * sheet.NormalisedScore(j, c);
            }

            Assert.Equal(expected, sheet.Overall[c], 9);
        }
    }

    [Fact]
    public void Equal_IsTheReportsWeights()
    {
        Assert.Equal(ScoringWeights.Equal(Five), WeightingPresets.Compute(Data, WeightingPreset.Equal), new WeightsComparer());
        Assert.Equal([0.125, 0.125, 0.25, 0.25, 0.25], WeightingPresets.GlobalWeights(Data, WeightingPreset.Equal));
    }

    [Fact]
    public void GlobalWeights_IndicatorLeftOutOfTheYearWeighsNothing()
    {
        var constant = Data.Clone();
        for (var c = 0; c < 6; c++)
        {
            constant[4, c] = 3;
        }

        foreach (var preset in new[] { WeightingPreset.Entropy, WeightingPreset.Critic, WeightingPreset.Pca })
        {
            var weights = WeightingPresets.GlobalWeights(constant, preset);
            Assert.Equal(0, weights[4]);
            Assert.Equal(1, weights.Sum(), 12);
        }
    }

    private sealed class WeightsComparer : IEqualityComparer<ScoringWeights>
    {
        public bool Equals(ScoringWeights? x, ScoringWeights? y) =>
            x is not null && y is not null && x.Domain.SequenceEqual(y.Domain) && x.Indicator.SequenceEqual(y.Indicator);

        public int GetHashCode(ScoringWeights obj) => 0;
    }
}
