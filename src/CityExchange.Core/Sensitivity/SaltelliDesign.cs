using MathNet.Numerics.Random;

namespace CityExchange.Core.Sensitivity;

/// <summary>
/// The sampling design of Saltelli (2002; 2010, "Variance based sensitivity analysis of model output"): two base
/// matrices A and B of N rows × k inputs, and for each input i the matrix A_B^(i), A with its column i taken from B.
/// The design is these k + 2 matrices stacked in the order A, B, A_B^(1), …, A_B^(k) — COINr's <c>SA_sample</c> order —
/// N·(k + 2) rows, row-major, each value already mapped by its input (<see cref="SensitivityInput.Map"/>).
/// </summary>
public static class SaltelliDesign
{
    public static int Rows(int samples, int inputCount) => samples * (inputCount + 2);

    public static double[] Create(IReadOnlyList<SensitivityInput> inputs, SobolOptions options)
    {
        var k = inputs.Count;
        options.Validate(k);
        var n = options.Samples;
        var uniform = BaseSample(n, k, options.Scheme, Seeds.Design(options.Seed));
        var design = new double[Rows(n, k) * k];
        for (var row = 0; row < n; row++)
        {
            var a = uniform.AsSpan(row * 2 * k, k);
            var b = uniform.AsSpan((row * 2 * k) + k, k);
            for (var i = 0; i < k; i++)
            {
                var mappedA = inputs[i].Map(a[i]);
                var mappedB = inputs[i].Map(b[i]);
                design[(row * k) + i] = mappedA;
                design[((n + row) * k) + i] = mappedB;
                for (var j = 0; j < k; j++)
                {
                    design[((((2 + j) * n) + row) * k) + i] = i == j ? mappedB : mappedA;
                }
            }
        }

        return design;
    }

    /// <summary>N points in [0, 1)^(2k), row-major: the first k coordinates of a row are A's, the last k B's.</summary>
    private static double[] BaseSample(int n, int k, SampleScheme scheme, int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var points = new double[n * 2 * k];
        if (scheme == SampleScheme.Random)
        {
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = random.NextDouble();
            }

            return points;
        }

        var shift = new uint[2 * k];
        Span<byte> word = stackalloc byte[4];
        for (var d = 0; d < shift.Length; d++)
        {
            random.NextBytes(word);
            shift[d] = BitConverter.ToUInt32(word);
        }

        var sequence = new SobolSequence(2 * k);
        var bits = new uint[2 * k];
        for (var row = 0; row < n; row++)
        {
            sequence.NextBits(bits);
            for (var d = 0; d < bits.Length; d++)
            {
                points[(row * 2 * k) + d] = (bits[d] ^ shift[d]) * (1.0 / 4294967296.0);
            }
        }

        return points;
    }
}

/// <summary>Independent random streams derived from one user seed: the design's, the bootstrap's, a model's own.</summary>
internal static class Seeds
{
    public static int Design(int seed) => Stream(seed, 0);

    public static int Bootstrap(int seed) => Stream(seed, 1);

    public static int Model(int seed) => Stream(seed, 2);

    private static int Stream(int seed, int index)
    {
        var master = new MersenneTwister(seed, threadSafe: false);
        var value = 0;
        for (var i = 0; i <= index; i++)
        {
            value = master.Next();
        }

        return value;
    }
}
