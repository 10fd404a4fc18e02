using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace CityExchange.Core.Analysis.Audit;

/// <summary>
/// The first principal component of a group of indicators: its share of the total variance, its loadings (unit
/// length, by indicator code, in input order) and the number of complete cases it was computed on.
/// </summary>
public sealed record PrincipalComponent(double FirstShare, IReadOnlyDictionary<string, double> Loadings, int Cases);

/// <summary>
/// PCA as COINr's <c>get_PCA</c> (R/PCA.R) does it for one group: the cities with every value (<c>na.omit</c>), each
/// indicator centred and scaled to unit variance (<c>prcomp(center = TRUE, scale = TRUE)</c>). prcomp takes an SVD of
/// the scaled data; the eigen-decomposition (MathNet, symmetric) of their correlation matrix gives the same components
/// without the cities × cities factor. A component's sign is arbitrary, so it is chosen to make the loadings sum to a
/// positive number (a tie: see <see cref="Orientation"/>). NaN where prcomp cannot scale: fewer than two cases, or an indicator with no spread.
/// </summary>
public static class PrincipalComponents
{
    public static PrincipalComponent First(IReadOnlyList<string> codes, IReadOnlyList<double[]> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(columns.Count, codes.Count, nameof(columns));
        var p = columns.Count;
        var complete = CompleteCases(columns);
        var cases = complete.Count;
        if (p == 0 || cases < 2)
        {
            return Undefined(codes, cases);
        }

        var scaled = Matrix<double>.Build.Dense(cases, p);
        for (var j = 0; j < p; j++)
        {
            var values = complete.Select(c => columns[j][c]).ToArray();
            var mean = values.Average();
            var sd = MathNet.Numerics.Statistics.ArrayStatistics.StandardDeviation(values);
            if (!(sd > 0))
            {
                return Undefined(codes, cases);
            }

            for (var i = 0; i < cases; i++)
            {
                scaled[i, j] = (values[i] - mean) / sd;
            }
        }

        var correlation = scaled.TransposeThisAndMultiply(scaled) / (cases - 1);
        var evd = correlation.Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(v => v.Real).ToArray();
        var first = Array.IndexOf(eigenvalues, eigenvalues.Max());
        var loadings = evd.EigenVectors.Column(first).ToArray();
        if (Orientation(loadings) < 0)
        {
            for (var j = 0; j < p; j++)
            {
                loadings[j] = -loadings[j];
            }
        }

        var byCode = new OrderedDictionary<string, double>(p);
        for (var j = 0; j < p; j++)
        {
            byCode.Add(codes[j], loadings[j]);
        }

        return new PrincipalComponent(eigenvalues[first] / eigenvalues.Sum(), byCode, cases);
    }

    /// <summary>
    /// The sign the loadings' sum has. When it is zero up to rounding (two negatively correlated indicators load
    /// (1, −1)/√2), the first loading that is not zero decides, so the result does not depend on rounding.
    /// </summary>
    private static double Orientation(double[] loadings)
    {
        const double Tolerance = 1e-9;
        var sum = loadings.Sum();
        return Math.Abs(sum) > Tolerance * loadings.Sum(Math.Abs) ? sum : loadings.First(x => Math.Abs(x) > Tolerance);
    }

    private static List<int> CompleteCases(IReadOnlyList<double[]> columns)
    {
        var complete = new List<int>();
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        for (var c = 0; c < n; c++)
        {
            if (columns.All(column => !double.IsNaN(column[c])))
            {
                complete.Add(c);
            }
        }

        return complete;
    }

    private static PrincipalComponent Undefined(IReadOnlyList<string> codes, int cases)
    {
        var byCode = new OrderedDictionary<string, double>(codes.Count);
        foreach (var code in codes)
        {
            byCode.Add(code, double.NaN);
        }

        return new PrincipalComponent(double.NaN, byCode, cases);
    }
}
