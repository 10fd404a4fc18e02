namespace CityExchange.Core.Sensitivity;

public enum SampleScheme
{
    /// <summary>
    /// Quasi-random: the Sobol sequence (Joe–Kuo directions) in 2k dimensions, A from the first k and B from the last k,
    /// randomised by a digital shift (every coordinate's bits XOR-ed with one random word per dimension, drawn from the
    /// seed). The shift keeps the sequence's uniformity and makes each seed an independent, unbiased replicate.
    /// </summary>
    Sobol,

    /// <summary>Pseudo-random uniform draws (Mersenne Twister from the seed), as COINr's <c>SA_sample</c> draws with <c>runif</c>.</summary>
    Random,
}

/// <summary>Settings of a variance-based sensitivity analysis.</summary>
public sealed record SobolOptions
{
    public const int DefaultSamples = 1000;

    public const int DefaultSeed = 1;

    public const int DefaultBootstrap = 100;

    public const double DefaultConfidence = 0.9;

    /// <summary>Base samples N; the model runs N·(k + 2) times.</summary>
    public int Samples { get; init; } = DefaultSamples;

    /// <summary>Seed of the design's randomisation and of the bootstrap: the same seed gives the same result.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Bootstrap replicates for the confidence intervals; 0 for none (the bounds are then NaN).</summary>
    public int Bootstrap { get; init; } = DefaultBootstrap;

    /// <summary>Coverage of the percentile intervals (0.9: the 5th and 95th percentiles of the bootstrap replicates).</summary>
    public double Confidence { get; init; } = DefaultConfidence;

    public SampleScheme Scheme { get; init; } = SampleScheme.Sobol;

    internal void Validate(int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Samples, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(Bootstrap);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Confidence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Confidence, 1);

        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        if (Scheme == SampleScheme.Sobol && 2 * inputCount > SobolSequence.MaxDimensions)
        {
            throw new ArgumentException(
                $"The Sobol design takes 2k dimensions; at most {SobolSequence.MaxDimensions / 2} inputs (use the random scheme for more).",
                nameof(inputCount));
        }
    }
}

/// <summary>First-order and total indices of one input with their bootstrap percentile intervals (NaN when undefined).</summary>
public sealed record SobolIndex(string Name, double First, double Total, double FirstLow, double FirstHigh, double TotalLow, double TotalHigh);

/// <summary>The indices of every input, and the output's mean and variance over the A and B samples.</summary>
public sealed record SobolResult(int Samples, int Runs, double Mean, double Variance, IReadOnlyList<SobolIndex> Inputs);
