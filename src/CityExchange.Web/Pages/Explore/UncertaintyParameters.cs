using CityExchange.Core.Scoring;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// The Monte Carlo parameters of /Explore (<c>?mc=1</c>) and <c>/api/sensitivity/{year}</c>, parsed in one place:
/// samples, seed, sampling, concentration, spread and vary, each defaulting to <see cref="UncertaintyOptions"/>'s.
/// </summary>
public sealed record MonteCarloParameters(UncertaintyOptions Options, bool VaryMethods)
{
    public static MonteCarloParameters Default { get; } = new(new UncertaintyOptions(), false);

    /// <summary>The sampling parameter's spelling (<c>dirichlet</c>, <c>uniform</c>).</summary>
    public string SamplingCode => Options.Sampling == WeightSampling.Uniform ? "uniform" : "dirichlet";

    /// <summary>
    /// Reads the parameters; a value that is present but invalid keeps its default and sets <paramref name="error"/>
    /// (the first such problem, localised).
    /// </summary>
    public static MonteCarloParameters Parse(Func<string, string?> get, IStringLocalizer<ExploreText> text, out string? error)
    {
        error = null;
        var d = Default.Options;
        if (!QueryNumbers.TryInt(get("samples"), d.Samples, 1, ExploreService.MaxSamples, out var samples))
        {
            error ??= text["samples must be a whole number between 1 and {0}.", ExploreService.MaxSamples];
            samples = d.Samples;
        }

        if (!QueryNumbers.TryInt(get("seed"), d.Seed, int.MinValue, int.MaxValue, out var seed))
        {
            error ??= text["seed must be a whole number."];
            seed = d.Seed;
        }

        var samplingText = get("sampling");
        var sampling = d.Sampling;
        switch (samplingText?.Trim().ToLowerInvariant())
        {
            case null or "": break;
            case "dirichlet": sampling = WeightSampling.Dirichlet; break;
            case "uniform": sampling = WeightSampling.Uniform; break;
            default: error ??= text["Unknown sampling '{0}'. Use dirichlet or uniform.", samplingText]; break;
        }

        if (!QueryNumbers.TryDouble(get("concentration"), d.Concentration, out var concentration) || !(concentration > 0)
            || !QueryNumbers.TryDouble(get("spread"), d.UniformSpread, out var spread) || !(spread > 0 && spread <= 1))
        {
            error ??= text["concentration must be positive and spread between 0 and 1."];
            concentration = d.Concentration;
            spread = d.UniformSpread;
        }

        var vary = get("vary")?.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes" or "methods";
        return new(new UncertaintyOptions { Samples = samples, Seed = seed, Sampling = sampling, Concentration = concentration, UniformSpread = spread }, vary);
    }
}

/// <summary>
/// The domain-weight bounds of /Explore and <c>/api/sensitivity/{year}/bounds</c>: min, max and step.
/// <see cref="StepGiven"/> is false when the request left the step to the default, which a large year may coarsen.
/// </summary>
public sealed record WeightBoundsParameters(double Min, double Max, double Step, bool StepGiven = false)
{
    public static WeightBoundsParameters Default { get; } = new(0.1, 0.4, 0.01);

    /// <summary>Reads min, max and step; any present but not a finite number falls back to the defaults and sets <paramref name="error"/>.</summary>
    public static WeightBoundsParameters Parse(Func<string, string?> get, IStringLocalizer<ExploreText> text, out string? error)
    {
        error = null;
        var d = Default;
        if (!QueryNumbers.TryDouble(get("min"), d.Min, out var min) || !QueryNumbers.TryDouble(get("max"), d.Max, out var max)
            || !QueryNumbers.TryDouble(get("step"), d.Step, out var step))
        {
            error = text["Weight bounds must satisfy 0 ≤ min ≤ 0.25 ≤ max ≤ 1, with 0 < step ≤ 0.25."];
            return d;
        }

        return new(min, max, step, !string.IsNullOrWhiteSpace(get("step")));
    }
}
