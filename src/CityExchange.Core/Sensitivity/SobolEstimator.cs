using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Sensitivity;

/// <summary>
/// Sobol indices from the outputs of a <see cref="SaltelliDesign"/>, with COINr's estimators (<c>SA_estimate</c>):
/// V = the sample variance of the A and B outputs together;
/// first order S_i = mean(f(B)·(f(A_B^i) − f(A))) / V (Saltelli et al. 2010, table 2 (b));
/// total ST_i = Σ(f(A) − f(A_B^i))² / (2N·V) (Jansen 1999).
/// Outputs are centred at their A-and-B mean first: S_i's estimator is not invariant to a constant shift of the output
/// (the shift adds c·mean(f(A_B^i) − f(A)), zero only in expectation), so centring removes that noise, as SALib does;
/// V and ST_i are unchanged by it.
/// Intervals: percentile bootstrap over the N rows (each replicate draws N row numbers with replacement and recomputes
/// V, S_i and ST_i from the same rows for every input), quantiles R-7 (R's default, as COINr). COINr instead resamples
/// each input's terms separately and keeps V fixed; resampling whole rows also carries the uncertainty of V.
/// </summary>
public static class SobolEstimator
{
    public static SobolResult Estimate(IReadOnlyList<SensitivityInput> inputs, ReadOnlySpan<double> outputs, SobolOptions options)
    {
        var k = inputs.Count;
        options.Validate(k);
        var n = options.Samples;
        if (outputs.Length != SaltelliDesign.Rows(n, k))
        {
            throw new ArgumentException($"Expected N·(k + 2) = {SaltelliDesign.Rows(n, k)} outputs.", nameof(outputs));
        }

        for (var i = 0; i < outputs.Length; i++)
        {
            if (!double.IsFinite(outputs[i]))
            {
                throw new ArgumentException($"The model gave a non-finite output ({outputs[i]}) at run {i + 1}.", nameof(outputs));
            }
        }

        var mean = 0.0;
        for (var i = 0; i < 2 * n; i++)
        {
            mean += outputs[i];
        }

        mean /= 2 * n;
        var y = new double[outputs.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = outputs[i] - mean;
        }

        var all = new int[n];
        for (var j = 0; j < n; j++)
        {
            all[j] = j;
        }

        var first = new double[k];
        var total = new double[k];
        var variance = Indices(y, n, k, all, first, total);

        var bootstrap = options.Bootstrap;
        var firstBoot = new double[k][];
        var totalBoot = new double[k][];
        for (var i = 0; i < k; i++)
        {
            firstBoot[i] = new double[bootstrap];
            totalBoot[i] = new double[bootstrap];
        }

        var random = new MersenneTwister(Seeds.Bootstrap(options.Seed), threadSafe: false);
        var rows = new int[n];
        var f = new double[k];
        var t = new double[k];
        for (var b = 0; b < bootstrap; b++)
        {
            for (var j = 0; j < n; j++)
            {
                rows[j] = random.Next(n);
            }

            Indices(y, n, k, rows, f, t);
            for (var i = 0; i < k; i++)
            {
                firstBoot[i][b] = f[i];
                totalBoot[i][b] = t[i];
            }
        }

        var lowP = (1 - options.Confidence) / 2;
        var highP = 1 - lowP;
        var result = new SobolIndex[k];
        for (var i = 0; i < k; i++)
        {
            var (firstLow, firstHigh) = Interval(firstBoot[i], lowP, highP);
            var (totalLow, totalHigh) = Interval(totalBoot[i], lowP, highP);
            result[i] = new SobolIndex(inputs[i].Name, first[i], total[i], firstLow, firstHigh, totalLow, totalHigh);
        }

        return new SobolResult(n, outputs.Length, mean, variance, result);
    }

    /// <summary>The indices over the given rows (with repetition); returns V. NaN indices when V is 0 (a constant output).</summary>
    private static double Indices(double[] y, int n, int k, int[] rows, double[] first, double[] total)
    {
        var m = rows.Length;
        double sum = 0;
        foreach (var j in rows)
        {
            sum += y[j] + y[n + j];
        }

        var mean = sum / (2 * m);
        double squares = 0;
        foreach (var j in rows)
        {
            var a = y[j] - mean;
            var b = y[n + j] - mean;
            squares += (a * a) + (b * b);
        }

        var variance = squares / ((2 * m) - 1);
        for (var i = 0; i < k; i++)
        {
            var offset = (2 + i) * n;
            double s = 0, st = 0;
            foreach (var j in rows)
            {
                var ya = y[j];
                var abi = y[offset + j];
                s += y[n + j] * (abi - ya);
                st += (ya - abi) * (ya - abi);
            }

            first[i] = variance > 0 ? s / m / variance : double.NaN;
            total[i] = variance > 0 ? st / (2.0 * m * variance) : double.NaN;
        }

        return variance;
    }

    private static (double Low, double High) Interval(double[] replicates, double low, double high)
    {
        var present = replicates.Where(double.IsFinite).ToArray();
        if (present.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(present);
        return (SortedArrayStatistics.QuantileCustom(present, low, QuantileDefinition.R7),
                SortedArrayStatistics.QuantileCustom(present, high, QuantileDefinition.R7));
    }
}
