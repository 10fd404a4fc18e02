using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Scoring;

public sealed class TargetFinderTests
{
    private static readonly Framework.IndicatorFramework Two = new FrameworkBuilder().Social("a").Trade("b").Build();

    private static ScoreSheet Default(IndicatorMatrix m) => ScoringEngine.Score(m);

    // Expected values checked by brute force in python (min–max, competition ranks, grid step 0.0005 from 0 to 200).
    [Fact]
    public void Find_GivesTheSmallestValueThatReachesTheRank()
    {
        // Scores a 0, 100, 40; b 50, 0, 100 → overall 25, 50, 70.
        var matrix = new MatrixBuilder(Two, 3).Column("a", 0, 10, 4).Column("b", 5, 0, 10).Build();

        var targets = TargetFinder.Find(matrix, 0, 2, Default);

        // a: above 4 the minimum becomes city 2's 4, so city 0 scores 100·(a − 4)/6; rank 2 needs a tie with cities 1 and 2
        // at 50 → a = 7. b: 5·b ≥ 50 → b = 10 (a tie with city 1 behind city 2).
        Assert.InRange(targets[0].Value!.Value, 7 * (1 - 1e-9), 7 * 1.001);
        Assert.InRange(targets[1].Value!.Value, 10 * (1 - 1e-9), 10 * 1.001);
        Assert.Equal(0, targets[0].Current);
        Assert.Equal(5, targets[1].Current);
    }

    [Fact]
    public void Find_NoValueReachesGivesNull()
    {
        // City 1 has a 10 and b 10 (both maxima); city 0's b is the minimum. Whatever a is, city 1 stays ahead.
        var matrix = new MatrixBuilder(Two, 3).Column("a", 5, 10, 0).Column("b", 0, 10, 5).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        Assert.Null(targets[0].Value);
        // b above the maximum moves the goalpost: city 1's b score 100·5/(b − 5) falls below 50 once b > 15.
        Assert.InRange(targets[1].Value!.Value, 15 * (1 - 1e-9), 15 * 1.001);
    }

    [Fact]
    public void Find_ValueBeyondTheCurrentMaximumIsFoundThroughTheMovedGoalpost()
    {
        // Scores a 100, 0, 80; b 0, 100, 90 → overall 50, 50, 85.
        var matrix = new MatrixBuilder(Two, 3).Column("a", 10, 0, 8).Column("b", 0, 10, 9).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        // a above 10: city 2's a score 100·8/a falls and city 2 drops to 50 at a = 80 (city 0 ties city 1 at 50).
        Assert.InRange(targets[0].Value!.Value, 80 * (1 - 1e-9), 80 * 1.001);
        // b below 9 is the minimum: city 2's b score 100·(9 − b)/(10 − b) ≤ 20 from b = 8.75.
        Assert.InRange(targets[1].Value!.Value, 8.75 * (1 - 1e-9), 8.75 * 1.001);
    }

    [Fact]
    public void Find_ReachedAlreadyAtZeroGivesZero()
    {
        var matrix = new MatrixBuilder(Two, 2).Column("a", 10, 0).Column("b", 10, 0).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        Assert.Equal(0, targets[0].Value);
    }

    [Fact]
    public void Find_MinimalWithinThePrecision()
    {
        var matrix = new MatrixBuilder(Two, 4).Column("a", 1, 7, 3, 9).Column("b", 2, 4, 8, 6).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        foreach (var target in targets.Where(t => t.Value > 0))
        {
            var below = matrix.Clone();
            below[target.Indicator, 0] = target.Value!.Value * (1 - 0.001);
            Assert.NotEqual(1, Default(below).OverallRanks[0]);
            var at = matrix.Clone();
            at[target.Indicator, 0] = target.Value!.Value;
            Assert.Equal(1, Default(at).OverallRanks[0]);
        }
    }

    [Fact]
    public void Find_ForAWholeNumberIndicatorGivesTheSmallestWholeNumberThatReachesTheRank()
    {
        // The case above with both indicators counts: a needs 80 exactly; b needs 8.75, so the smallest count is 9.
        var counts = new FrameworkBuilder().Social("a", wholeNumber: true).Trade("b", wholeNumber: true).Build();
        var matrix = new MatrixBuilder(counts, 3).Column("a", 10, 0, 8).Column("b", 0, 10, 9).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        Assert.Equal(80, targets[0].Value);
        Assert.Equal(9, targets[1].Value);
        // 8 is not enough: city 2's b score is 100·(9 − 8)/(10 − 8) = 50 and its overall 65 stays ahead of 50.
        var eight = matrix.Clone();
        eight[1, 0] = 8;
        Assert.Equal(2, Default(eight).OverallRanks[0]);
    }

    [Fact]
    public void Find_ForAWholeNumberIndicatorOfNegativePolarityGivesTheLargestWholeNumber()
    {
        // a (less is better): for 2 ≤ x ≤ 10 city 0 scores 100·(10 − x)/8 on a and 0 on b, overall 6.25·(10 − x); city 2
        // scores 0 on a and 60 on b, overall 30. Rank 2 needs 6.25·(10 − x) ≥ 30, x ≤ 5.2: the largest count is 5.
        var mixed = new FrameworkBuilder().Social("a", polarity: -1, wholeNumber: true).Trade("b").Build();
        var matrix = new MatrixBuilder(mixed, 3).Column("a", 7, 2, 10).Column("b", 5, 10, 8).Build();

        var whole = TargetFinder.Find(matrix, 0, 2, Default);
        var continuous = TargetFinder.Find(
            new MatrixBuilder(new FrameworkBuilder().Social("a", polarity: -1).Trade("b").Build(), 3).Column("a", 7, 2, 10).Column("b", 5, 10, 8).Build(),
            0, 2, Default);

        Assert.Equal(5, whole[0].Value);
        Assert.InRange(continuous[0].Value!.Value, 5.2 * (1 - 0.001), 5.2 * (1 + 1e-9));
        Assert.Equal(7, whole[0].Current);
    }

    [Fact]
    public void Find_ForAWholeNumberIndicatorThatNoValueReachesGivesNull()
    {
        var counts = new FrameworkBuilder().Social("a", wholeNumber: true).Trade("b", wholeNumber: true).Build();
        var matrix = new MatrixBuilder(counts, 3).Column("a", 5, 10, 0).Column("b", 0, 10, 5).Build();

        var targets = TargetFinder.Find(matrix, 0, 1, Default);

        Assert.Null(targets[0].Value);
        // Continuous, b needs 15 (see above): 15 itself is the smallest count.
        Assert.Equal(15, targets[1].Value);
    }

    [Fact]
    public void Find_StopsWhenCancelledBeforehand()
    {
        var matrix = new MatrixBuilder(Two, 3).Column("a", 0, 10, 4).Column("b", 5, 0, 10).Build();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var calls = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => TargetFinder.Find(matrix, 0, 2, m => { calls++; return Default(m); }, cancelled.Token));
        Assert.Equal(0, calls);
    }

    /// <summary>Each rescoring of a 20,000-city year takes milliseconds and a search makes dozens: every one checks the token.</summary>
    [Fact]
    public void Find_StopsAtTheNextRescoringOnceCancelled()
    {
        var matrix = new MatrixBuilder(Two, 3).Column("a", 0, 10, 4).Column("b", 5, 0, 10).Build();
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        ScoreSheet CancelOnTheThird(IndicatorMatrix m)
        {
            if (++calls == 3)
            {
                cancellation.Cancel();
            }

            return Default(m);
        }

        Assert.ThrowsAny<OperationCanceledException>(() => TargetFinder.Find(matrix, 0, 2, CancelOnTheThird, cancellation.Token));
        Assert.Equal(3, calls);
    }
}
