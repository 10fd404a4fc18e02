using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>A year scored with the user's settings, with the warnings to show.</summary>
public sealed record ExploreScores(ExploreContext Context, YearScores Scores, IReadOnlyList<RankingWarning> Warnings)
{
    public RankingResponse ToResponse() => RankingResponse.From(Scores, Warnings, Context.Options.MinCoverage);
}

/// <summary>A raw value to override in a what-if: city (code, Chinese or English name), indicator (code or name), value.</summary>
public sealed record OverrideInput(string? City, string? Indicator, double? Value);

/// <summary>The targets of one city for one rank.</summary>
public sealed record TargetsResult(ExploreContext Context, YearScores Scores, City City, int CityIndex, int Rank, IReadOnlyList<IndicatorTarget> Targets);

/// <summary>The Monte Carlo result: one interval per city of <see cref="Scores"/>, in the same order.</summary>
public sealed record SensitivityResult(YearScores Scores, int Samples, IReadOnlyList<RankInterval> Intervals);

/// <summary>Best and worst ranks within domain weight bounds, in the order of <see cref="Scores"/>.</summary>
public sealed record BoundsResult(YearScores Scores, double Min, double Max, RankBounds Bounds);

/// <summary>A city's score change between two years, decomposed.</summary>
public sealed record ChangeResult(City City, int From, int To, bool FromPublished, bool ToPublished, bool IsDemo, IndicatorFramework Framework, ScoreChange Change);

/// <summary>
/// The Explore feature's use cases: scoring with user weights and methods, preset weights, what-if, targets, rank
/// uncertainty and the decomposition of a score change. Pure computation on top of <see cref="RankingService"/>'s data.
/// </summary>
public sealed class ExploreService(
    RankingService rankings, ReferenceCache referenceCache, CityExchangeDbContext db, IStringLocalizer<ExploreText> text)
{
    public const int MaxSamples = UncertaintyLimits.MaxSamples;

    /// <summary>A what-if value is what an upload may store: finite, not negative, at most <see cref="CsvNumbers.MaxMagnitude"/>.</summary>
    public const double MaxWhatIfValue = CsvNumbers.MaxMagnitude;

    public static bool IsWhatIfValue(double value) => double.IsFinite(value) && value is >= 0 and <= MaxWhatIfValue;

    public IStringLocalizer<ExploreText> Text => text;

    public Task<IndexReference> ReferenceAsync(CancellationToken cancellationToken = default) => referenceCache.GetAsync(db, cancellationToken);

    /// <summary>Parses the settings from parameters (<paramref name="get"/> returns a value or null); see <see cref="ExploreQuery"/>.</summary>
    public async Task<ExploreResult<ExploreSettings>> ParseAsync(Func<string, string?> get, bool topLevelWeights, CancellationToken cancellationToken = default)
    {
        var reference = await ReferenceAsync(cancellationToken);
        return ExploreQuery.TryParse(get, reference.Framework, topLevelWeights, text, out var settings, out var error)
            ? ExploreResult.Success<ExploreSettings>(settings)
            : ExploreResult.Fail<ExploreSettings>(ExploreFailure.Invalid, error!);
    }

    public async Task<ExploreResult<ExploreContext>> PrepareAsync(int year, ExploreSettings settings, CancellationToken cancellationToken = default)
    {
        var data = await rankings.LoadAsync(year, cancellationToken);
        if (data is null)
        {
            return ExploreResult.Fail<ExploreContext>(ExploreFailure.NotFound, text["There is no data for {0}.", year]);
        }

        var framework = data.Reference.Framework;
        var notices = new List<RankingWarning>();
        ScoringWeights baseWeights;
        if (data.IsPublished)
        {
            if (settings.Preset != WeightingPreset.Equal)
            {
                return ExploreResult.Fail<ExploreContext>(ExploreFailure.Invalid, PublishedYear(year));
            }

            baseWeights = ScoringWeights.Equal(framework);
            AddIgnored(notices, settings.Method != NormalisationMethod.MinMax, "method");
            AddIgnored(notices, settings.Scale != ScoreScale.Year, "scale");
            AddIgnored(notices, settings.Missing != MissingDataTreatment.AvailableMean, "missing");
            AddIgnored(notices, settings.Winsorise != Winsorisation.None, "winsorise");
            AddIgnored(notices, settings.MinCoverage > 0, "minCoverage");
            foreach (var key in settings.Weights.Keys.Where(k => !Domains.TryParse(k, out _)))
            {
                AddIgnored(notices, true, key);
            }
        }
        else
        {
            baseWeights = WeightingPresets.Compute(data.Matrix!, settings.Preset);
        }

        var weights = settings.ApplyTo(baseWeights, framework);
        if (weights.Domain.All(w => w == 0))
        {
            return ExploreResult.Fail<ExploreContext>(ExploreFailure.Invalid, text["At least one domain weight must be positive."]);
        }

        var options = new ScoringOptions(settings.Method, weights)
        {
            Aggregation = settings.Aggregation,
            Scale = settings.Scale,
            Missing = settings.Missing,
            Winsorise = settings.Winsorise,
            WinMax = settings.WinMax,
            MinCoverage = data.IsPublished ? 0 : settings.MinCoverage,
        };
        var panelData = options.Scale == ScoreScale.Panel && !data.IsPublished
            ? await rankings.LoadPanelDataAsync(data, cancellationToken)
            : [];
        IReadOnlyList<IndicatorMatrix> panelYears = options.Scale == ScoreScale.Panel && !data.IsPublished
            ? [data.Matrix!, .. panelData.Select(p => p.Matrix!)]
            : [];
        return ExploreResult.Success<ExploreContext>(new ExploreContext(data, settings, options, panelYears, notices) { PanelData = panelData });
    }

    public async Task<ExploreResult<ExploreScores>> ScoreAsync(int year, ExploreSettings settings, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<ExploreScores>();
        }

        var scores = Scored(context);
        return ExploreResult.Success<ExploreScores>(new ExploreScores(context, scores, Warnings(context, scores)));
    }

    /// <summary>The preset's weights for the year (equal for any year; the others need indicator values).</summary>
    public async Task<ExploreResult<ScoringWeights>> PresetAsync(int year, WeightingPreset preset, CancellationToken cancellationToken = default)
    {
        var data = await rankings.LoadAsync(year, cancellationToken);
        if (data is null)
        {
            return ExploreResult.Fail<ScoringWeights>(ExploreFailure.NotFound, text["There is no data for {0}.", year]);
        }

        if (data.IsPublished && preset != WeightingPreset.Equal)
        {
            return ExploreResult.Fail<ScoringWeights>(ExploreFailure.Invalid, PublishedYear(year));
        }

        return ExploreResult.Success<ScoringWeights>(data.IsPublished
            ? ScoringWeights.Equal(data.Reference.Framework)
            : WeightingPresets.Compute(data.Matrix!, preset));
    }

    public async Task<ExploreResult<ExploreScores>> WhatIfAsync(
        int year, ExploreSettings settings, IReadOnlyList<OverrideInput> overrides, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<ExploreScores>();
        }

        if (context.Data.IsPublished)
        {
            return ExploreResult.Fail<ExploreScores>(ExploreFailure.Invalid, PublishedYear(year));
        }

        var resolved = new List<ValueOverride>();
        foreach (var o in overrides)
        {
            if (ResolveCity(context.Data, o.City, out var city) is { } cityError)
            {
                return ExploreResult.Fail<ExploreScores>(ExploreFailure.Invalid, cityError);
            }

            var indicator = ResolveIndicator(context.Data.Reference.Framework, o.Indicator);
            if (indicator < 0)
            {
                return ExploreResult.Fail<ExploreScores>(ExploreFailure.Invalid, text["Unknown indicator '{0}'.", o.Indicator ?? ""]);
            }

            if (o.Value is not { } value || !IsWhatIfValue(value))
            {
                return ExploreResult.Fail<ExploreScores>(ExploreFailure.Invalid,
                    text["The value of {0} for {1} must be a number from 0 to {2}.", context.Data.Reference.Framework.Indicators[indicator].Code, o.City ?? "", MaxWhatIfValue]);
            }

            resolved.Add(new ValueOverride(city, indicator, value));
        }

        var scores = context.Score(WhatIf.Apply(context.Data.Matrix!, resolved));
        return ExploreResult.Success<ExploreScores>(new ExploreScores(context, scores, Warnings(context, scores)));
    }

    public async Task<ExploreResult<TargetsResult>> TargetsAsync(
        int year, ExploreSettings settings, string? city, int? rank, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<TargetsResult>();
        }

        if (context.Data.IsPublished)
        {
            return ExploreResult.Fail<TargetsResult>(ExploreFailure.Invalid, PublishedYear(year));
        }

        if (ResolveCity(context.Data, city, out var index) is { } cityError)
        {
            return ExploreResult.Fail<TargetsResult>(ExploreFailure.Invalid, cityError);
        }

        var scores = Scored(context);
        var ranked = scores.Sheet.OverallRanks.Count(r => r > 0);
        if (rank is not { } target || target < 1 || target > ranked)
        {
            return ExploreResult.Fail<TargetsResult>(ExploreFailure.Invalid,
                text["The target rank must be a whole number between 1 and {0}.", ranked]);
        }

        var targets = TargetFinder.Find(context.Data.Matrix!, index, target, context.ScoreSheet, cancellationToken);
        return ExploreResult.Success<TargetsResult>(new TargetsResult(context, scores, context.Data.Cities[index], index, target, targets));
    }

    public async Task<ExploreResult<SensitivityResult>> SensitivityAsync(
        int year, ExploreSettings settings, UncertaintyOptions uncertainty, bool varyMethods, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<SensitivityResult>();
        }

        var scores = Scored(context);
        var sets = new List<double[]> { scores.Sheet.DomainScores };
        if (varyMethods && !context.Data.IsPublished)
        {
            foreach (var method in NormalisationMethods.All)
            {
                if (method == context.Options.Method || (method == NormalisationMethod.ZScore && context.Options.Aggregation == AggregationMethod.Geometric))
                {
                    continue;
                }

                sets.Add(Scored(context with { Options = context.Options with { Method = method } }).Sheet.DomainScores);
            }
        }

        if (UncertaintyLimits.CheckSamples(uncertainty.Samples, scores.Cities.Count) is { } tooMany)
        {
            return ExploreResult.Fail<SensitivityResult>(ExploreFailure.Invalid, tooMany.Message);
        }

        var intervals = RankUncertainty.Run(sets, scores.Cities.Count, context.Weights.Domain, context.Options.Aggregation, uncertainty, cancellationToken);
        return ExploreResult.Success<SensitivityResult>(new SensitivityResult(scores, uncertainty.Samples, intervals));
    }

    /// <summary>
    /// Each city's best and worst rank over the weight grid. A step left to the default is coarsened as far as the year's
    /// size needs (<see cref="UncertaintyLimits.SmallestStep"/>: 0.025 at 20,000 cities), so the page's default always
    /// answers; a step asked for is kept, and refused when the grid is too large.
    /// </summary>
    public async Task<ExploreResult<BoundsResult>> BoundsAsync(
        int year, ExploreSettings settings, WeightBoundsParameters parameters, CancellationToken cancellationToken = default)
    {
        var (min, max, step) = (parameters.Min, parameters.Max, parameters.Step);
        if (!(min >= 0 && max <= 1 && min <= max && min * 4 <= 1 + 1e-9 && max * 4 >= 1 - 1e-9 && step > 0 && step <= 0.25))
        {
            return ExploreResult.Fail<BoundsResult>(ExploreFailure.Invalid,
                text["Weight bounds must satisfy 0 ≤ min ≤ 0.25 ≤ max ≤ 1, with 0 < step ≤ 0.25."]);
        }

        var prepared = await PrepareAsync(year, settings, cancellationToken);
        if (prepared.Value is not { } context)
        {
            return prepared.Cast<BoundsResult>();
        }

        var scores = Scored(context);
        // Counted before it runs: a grid of (1/step)^3/6 points times the cities must fit the documented bound.
        if (!parameters.StepGiven && UncertaintyLimits.CheckBounds(min, max, step, scores.Cities.Count) is not null
            && UncertaintyLimits.SmallestStep(min, max, scores.Cities.Count) is { } coarser)
        {
            step = Math.Max(step, coarser);
        }

        if (UncertaintyLimits.CheckBounds(min, max, step, scores.Cities.Count) is { } tooLarge)
        {
            return ExploreResult.Fail<BoundsResult>(ExploreFailure.Invalid, tooLarge.Message);
        }

        try
        {
            var bounds = RankUncertainty.Bounds(scores.Sheet.DomainScores, scores.Cities.Count, context.Options.Aggregation, min, max, step, cancellationToken);
            return ExploreResult.Success<BoundsResult>(new BoundsResult(scores, min, max, bounds));
        }
        catch (ArgumentException)
        {
            return ExploreResult.Fail<BoundsResult>(ExploreFailure.Invalid,
                text["Weight bounds must satisfy 0 ≤ min ≤ 0.25 ≤ max ≤ 1, with 0 < step ≤ 0.25."]);
        }
    }

    /// <summary>Decomposes a city's score change from one year to another (arithmetic aggregation: the parts add up).</summary>
    public async Task<ExploreResult<ChangeResult>> ChangeAsync(
        string? city, int from, int to, ExploreSettings settings, CancellationToken cancellationToken = default)
    {
        settings = settings with { Aggregation = AggregationMethod.Arithmetic };
        var fromPrepared = await PrepareAsync(from, settings, cancellationToken);
        if (fromPrepared.Value is not { } fromContext)
        {
            return fromPrepared.Cast<ChangeResult>();
        }

        var toPrepared = await PrepareAsync(to, settings, cancellationToken);
        if (toPrepared.Value is not { } toContext)
        {
            return toPrepared.Cast<ChangeResult>();
        }

        if (ResolveCity(fromContext.Data, city, out var fromIndex) is { } fromError)
        {
            return ExploreResult.Fail<ChangeResult>(ExploreFailure.Invalid, fromError);
        }

        if (ResolveCity(toContext.Data, city, out var toIndex) is { } toError)
        {
            return ExploreResult.Fail<ChangeResult>(ExploreFailure.Invalid, toError);
        }

        var framework = toContext.Data.Reference.Framework;
        var change = ScoreChange.Decompose(
            framework, fromContext.Weights, Scored(fromContext).Sheet, fromIndex, Scored(toContext).Sheet, toIndex, toContext.Weights);
        return ExploreResult.Success<ChangeResult>(new ChangeResult(
            toContext.Data.Cities[toIndex], from, to, fromContext.Data.IsPublished, toContext.Data.IsPublished,
            fromContext.Data.Year.IsDemo || toContext.Data.Year.IsDemo, framework, change));
    }

    /// <summary>The warnings of a scored year: indicators left out, cells imputed or clipped, options a published year ignores.</summary>
    public IReadOnlyList<RankingWarning> Warnings(ExploreContext context, YearScores scores)
    {
        var warnings = scores.Sheet.Warnings.Select(RankingWarning.From).ToList();
        var sheet = scores.Sheet;
        var framework = context.Data.Reference.Framework;
        if (sheet.HasIndicatorScores)
        {
            for (var j = 0; j < framework.Count; j++)
            {
                var imputed = 0;
                var clipped = 0;
                for (var c = 0; c < sheet.CityCount; c++)
                {
                    imputed += sheet.IsImputed(j, c) ? 1 : 0;
                    clipped += sheet.IsWinsorised(j, c) ? 1 : 0;
                }

                var code = framework.Indicators[j].Code;
                if (imputed > 0)
                {
                    warnings.Add(new RankingWarning(code, "imputed", text["{0}: {1} missing values imputed with the median of the city's region.", code, imputed]));
                }

                if (clipped > 0 && context.Options.Winsorise == Winsorisation.Percentile)
                {
                    warnings.Add(new RankingWarning(code, "winsorised", text["{0}: {1} values clipped to the 5th–95th percentile range.", code, clipped]));
                }
                else if (clipped > 0 && sheet.Treatments[j].Report.Treatment == OutlierTreatment.LogTransformed)
                {
                    warnings.Add(new RankingWarning(code, "winsorised", text["{0}: skewed and heavy-tailed after {1} winsorised points, so log-transformed (all {2} values).", code, sheet.Treatments[j].Report.WinsorisedPoints, clipped]));
                }
                else if (clipped > 0)
                {
                    warnings.Add(new RankingWarning(code, "winsorised", text["{0}: {1} outlying values winsorised until skewness and kurtosis pass.", code, clipped]));
                }
            }
        }

        foreach (var c in sheet.Excluded)
        {
            var city = scores.Cities[c];
            warnings.Add(new RankingWarning(city.Code, "excluded", text["{0}: left out, its coverage {1:0.#%} is below the threshold {2:0.#%}.",
                Localized.Name(city), sheet.Coverage[c], context.Options.MinCoverage]));
        }

        warnings.AddRange(context.Notices);
        return warnings;
    }

    /// <summary>Resolves a city given by code, Chinese or English name among the year's cities; returns an error message or null.</summary>
    public string? ResolveCity(YearData data, string? name, out int index)
    {
        index = -1;
        if (string.IsNullOrWhiteSpace(name))
        {
            return text["Give a city (code, Chinese or English name)."];
        }

        if (!data.Reference.Cities.TryResolve(name, out var city))
        {
            return text["Unknown city '{0}'.", name];
        }

        index = data.IndexOf(city.Code);
        return index < 0 ? text["{0} has no data in {1}.", city.Code, data.Year.Year].Value : null;
    }

    private static int ResolveIndicator(IndicatorFramework framework, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return -1;
        }

        var j = framework.IndexOf(name.Trim());
        if (j >= 0)
        {
            return j;
        }

        for (var k = 0; k < framework.Count; k++)
        {
            var indicator = framework.Indicators[k];
            if (string.Equals(indicator.NameZh, name.Trim(), StringComparison.Ordinal)
                || string.Equals(indicator.NameEn, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The context's ranking of the year's own values, from the ranking cache when the data has not changed.</summary>
    private YearScores Scored(ExploreContext context) => rankings.Score(context.Data, context.Options, context.PanelData, context.Score);

    private string PublishedYear(int year) =>
        text["{0} is a published year: the report gives domain scores, not indicator values, so this needs a year with indicator values.", year];

    private void AddIgnored(List<RankingWarning> notices, bool when, string parameter)
    {
        if (when)
        {
            notices.Add(new RankingWarning(parameter, "ignored",
                text["'{0}' does not apply to a published year: its domain scores are used as published (only domain weights and the aggregation apply).", parameter]));
        }
    }
}
