using CityExchange.Core.Sensitivity;

namespace CityExchange.Core.Tests.Sensitivity;

/// <summary>Against scipy 1.10 (Debian): <c>scipy.stats.qmc.Sobol(d, scramble=False)</c>, the same Joe–Kuo 6.21201 directions.</summary>
public sealed class SobolSequenceTests
{
    [Fact]
    public void FirstEightPoints_AreScipys()
    {
        double[][] expected =
        [
            [0, 0, 0, 0, 0, 0],
            [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25, 0.25, 0.75, 0.75],
            [0.25, 0.75, 0.75, 0.75, 0.25, 0.25],
            [0.375, 0.375, 0.625, 0.875, 0.375, 0.125],
            [0.875, 0.875, 0.125, 0.375, 0.875, 0.625],
            [0.625, 0.125, 0.875, 0.625, 0.625, 0.875],
            [0.125, 0.625, 0.375, 0.125, 0.125, 0.375],
        ];
        var sequence = new SobolSequence(6);
        var point = new double[6];

        foreach (var row in expected)
        {
            sequence.Next(point);
            Assert.Equal(row, point);
        }
    }

    [Fact]
    public void Point1000_AllFortyDimensions_AreScipys()
    {
        double[] expected =
        [
            0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375, 0.8994140625,
            0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125, 0.1611328125, 0.3837890625, 0.1435546875, 0.3701171875,
            0.7197265625, 0.3447265625, 0.9912109375, 0.7255859375, 0.5224609375, 0.5498046875, 0.9501953125, 0.5400390625,
            0.5830078125, 0.9072265625, 0.0400390625, 0.9794921875, 0.0595703125, 0.3408203125, 0.1474609375, 0.1455078125,
            0.2958984375, 0.5927734375, 0.8017578125, 0.7705078125, 0.8486328125, 0.8310546875, 0.3076171875, 0.4794921875,
        ];

        Assert.Equal(expected, PointAt(40, 1000));
    }

    [Fact]
    public void PointMillionAndThree_UsesTheHighDirectionNumbers()
    {
        // scipy: Sobol(40, scramble=False).fast_forward(1000003).random(1); 20 significant bits in play.
        double[] expected =
        [
            0.2764749526977539, 0.5619192123413086, 0.07799625396728516, 0.4182462692260742, 0.8786592483520508,
            0.5450620651245117, 0.22074604034423828, 0.26679325103759766, 0.050415992736816406, 0.004401206970214844,
            0.888331413269043, 0.6811761856079102, 0.5232172012329102, 0.2833433151245117, 0.8991060256958008,
            0.4660959243774414, 0.19301128387451172, 0.5074853897094727, 0.8428945541381836, 0.6322927474975586,
            0.7901296615600586, 0.20430278778076172, 0.9140710830688477, 0.23955059051513672, 0.3971834182739258,
            0.28742313385009766, 0.8840761184692383, 0.5564451217651367, 0.9421148300170898, 0.28353214263916016,
            0.6524858474731445, 0.29140377044677734, 0.6297388076782227, 0.834050178527832, 0.3333902359008789,
            0.055092811584472656, 0.18547344207763672, 0.5698843002319336, 0.6961660385131836, 0.26140880584716797,
        ];

        Assert.Equal(expected, PointAt(40, 1_000_003));
    }

    [Fact]
    public void Seek_GivesThePointThatStepping_Gives()
    {
        var stepped = new SobolSequence(7);
        var sought = new SobolSequence(7);
        var a = new double[7];
        var b = new double[7];
        for (var i = 0; i < 300; i++)
        {
            stepped.Next(a);
        }

        sought.Seek(299);
        sought.Next(b);
        Assert.Equal(a, b);
        stepped.Next(a);
        sought.Next(b);
        Assert.Equal(a, b);
        sought.Seek(0);
        sought.Next(b);
        Assert.Equal(new double[7], b);
    }

    [Fact]
    public void FirstPowerOfTwoPoints_FillEveryDyadicInterval()
    {
        // (0, m, s)-net property in each dimension: the first 2^m points put one point in each [j/2^m, (j+1)/2^m).
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var point = new double[SobolSequence.MaxDimensions];
        var seen = new bool[SobolSequence.MaxDimensions, 256];
        for (var i = 0; i < 256; i++)
        {
            sequence.Next(point);
            for (var d = 0; d < point.Length; d++)
            {
                seen[d, (int)(point[d] * 256)] = true;
            }
        }

        Assert.All(Enumerable.Range(0, SobolSequence.MaxDimensions), d => Assert.All(Enumerable.Range(0, 256), j => Assert.True(seen[d, j], $"dimension {d + 1}, cell {j}")));
    }

    [Fact]
    public void Dimensions_OutsideTheTable_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimensions + 1));
    }

    private static double[] PointAt(int dimensions, int index)
    {
        var sequence = new SobolSequence(dimensions);
        var point = new double[dimensions];
        sequence.Seek(index);
        sequence.Next(point);
        return point;
    }
}
