using CityExchange.Core.Framework;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace CityExchange.Core.Scoring;

public enum WeightingPreset
{
    /// <summary>The report's weights: 0.25 per domain, equal within each domain.</summary>
    Equal,

    /// <summary>Entropy method: indicators whose values differ more across cities weigh more.</summary>
    Entropy,

    /// <summary>CRITIC (Diakoulaki et al. 1995): contrast (SD) times conflict (1 − correlation) with the other indicators.</summary>
    Critic,

    /// <summary>PCA-based (OECD/JRC Handbook, Nicoletti et al. 2000): squared loadings on the retained components.</summary>
    Pca,
}

/// <summary>
/// Data-driven weights, computed from one year's min–max scores of the indicators that are scored that year
/// (missing cells filled with the indicator's mean score for this computation only). Each method gives global
/// indicator weights w_j (sum 1); they become domain weights W_d = Σ_{j∈d} w_j and indicator weights relative within
/// their domain, w_j·n_d/W_d (mean 1 per domain), so that with complete data the overall score is Σ_j w_j·s_j.
/// The formulas are in docs/weights.md.
/// </summary>
public static class WeightingPresets
{
    public static IReadOnlyList<WeightingPreset> All { get; } = [WeightingPreset.Equal, WeightingPreset.Entropy, WeightingPreset.Critic, WeightingPreset.Pca];

    public static string Code(this WeightingPreset preset) => preset switch
    {
        WeightingPreset.Equal => "equal",
        WeightingPreset.Entropy => "entropy",
        WeightingPreset.Critic => "critic",
        WeightingPreset.Pca => "pca",
        _ => throw new ArgumentOutOfRangeException(nameof(preset)),
    };

    public static bool TryParse(string? code, out WeightingPreset preset)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "equal": preset = WeightingPreset.Equal; return true;
            case "entropy": preset = WeightingPreset.Entropy; return true;
            case "critic": preset = WeightingPreset.Critic; return true;
            case "pca": preset = WeightingPreset.Pca; return true;
            default: preset = default; return false;
        }
    }

    /// <summary>The preset's weights for <paramref name="matrix"/>'s year.</summary>
    public static ScoringWeights Compute(IndicatorMatrix matrix, WeightingPreset preset) =>
        preset == WeightingPreset.Equal ? ScoringWeights.Equal(matrix.Framework) : FromGlobal(matrix.Framework, GlobalWeights(matrix, preset));

    /// <summary>Global indicator weights (sum 1; 0 for an indicator not scored that year), in framework order.</summary>
    public static double[] GlobalWeights(IndicatorMatrix matrix, WeightingPreset preset)
    {
        var framework = matrix.Framework;
        var m = framework.Count;
        if (preset == WeightingPreset.Equal)
        {
            var equal = new double[m];
            for (var j = 0; j < m; j++)
            {
                equal[j] = 0.25 / framework.IndicatorsPerDomain[framework.DomainOf[j]];
            }

            return equal;
        }

        var (kept, columns) = ScoredColumns(matrix);
        var global = new double[m];
        if (kept.Count == 0)
        {
            return global;
        }

        var local = preset switch
        {
            WeightingPreset.Entropy => Entropy(columns),
            WeightingPreset.Critic => Critic(columns),
            WeightingPreset.Pca => Pca(columns),
            _ => throw new ArgumentOutOfRangeException(nameof(preset)),
        };
        var total = local.Sum();
        for (var k = 0; k < kept.Count; k++)
        {
            global[kept[k]] = total > 0 ? local[k] / total : 1.0 / kept.Count;
        }

        return global;
    }

    /// <summary>Domain weights Σ_{j∈d} w_j and within-domain indicator weights w_j·n_d/W_d from global weights.</summary>
    public static ScoringWeights FromGlobal(IndicatorFramework framework, IReadOnlyList<double> global)
    {
        var domain = new double[Domains.Count];
        for (var j = 0; j < framework.Count; j++)
        {
            domain[framework.DomainOf[j]] += global[j];
        }

        var indicator = new double[framework.Count];
        for (var j = 0; j < framework.Count; j++)
        {
            var d = framework.DomainOf[j];
            indicator[j] = domain[d] > 0 ? global[j] * framework.IndicatorsPerDomain[d] / domain[d] : 1.0;
        }

        return new ScoringWeights(domain, indicator);
    }

    /// <summary>Entropy: p_ij = x_ij/Σ_i x_ij, e_j = −Σ_i p_ij·ln p_ij / ln n, weight ∝ 1 − e_j.</summary>
    internal static double[] Entropy(double[][] columns)
    {
        var weights = new double[columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            var x = columns[k];
            var n = x.Length;
            var total = x.Sum();
            var e = 0.0;
            foreach (var v in x)
            {
                if (v > 0)
                {
                    var p = v / total;
                    e -= p * Math.Log(p);
                }
            }

            weights[k] = 1 - (e / Math.Log(n));
        }

        return weights;
    }

    /// <summary>CRITIC: C_j = s_j·Σ_k (1 − r_jk) with the sample SD s_j and Pearson correlations r_jk; weight ∝ C_j.</summary>
    internal static double[] Critic(double[][] columns)
    {
        var r = Correlation.PearsonMatrix(columns);
        var weights = new double[columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            var conflict = 0.0;
            for (var k = 0; k < columns.Length; k++)
            {
                conflict += 1 - r[j, k];
            }

            weights[j] = columns[j].StandardDeviation() * conflict;
        }

        return weights;
    }

    /// <summary>
    /// PCA: eigen-decomposition of the correlation matrix; components with eigenvalue &gt; 1 are kept (all if none);
    /// each indicator goes to the kept component k on which its squared loading λ_k·u_jk² is largest, and weighs
    /// (λ_k/Σ_kept λ)·u_jk² — the squared loading scaled to unit sum within the component, times the component's share
    /// of the explained variance. No rotation.
    /// </summary>
    internal static double[] Pca(double[][] columns)
    {
        var k = columns.Length;
        if (k == 1)
        {
            return [1.0];
        }

        var evd = Correlation.PearsonMatrix(columns).Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Select(z => z.Real).ToArray();
        var u = evd.EigenVectors;
        var kept = Enumerable.Range(0, k).Where(c => lambda[c] > 1 + 1e-12).ToList();
        if (kept.Count == 0)
        {
            kept = [.. Enumerable.Range(0, k)];
        }

        var explained = kept.Sum(c => lambda[c]);
        var weights = new double[k];
        for (var j = 0; j < k; j++)
        {
            var best = kept.MaxBy(c => lambda[c] * u[j, c] * u[j, c]);
            weights[j] = lambda[best] / explained * u[j, best] * u[j, best];
        }

        return weights;
    }

    /// <summary>The year's min–max scores of the scored indicators, missing cells filled with the indicator's mean score.</summary>
    private static (List<int> Kept, double[][] Columns) ScoredColumns(IndicatorMatrix matrix)
    {
        var n = matrix.CityCount;
        var sheet = ScoringEngine.Score(matrix);
        var kept = new List<int>();
        var columns = new List<double[]>();
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var scores = sheet.Normalised.AsSpan(j * n, n);
            var present = DataTreatment.Present(scores);
            if (present.Length < 2)
            {
                continue;
            }

            var mean = present.Mean();
            var column = new double[n];
            for (var c = 0; c < n; c++)
            {
                column[c] = double.IsNaN(scores[c]) ? mean : scores[c];
            }

            kept.Add(j);
            columns.Add(column);
        }

        return (kept, [.. columns]);
    }
}
