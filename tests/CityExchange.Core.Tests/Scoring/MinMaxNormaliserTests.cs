using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Scoring;

public sealed class MinMaxNormaliserTests
{
    [Fact]
    public void Normalise_ScalesLinearlyFromMinToMax()
    {
        var scores = new double[4];
        var outcome = MinMaxNormaliser.Normalise([10, 20, 30, 50], 1, scores, out var count);

        Assert.Equal(NormalisationOutcome.Scored, outcome);
        Assert.Equal(4, count);
        Assert.Equal([0, 25, 50, 100], scores);
    }

    [Fact]
    public void Normalise_NegativePolarityScoresMaxMinusX()
    {
        var scores = new double[3];
        MinMaxNormaliser.Normalise([10, 20, 50], -1, scores, out _);

        Assert.Equal([100, 75, 0], scores);
    }

    [Fact]
    public void Normalise_MissingValueStaysMissingAndIsNotCounted()
    {
        var scores = new double[3];
        MinMaxNormaliser.Normalise([2, double.NaN, 6], 1, scores, out var count);

        Assert.Equal(2, count);
        Assert.Equal(0, scores[0]);
        Assert.True(double.IsNaN(scores[1]));
        Assert.Equal(100, scores[2]);
    }

    [Fact]
    public void Normalise_ConstantIndicatorIsLeftOut()
    {
        var scores = new double[3];
        var outcome = MinMaxNormaliser.Normalise([7, 7, 7], 1, scores, out var count);

        Assert.Equal(NormalisationOutcome.Constant, outcome);
        Assert.Equal(3, count);
        Assert.All(scores, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void Normalise_SingleValueIsLeftOut()
    {
        var scores = new double[3];
        var outcome = MinMaxNormaliser.Normalise([double.NaN, 4, double.NaN], 1, scores, out var count);

        Assert.Equal(NormalisationOutcome.TooFewValues, outcome);
        Assert.Equal(1, count);
        Assert.All(scores, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void Normalise_ValuesAtTheValueMaximum()
    {
        var scores = new double[3];
        MinMaxNormaliser.Normalise([0, 5e14, 1e15], 1, scores, out _);

        Assert.Equal([0, 50, 100], scores);
    }

    [Fact]
    public void Normalise_SubnormalSpreadStaysFinite()
    {
        // 100/(max − min) is +∞ for a subnormal spread; the scores must still run from 0 to 100.
        var scores = new double[3];
        var outcome = MinMaxNormaliser.Normalise([0, 5e-324, 1e-323], 1, scores, out _);

        Assert.Equal(NormalisationOutcome.Scored, outcome);
        Assert.Equal([0, 50, 100], scores);
    }

    [Fact]
    public void Normalise_SubnormalSpreadAboveAValue()
    {
        var scores = new double[9];
        MinMaxNormaliser.Normalise([1e-310, 1e-310, 1e-310, 1e-310, 1e-310, 1e-310, 1e-310, 1e-310, 2e-310], -1, scores, out _);

        Assert.Equal([100, 100, 100, 100, 100, 100, 100, 100, 0], scores);
    }
}
