using CityExchange.Core.Scoring;
using CityExchange.Core.Tests.Scoring.Reference;
using CsCheck;

namespace CityExchange.Core.Tests.Scoring;

public sealed class RadixSortTests
{
    /// <summary>Values with many exact ties, some NaN, and runs closer than the tie tolerance (chains of 4e-10 steps).</summary>
    private static readonly Gen<double[]> GenScores =
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 3], Gen.Double[0, 100], Gen.Int[0, 9], (whole, near, any, kind) => kind switch
        {
            0 => double.NaN,
            < 4 => any,
            < 7 => whole * 2.5,
            _ => (whole * 2.5) + (near * 4e-10),
        }).Array[0, 700];

    [Fact]
    public void Ascending_OrdersKeysAsTheValuesAreOrdered()
    {
        double[] values =
        [
            double.NegativeInfinity, -double.MaxValue, -1e300, -2.5, -1, -double.Epsilon, -0.0, 0.0, double.Epsilon,
            1e-300, 0.1, 1, 1 + 1e-15, 2.5, 1e300, double.MaxValue, double.PositiveInfinity,
        ];

        for (var i = 1; i < values.Length; i++)
        {
            Assert.True(RadixSort.Ascending(values[i - 1]) < RadixSort.Ascending(values[i]), $"{values[i - 1]:R} before {values[i]:R}");
            Assert.True(RadixSort.Descending(values[i - 1]) > RadixSort.Descending(values[i]), $"{values[i - 1]:R} after {values[i]:R} descending");
        }
    }

    [Fact]
    public void Ascending_AgreesWithDoubleComparisonOnRandomValues()
    {
        Gen.Double.Where(x => !double.IsNaN(x)).Select(Gen.Double.Where(x => !double.IsNaN(x))).Sample((a, b) =>
        {
            var expected = a.CompareTo(b);
            if (expected == 0 && BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b))
            {
                expected = double.IsNegative(a) ? -1 : 1; // −0 sorts just below +0
            }

            Assert.Equal(Math.Sign(expected), Math.Sign(RadixSort.Ascending(a).CompareTo(RadixSort.Ascending(b))));
        }, iter: 5000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(RadixSort.RadixThreshold - 1)]
    [InlineData(RadixSort.RadixThreshold)]
    [InlineData(1000)]
    [InlineData(10_000)]
    public void Sort_IsAStableAscendingSort(int count)
    {
        var random = new Random(count + 17);
        // Few distinct keys, so ties are common, and keys that share their high bytes, so passes get skipped.
        var keys = Enumerable.Range(0, count).Select(_ => RadixSort.Ascending(random.Next(0, 50) * 0.75)).ToArray();
        var items = Enumerable.Range(0, count).ToArray();
        var expected = items.OrderBy(i => keys[i]).ToArray();

        RadixSort.Sort(keys, items, new ulong[count], new int[count]);

        Assert.Equal(expected, items);
        Assert.True(keys.Zip(keys.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void Sort_MatchesAStableSortOnRandomFullWidthKeys()
    {
        Gen.ULong.Array[0, 600].Sample(keys =>
        {
            var items = Enumerable.Range(0, keys.Length).ToArray();
            var expected = items.OrderBy(i => keys[i]).ToArray();
            var expectedKeys = keys.Order().ToArray();

            RadixSort.Sort(keys, items);

            Assert.Equal(expected, items);
            Assert.Equal(expectedKeys, keys);
        }, iter: 300);
    }

    [Fact]
    public void RankDescending_GivesTheSameRanksAsTheArraySortRanker()
    {
        GenScores.Sample(scores =>
        {
            var expected = new int[scores.Length];
            ReferenceScoring.RankDescending(scores, expected);

            Assert.Equal(expected, CompetitionRanker.RankDescending(scores));
            var withScratch = new int[scores.Length];
            CompetitionRanker.RankDescending(scores, withScratch, new int[scores.Length]);
            Assert.Equal(expected, withScratch);
        }, iter: 400);
    }

    [Fact]
    public void RankNormaliser_GivesTheSameScoresAsTheArraySortVersion()
    {
        Gen.Select(GenScores, Gen.Bool).Sample((raw, negative) =>
        {
            var polarity = negative ? -1 : 1;
            var expected = new double[raw.Length];
            var actual = new double[raw.Length];
            var expectedOutcome = ReferenceScoring.RankScore(raw, polarity, expected, out var expectedCount);

            var outcome = RankNormaliser.Normalise(raw, polarity, actual, out var count);

            Assert.Equal(expectedOutcome, outcome);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expected, actual);
        }, iter: 400);
    }

    [Fact]
    public void MinMaxNormaliser_GivesTheSameBitsAsTheScalarVersion()
    {
        Gen.Select(GenScores, Gen.Bool).Sample((raw, negative) =>
        {
            var polarity = negative ? -1 : 1;
            var expected = new double[raw.Length];
            var actual = new double[raw.Length];
            var expectedOutcome = ReferenceScoring.MinMax(raw, polarity, expected, out var expectedCount);

            var outcome = MinMaxNormaliser.Normalise(raw, polarity, actual, out var count);

            Assert.Equal(expectedOutcome, outcome);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expected, actual);
        }, iter: 400);
    }

    [Fact]
    public void RankDescending_TiesAChainOfNearlyEqualScoresAcrossTheRadixPath()
    {
        // 200 cities: 100 at 50 + k·4e-10 (each within the tolerance of the next: one tie), 100 at distinct lower scores.
        var scores = Enumerable.Range(0, 100).Select(k => 50 + (k * 4e-10)).Concat(Enumerable.Range(0, 100).Select(k => 10.0 + (k * 0.1))).ToArray();

        var ranks = CompetitionRanker.RankDescending(scores);

        Assert.All(ranks.Take(100), r => Assert.Equal(1, r));
        Assert.Equal(101, ranks[199]);
        Assert.Equal(200, ranks[100]);
    }
}
