using System.Globalization;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// The parameters of <c>GET /api/sensitivity/{year}/indices</c>: the uncertain choices (<c>inputs</c>, in the order of
/// the answer), the weights' <c>spread</c>, base samples N, seed, bootstrap replicates and, with <c>city</c>, that
/// city's rank as the output instead of the mean absolute rank shift.
/// </summary>
public sealed record SensitivityIndicesParameters(
    IReadOnlyList<UncertainChoice> Inputs, double Spread, int Samples, int Seed, int Bootstrap, string? City)
{
    /// <summary>The range the <c>minCoverage</c> input is drawn over (<c>coverageLow</c>…<c>coverageHigh</c>, 0–1).</summary>
    public double CoverageLow { get; init; }

    public double CoverageHigh { get; init; } = CompositeSensitivityOptions.DefaultCoverageHigh;

    public const int MinSamples = 100;

    public const int MaxSamples = 10_000;

    public const int MaxBootstrap = 1_000;

    /// <summary>
    /// Reads the parameters; the first that is present but invalid gives <paramref name="field"/> and a localised
    /// <paramref name="error"/> naming it. Inputs are parsed by <see cref="UncertainChoices.TryParse"/>, so a choice Core
    /// adds is accepted here without a change.
    /// </summary>
    public static SensitivityIndicesParameters? Parse(
        Func<string, string?> get, IStringLocalizer<ExploreText> text, out string? field, out string? error)
    {
        (field, error) = (null, null);
        var inputs = new List<UncertainChoice>();
        var inputsText = get("inputs");
        if (string.IsNullOrWhiteSpace(inputsText))
        {
            // The five of the issue; minCoverage only when asked for.
            inputs.AddRange(UncertainChoices.Default);
        }
        else
        {
            foreach (var code in inputsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!UncertainChoices.TryParse(code, out var choice) || inputs.Contains(choice))
                {
                    (field, error) = ("inputs", text["inputs must list distinct uncertain choices, comma-separated, from {0}; got '{1}'.",
                        string.Join(", ", UncertainChoices.All.Select(c => c.Code())), code]);
                    return null;
                }

                inputs.Add(choice);
            }
        }

        if (!QueryNumbers.TryDouble(get("spread"), CompositeSensitivityOptions.DefaultSpread, out var spread) || spread is < 0 or > 1)
        {
            (field, error) = ("spread", text["spread must be a number from 0 to 1."]);
            return null;
        }

        if (!QueryNumbers.TryInt(get("samples"), SobolOptions.DefaultSamples, MinSamples, MaxSamples, out var samples))
        {
            (field, error) = ("samples", text["samples must be a whole number between {0} and {1}.", MinSamples, MaxSamples]);
            return null;
        }

        if (!QueryNumbers.TryInt(get("seed"), SobolOptions.DefaultSeed, int.MinValue, int.MaxValue, out var seed))
        {
            (field, error) = ("seed", text["seed must be a whole number."]);
            return null;
        }

        if (!QueryNumbers.TryInt(get("boot"), SobolOptions.DefaultBootstrap, 0, MaxBootstrap, out var boot))
        {
            (field, error) = ("boot", text["boot must be a whole number between {0} and {1}.", 0, MaxBootstrap]);
            return null;
        }

        if (!QueryNumbers.TryDouble(get("coverageLow"), 0, out var coverageLow) || coverageLow is < 0 or > 1)
        {
            (field, error) = ("coverageLow", text["coverageLow must be a number from 0 to 1."]);
            return null;
        }

        if (!QueryNumbers.TryDouble(get("coverageHigh"), CompositeSensitivityOptions.DefaultCoverageHigh, out var coverageHigh) || coverageHigh < coverageLow || coverageHigh > 1)
        {
            (field, error) = ("coverageHigh", text["coverageHigh must be a number from coverageLow ({0}) to 1.", coverageLow]);
            return null;
        }

        var city = get("city");
        return new(inputs, spread, samples, seed, boot, string.IsNullOrWhiteSpace(city) ? null : city.Trim()) { CoverageLow = coverageLow, CoverageHigh = coverageHigh };
    }

    /// <summary>The runs N·(k + 2) of the Saltelli design.</summary>
    public long Runs => (long)Samples * (Inputs.Count + 2);

    /// <summary>These parameters in one spelling, for the job key (the city as resolved).</summary>
    public string Canonical(string? cityCode) => string.Create(CultureInfo.InvariantCulture,
        $"inputs={string.Join(',', Inputs.Select(i => i.Code()))}&spread={Spread:R}&samples={Samples}&seed={Seed}&boot={Bootstrap}&city={cityCode}&coverage={CoverageLow:R}-{CoverageHigh:R}");
}

/// <summary>
/// When an analysis answers at once and when it becomes a background job. Measured on this machine (2 cores, Release,
/// <c>CompositeSensitivity.Run</c> on synthetic years): about 75–90 ns per city per run beyond 500 cities, plus about
/// 0.1 s for the bootstrap and the scoring of each construction — 46 cities at N = 1,000 (7,000 runs) in 0.13 s,
/// 2,000 cities at N = 1,000 in 1.07 s, 2,000 at N = 1,400 in 1.30 s. Other requests share the cores, so the 2 s
/// per-request budget of the analyses holds about 10,000,000 city-runs; the bootstrap reads every run's output once per
/// replicate, so each replicate counts as one more city.
/// </summary>
public static class SensitivityBudget
{
    /// <summary>Work (runs × (cities + bootstrap replicates)) answered within the request; more runs as a job.</summary>
    public const long InlineWork = 10_000_000;

    public static long Work(long runs, int cities, int bootstrap) => runs * (cities + bootstrap);

    public static bool Inline(long work) => work <= InlineWork;
}

/// <summary><c>GET /api/sensitivity/{year}/indices</c>: first-order and total Sobol indices with their 90 % bootstrap intervals.</summary>
public sealed record SensitivityIndicesResponse(int Year, int Samples, int Runs, string Output, IReadOnlyList<SobolIndexResponse> Inputs);

/// <summary>One input's indices; null where undefined (a constant output, no bootstrap).</summary>
public sealed record SobolIndexResponse(
    string Name, double? First, double? Total, double? FirstLow, double? FirstHigh, double? TotalLow, double? TotalHigh);

/// <summary>
/// <c>GET /api/sensitivity/jobs/{id}</c> and the body of a 202: the job's state (<c>queued</c>, <c>running</c>,
/// <c>done</c>, <c>failed</c>), its progress 0–1, and the result once done (else null).
/// </summary>
public sealed record SensitivityJobResponse(string Id, int Year, string State, double Progress, SensitivityIndicesResponse? Result, string? Error);

/// <summary>A request checked and resolved, ready to run here or as a job: everything it needs, nothing scoped.</summary>
public sealed record SensitivityIndicesPlan(int Year, string Key, IndicatorMatrix Matrix, CompositeSensitivityOptions Options, string Output, long Work)
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public SensitivityIndicesResponse Run(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var result = CompositeSensitivity.Run(Matrix, Options, progress, cancellationToken).Indices;
        return new SensitivityIndicesResponse(Year, result.Samples, result.Runs, Output, [.. result.Inputs.Select(i => new SobolIndexResponse(
            i.Name, MissingValue.OrNull(i.First), MissingValue.OrNull(i.Total), MissingValue.OrNull(i.FirstLow),
            MissingValue.OrNull(i.FirstHigh), MissingValue.OrNull(i.TotalLow), MissingValue.OrNull(i.TotalHigh)))]);
    }
}

/// <summary>Resolves an indices request against the year: settings, data version, city, the Core limit and its cost.</summary>
public sealed class SensitivityIndicesService(ExploreService explore)
{
    public async Task<ExploreResult<SensitivityIndicesPlan>> PlanAsync(
        int year, ExploreSettings settings, SensitivityIndicesParameters parameters, CancellationToken cancellationToken = default)
    {
        var prepared = await explore.PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<SensitivityIndicesPlan>();
        }

        var text = explore.Text;
        if (context.Data.Matrix is not { } matrix)
        {
            return ExploreResult.Fail<SensitivityIndicesPlan>(ExploreFailure.Invalid,
                text["{0} is a published year: the report gives domain scores, not indicator values, so this needs a year with indicator values.", year]);
        }

        var cityIndex = -1;
        if (parameters.City is { } city && explore.ResolveCity(context.Data, city, out cityIndex) is { } cityError)
        {
            return ExploreResult.Fail<SensitivityIndicesPlan>(ExploreFailure.Invalid, cityError);
        }

        if (matrix.CityCount < 2)
        {
            return ExploreResult.Fail<SensitivityIndicesPlan>(ExploreFailure.Invalid, text["A ranking needs at least two cities."]);
        }

        if (UncertaintyLimits.CheckSensitivity(parameters.Samples, parameters.Inputs.Count, matrix.CityCount) is { } tooMany)
        {
            return ExploreResult.Fail<SensitivityIndicesPlan>(ExploreFailure.Invalid, tooMany.Message);
        }

        var cityCode = cityIndex >= 0 ? context.Data.Cities[cityIndex].Code : null;
        var options = new CompositeSensitivityOptions
        {
            Inputs = parameters.Inputs,
            // Every construction is scored on the year's own goalposts: the model varies choices within the year.
            Nominal = context.Options with { Scale = ScoreScale.Year },
            Spread = parameters.Spread,
            CoverageLow = parameters.CoverageLow,
            CoverageHigh = parameters.CoverageHigh,
            Output = cityIndex >= 0 ? SensitivityOutput.CityRank : SensitivityOutput.MeanAbsoluteRankShift,
            City = cityIndex,
            Sobol = new SobolOptions { Samples = parameters.Samples, Seed = parameters.Seed, Bootstrap = parameters.Bootstrap },
        };
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{year}/{context.Data.Year.Version:N}/{parameters.Canonical(cityCode)}/{Nominal(context)}");
        var output = cityCode is null ? "meanAbsoluteRankShift" : "rank:" + cityCode;
        var work = SensitivityBudget.Work(parameters.Runs, matrix.CityCount, parameters.Bootstrap);
        return ExploreResult.Success<SensitivityIndicesPlan>(new SensitivityIndicesPlan(year, key, matrix, options, output, work));
    }

    /// <summary>The nominal construction in one spelling: what changes the answer among the scoring settings.</summary>
    private static string Nominal(ExploreContext context)
    {
        var o = context.Options;
        return string.Create(CultureInfo.InvariantCulture,
            $"{o.Method.Code()}/{o.Aggregation.Code()}/{o.Missing.Code()}/{o.Winsorise}/{string.Join(',', o.Weights!.Domain.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}/{string.Join(',', o.Weights.Indicator.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}");
    }
}
