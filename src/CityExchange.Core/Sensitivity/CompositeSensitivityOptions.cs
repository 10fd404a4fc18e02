using CityExchange.Core.Scoring;

namespace CityExchange.Core.Sensitivity;

/// <summary>A construction choice of the index treated as uncertain in <see cref="CompositeSensitivity"/>.</summary>
public enum UncertainChoice
{
    /// <summary>Domain weights: one of <see cref="CompositeSensitivityOptions.WeightSets"/> noisy weight vectors (COINr's <c>get_noisy_weights</c>).</summary>
    Weights,

    /// <summary>Normalisation: minmax, zscore, rank.</summary>
    Method,

    /// <summary>Aggregation: arithmetic, geometric (geometric with z-scores is taken as arithmetic, see <see cref="CompositeSensitivity.Resolve"/>).</summary>
    Aggregation,

    /// <summary>Missing data: available-indicator means, group-median imputation.</summary>
    Missing,

    /// <summary>Outlier treatment: none, 5th–95th percentile clip, conditional winsorisation (COINr's <c>Treat</c>).</summary>
    Winsorise,

    /// <summary>
    /// The data-availability threshold, uniform over <see cref="CompositeSensitivityOptions.CoverageLow"/>…<see cref="CompositeSensitivityOptions.CoverageHigh"/>
    /// (a continuous input); not among the default inputs.
    /// </summary>
    MinCoverage,
}

public static class UncertainChoices
{
    /// <summary>The default inputs: the five choices the API varies unless told otherwise.</summary>
    public static IReadOnlyList<UncertainChoice> Default { get; } =
        [UncertainChoice.Weights, UncertainChoice.Method, UncertainChoice.Aggregation, UncertainChoice.Missing, UncertainChoice.Winsorise];

    /// <summary>Every choice that can be varied: the defaults and <see cref="UncertainChoice.MinCoverage"/>.</summary>
    public static IReadOnlyList<UncertainChoice> All { get; } = [.. Default, UncertainChoice.MinCoverage];

    public static string Code(this UncertainChoice choice) => choice switch
    {
        UncertainChoice.Weights => "weights",
        UncertainChoice.Method => "method",
        UncertainChoice.Aggregation => "aggregation",
        UncertainChoice.Missing => "missing",
        UncertainChoice.Winsorise => "winsorise",
        UncertainChoice.MinCoverage => "minCoverage",
        _ => throw new ArgumentOutOfRangeException(nameof(choice)),
    };

    public static bool TryParse(string? code, out UncertainChoice choice)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(code?.Trim(), candidate.Code(), StringComparison.OrdinalIgnoreCase))
            {
                choice = candidate;
                return true;
            }
        }

        choice = default;
        return false;
    }
}

public enum SensitivityOutput
{
    /// <summary>The mean over cities of |rank − nominal rank| (COINr's <c>get_sensitivity</c> target).</summary>
    MeanAbsoluteRankShift,

    /// <summary>The rank of <see cref="CompositeSensitivityOptions.City"/>.</summary>
    CityRank,
}

/// <summary>One alternative of a construction choice: its code (as the API spells it) and how it changes the nominal options.</summary>
public sealed record ScoringAlternative(string Code, Func<ScoringOptions, ScoringOptions> Apply);

/// <summary>Settings of the composite-indicator sensitivity analysis.</summary>
public sealed record CompositeSensitivityOptions
{
    public const double DefaultSpread = 0.25;

    public const int DefaultWeightSets = 100;

    public const double DefaultCoverageHigh = 0.5;

    /// <summary>The uncertain choices, in the order of the result's indices; each at most once.</summary>
    public IReadOnlyList<UncertainChoice> Inputs { get; init; } = UncertainChoices.Default;

    /// <summary>The nominal construction: the nominal ranking, and the value of every choice that is not varied.</summary>
    public ScoringOptions Nominal { get; init; } = ScoringOptions.Default;

    /// <summary>Each domain weight is drawn uniformly within ±<see cref="Spread"/> of its nominal value (0.25 = ±25 %), then renormalised.</summary>
    public double Spread { get; init; } = DefaultSpread;

    /// <summary>The lower end of the coverage threshold's range (<see cref="UncertainChoice.MinCoverage"/>), 0–1.</summary>
    public double CoverageLow { get; init; }

    /// <summary>The upper end of the coverage threshold's range, <see cref="CoverageLow"/>–1.</summary>
    public double CoverageHigh { get; init; } = DefaultCoverageHigh;

    /// <summary>How many noisy weight vectors the weights input chooses among (COINr's vignette: 100).</summary>
    public int WeightSets { get; init; } = DefaultWeightSets;

    public SensitivityOutput Output { get; init; } = SensitivityOutput.MeanAbsoluteRankShift;

    /// <summary>The city (its index in the matrix) whose rank is the output when <see cref="Output"/> is <see cref="SensitivityOutput.CityRank"/>.</summary>
    public int City { get; init; } = -1;

    public SobolOptions Sobol { get; init; } = new();

    /// <summary>
    /// Replaces the alternatives of a choice other than <see cref="UncertainChoice.Weights"/> and
    /// <see cref="UncertainChoice.MinCoverage"/> (default:
    /// <see cref="CompositeSensitivity.DefaultAlternatives"/>); the hook for new alternatives such as conditional winsorisation.
    /// </summary>
    public IReadOnlyDictionary<UncertainChoice, IReadOnlyList<ScoringAlternative>> Alternatives { get; init; } =
        new Dictionary<UncertainChoice, IReadOnlyList<ScoringAlternative>>();
}

/// <summary>A city's rank statistics over the A and B runs (2N of them, as COINr's <c>RankStats</c>); quantiles R-7; NaN when never ranked.</summary>
public readonly record struct RankBand(int Nominal, double Mean, double Median, double P05, double P95);

/// <summary>The indices, the nominal ranks, each city's rank band, and the weight vectors the weights input chose among.</summary>
public sealed record CompositeSensitivityResult(
    SobolResult Indices, SensitivityOutput Output, IReadOnlyList<int> NominalRanks, IReadOnlyList<RankBand> Bands, IReadOnlyList<double[]> WeightSets);
