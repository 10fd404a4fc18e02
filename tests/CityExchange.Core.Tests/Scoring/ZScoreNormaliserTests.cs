using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

/// <summary>
/// Finding 7: with values in the 1e308 range every z-score was 0 (the squares overflowed), and near 1e15, the documented
/// value maximum, the one-pass deviation lost most of its digits. Mean and SD now come from the corrected two-pass
/// algorithm on values scaled by a power of two.
/// </summary>
public sealed class ZScoreNormaliserTests
{
    [Fact]
    public void Normalise_SmallValues()
    {
        var scores = new double[3];

        var outcome = ZScoreNormaliser.Normalise([2, 4, 6], 1, scores, out var count);

        Assert.Equal((NormalisationOutcome.Scored, 3), (outcome, count));
        Assert.Equal([-1, 0, 1], scores);
    }

    [Fact]
    public void Normalise_ValuesNearTheValueMaximumKeepTheirSpread()
    {
        // 10,000 cities at 1e15 and 10,000 at 1e15 + 8: mean 1e15 + 4, sample SD 4·√(20000/19999), z = ±√(19999/20000).
        var raw = Enumerable.Range(0, 20_000).Select(k => 1e15 + (8 * (k % 2))).ToArray();
        var scores = new double[raw.Length];

        ZScoreNormaliser.Normalise(raw, 1, scores, out _);

        Assert.Equal(-0.9999749996874921, scores[0], 1e-12);
        Assert.Equal(0.9999749996874921, scores[1], 1e-12);
    }

    [Fact]
    public void Normalise_ASpreadOfThousandsAboveTheValueMaximum()
    {
        // 1e15 + k for k = 0…19,999: SD √(20000·20001/12) = 5773.647…; the first city −9999.5/SD, the last +9999.5/SD.
        var raw = Enumerable.Range(0, 20_000).Select(k => 1e15 + k).ToArray();
        var scores = new double[raw.Length];

        ZScoreNormaliser.Normalise(raw, -1, scores, out _);

        Assert.Equal(1.7319209075470219, scores[0], 1e-9);
        Assert.Equal(-1.7319209075470219, scores[^1], 1e-9);
    }

    [Fact]
    public void Normalise_ValuesBeyondTheMaximumDoNotCollapseToZero()
    {
        var scores = new double[3];

        var outcome = ZScoreNormaliser.Normalise([1e308, 1.5e308, 1.7e308], 1, scores, out _);

        Assert.Equal(NormalisationOutcome.Scored, outcome);
        Approx.Equal([-1.1094003924504585, 0.2773500981126142, 0.8320502943378432], scores, 1e-14);
    }

    [Fact]
    public void Normalise_SubnormalValuesAreStillSpread()
    {
        var scores = new double[3];

        var outcome = ZScoreNormaliser.Normalise([0, 5e-324, 1e-323], 1, scores, out _);

        Assert.Equal(NormalisationOutcome.Scored, outcome);
        Assert.Equal([-1, 0, 1], scores);
    }

    [Fact]
    public void PanelGoalposts_PooledDeviationNearTheValueMaximum()
    {
        var framework = new FrameworkBuilder().Social("a").Build();
        var year = new IndicatorMatrix(framework, 10_000, [.. Enumerable.Range(0, 10_000).Select(k => 1e15 + (8 * (k % 2)))]);

        var panel = PanelGoalposts.From([year, year], ScoringOptions.Default);

        Assert.Equal(1e15 + 4, panel.Mean[0]);
        Assert.Equal(4.000100003750156, panel.StandardDeviation[0], 1e-12);
    }
}
