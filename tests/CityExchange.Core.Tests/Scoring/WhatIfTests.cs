using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class WhatIfTests
{
    private static readonly Framework.IndicatorFramework Two = new FrameworkBuilder().Social("a").Trade("b").Build();

    [Fact]
    public void Score_AppliesOverridesToACopyAndRescores()
    {
        var matrix = new MatrixBuilder(Two, 3).Column("a", 0, 10, 5).Column("b", 0, 10, 5).Build();

        var sheet = WhatIf.Score(matrix, [new ValueOverride(0, 0, 20), new ValueOverride(0, 1, 20)], m => ScoringEngine.Score(m));

        // City 0 now holds both maxima: 100; the minimum is city 2's 5, so city 1 scores 100·(10 − 5)/(20 − 5).
        Assert.Equal(100, sheet.Overall[0], 12);
        Assert.Equal(100.0 / 3, sheet.Overall[1], 12);
        Assert.Equal(1, sheet.OverallRanks[0]);
        Assert.Equal(0, matrix[0, 0]);
    }

    [Fact]
    public void Apply_RefusesANegativeValue()
    {
        var matrix = new MatrixBuilder(Two, 1).Build();

        Assert.Throws<ArgumentException>(() => WhatIf.Apply(matrix, [new ValueOverride(0, 0, -1)]));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => WhatIf.Apply(matrix, [new ValueOverride(1, 0, 1)]));
    }
}
