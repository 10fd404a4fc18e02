using System.Globalization;
using System.Text.Json;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>What-if, targets, rank uncertainty, preset weights and score-change decomposition (docs/api.md).</summary>
public static class ExploreEndpoints
{
    public static RouteGroupBuilder MapExploreEndpoints(this RouteGroupBuilder api)
    {
        // Each of these scores a year at least once, some thousands of times: they share the analysis concurrency limit,
        // and a GET's answer is kept per data version, parameters and language (the output cache's "public" policy).
        api.MapPost("/rankings/{year:int}/whatif", PostWhatIfAsync).WithName("PostWhatIf").RequireRateLimiting(RateLimits.AnalysisPolicy)
            .WithSummary("Rescore a year with some raw values replaced; nothing is stored")
            .WithDescription("Each override names a city (code, Chinese or English name), an indicator (code or name) and a value from 0 to 10^15. weights is a string in the query syntax or an object { \"social\": 0.4 }; method, aggregation, scale, missing, winsorise and preset as for GET /api/rankings/{year}. The answer has the shape of GET /api/rankings/{year}. Indicator years only: a published year → 400.")
            .WithJsonRequestBody<WhatIfRequest, RouteHandlerBuilder>("The overrides and the scoring options.")
            .Produces<RankingResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/targets/{year:int}", GetTargetsAsync).WithName("GetTargets").AsAnalysisRead(YearRule.LatestIndicators)
            .WithSummary("For each indicator alone, the smallest value that lifts a city to a rank")
            .WithDescription("Every other value fixed; null when no value does. Counts (wholeNumber) are exact whole numbers, amounts are found to 0.1 %. anyIndicatorSuffices is false when no single indicator reaches the rank. Indicator years only: a published year → 400.")
            .WithQueryParameters([
                new("city", "The city: code, Chinese or English name.", Required: true),
                new("rank", "The rank to reach or beat (1 to the number of ranked cities).", "integer", Minimum: 1, Required: true),
                .. OpenApiParameters.Scoring,
            ])
            .Produces<TargetsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/sensitivity/{year:int}", GetSensitivityAsync).WithName("GetSensitivity").AsAnalysisRead(YearRule.LatestIndicators)
            .WithSummary("Monte Carlo rank uncertainty over random domain weights")
            .WithDescription("Cities sorted by their rank under the chosen weights, with the median and the 5th and 95th percentile ranks over the samples. Works for published years (their domain scores).")
            .WithQueryParameters([.. OpenApiParameters.MonteCarlo, .. OpenApiParameters.Scoring])
            .Produces<SensitivityResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapSensitivityIndexEndpoints();
        api.MapGet("/sensitivity/{year:int}/bounds", GetBoundsAsync).WithName("GetRankBounds").AsAnalysisRead(YearRule.LatestIndicators)
            .WithSummary("Each city's best and worst rank over a grid of domain weights")
            .WithDescription("Every domain weight vector summing to 1 on a grid of step with each weight in [min, max]; approximate. A grid no vector satisfies, or one too large for the year, → 400 saying the number of points and the limit.")
            .WithQueryParameters([.. OpenApiParameters.WeightBounds, .. OpenApiParameters.Scoring])
            .Produces<BoundsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/weights/{year:int}", GetWeightsAsync).WithName("GetPresetWeights").AsAnalysisRead(YearRule.LatestIndicators)
            .WithSummary("The weights a preset gives a year")
            .WithDescription("Domain weights sum to 1; indicator weights are relative within their domain (mean 1).")
            .WithQueryParameters(new ApiQueryParameter("preset", "The weighting preset.", Default: "equal", Enum: ["equal", "entropy", "critic", "pca"]))
            .Produces<PresetWeightsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/rankchange/{city}", GetRankChangeAsync).WithName("GetRankChange").AsAnalysisRead()
            .WithSummary("A city's change of overall score between two years, split by domain and indicator")
            .WithDescription("Arithmetic aggregation; the contributions add up to change. A published year has domain contributions only.")
            .WithQueryParameters([
                new("from", "The first year.", "integer", Required: true),
                new("to", "The second year.", "integer", Required: true),
                .. OpenApiParameters.Scoring,
            ])
            .Produces<RankChangeResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostWhatIfAsync(int year, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        WhatIfRequest? body;
        try
        {
            // Whatever the Content-Type, as before: the body is read as JSON.
            body = await JsonSerializer.DeserializeAsync<WhatIfRequest>(request.Body, WhatIfRequest.JsonOptions, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, not this shape (e.g. "value": "12", "weights": [ … ]), or not UTF-8 (the reader cannot
            // transcode the bytes: InvalidOperationException / DecoderFallbackException).
            return BadBody(explore);
        }

        if (body is null)
        {
            return BadBody(explore);
        }

        var parsed = await explore.ParseAsync(body.Parameter, false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        var result = await explore.WhatIfAsync(year, settings, body.OverrideInputs(), cancellationToken);
        return result.Value is { } scores ? Results.Ok(scores.ToResponse()) : ExploreApi.Problem(result, explore);
    }

    private static async Task<IResult> GetTargetsAsync(int year, string? city, string? rank, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        var parsed = await explore.ParseAsync(ExploreApi.Query(request), false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        int? target = int.TryParse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null;
        var result = await explore.TargetsAsync(year, settings, city, target, cancellationToken);
        if (result.Value is not { } targets)
        {
            return ExploreApi.Problem(result, explore);
        }

        var framework = targets.Context.Data.Reference.Framework;
        return Results.Ok(new TargetsResponse(
            targets.City.Code,
            targets.Rank,
            targets.Targets.Any(t => t.Value is not null),
            [.. targets.Targets.Select(t => new IndicatorTargetResponse(
                framework.Indicators[t.Indicator].Code, MissingValue.OrNull(t.Current), t.Value, framework.Indicators[t.Indicator].WholeNumber))]));
    }

    private static async Task<IResult> GetSensitivityAsync(int year, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        var parsed = await explore.ParseAsync(ExploreApi.Query(request), false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        var monteCarlo = MonteCarloParameters.Parse(ExploreApi.Query(request), explore.Text, out var error);
        if (error is not null)
        {
            return ExploreApi.Problem(StatusCodes.Status400BadRequest, error, explore);
        }

        var result = await explore.SensitivityAsync(year, settings, monteCarlo.Options, monteCarlo.VaryMethods, cancellationToken);
        if (result.Value is not { } sensitivity)
        {
            return ExploreApi.Problem(result, explore);
        }

        var scores = sensitivity.Scores;
        var cities = scores.ByRank()
            .Where(i => sensitivity.Intervals[i].Rank > 0)
            .Select(i => new CityRankInterval(scores.Cities[i].Code, sensitivity.Intervals[i].Rank,
                sensitivity.Intervals[i].Median, sensitivity.Intervals[i].P05, sensitivity.Intervals[i].P95))
            .ToList();
        return Results.Ok(new SensitivityResponse(sensitivity.Samples, cities));
    }

    private static async Task<IResult> GetBoundsAsync(int year, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        var query = ExploreApi.Query(request);
        var parsed = await explore.ParseAsync(query, false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        var weightBounds = WeightBoundsParameters.Parse(query, explore.Text, out var error);
        if (error is not null)
        {
            return ExploreApi.Problem(StatusCodes.Status400BadRequest, error, explore);
        }

        var result = await explore.BoundsAsync(year, settings, weightBounds, cancellationToken);
        if (result.Value is not { } bounds)
        {
            return ExploreApi.Problem(result, explore);
        }

        var scores = bounds.Scores;
        var cities = scores.ByRank()
            .Where(i => scores.Sheet.OverallRanks[i] > 0)
            .Select(i => new CityRankRange(scores.Cities[i].Code, scores.Sheet.OverallRanks[i], bounds.Bounds.Cities[i].Best, bounds.Bounds.Cities[i].Worst))
            .ToList();
        return Results.Ok(new BoundsResponse(bounds.Min, bounds.Max, bounds.Bounds.Step, bounds.Bounds.Points, true, cities));
    }

    private static async Task<IResult> GetWeightsAsync(int year, string? preset, ExploreService explore, CancellationToken cancellationToken)
    {
        if (!WeightingPresets.TryParse(preset, out var chosen))
        {
            return ExploreApi.Problem(StatusCodes.Status400BadRequest, explore.Text["Unknown preset '{0}'. Use equal, entropy, critic or pca.", preset ?? ""], explore);
        }

        var result = await explore.PresetAsync(year, chosen, cancellationToken);
        if (result.Value is not { } weights)
        {
            return ExploreApi.Problem(result, explore);
        }

        var framework = (await explore.ReferenceAsync(cancellationToken)).Framework;
        return Results.Ok(new PresetWeightsResponse(
            year,
            chosen.Code(),
            Domains.All.ToDictionary(d => d.Code(), d => weights.Domain[(int)d]),
            framework.Indicators.Select((indicator, j) => (indicator.Code, Weight: weights.Indicator[j])).ToDictionary(x => x.Code, x => x.Weight)));
    }

    private static async Task<IResult> GetRankChangeAsync(
        string city, string? from, string? to, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        var parsed = await explore.ParseAsync(ExploreApi.Query(request), false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        if (!int.TryParse(from, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromYear)
            || !int.TryParse(to, NumberStyles.Integer, CultureInfo.InvariantCulture, out var toYear))
        {
            return ExploreApi.Problem(StatusCodes.Status400BadRequest, explore.Text["Give the two years as from= and to=."], explore);
        }

        var result = await explore.ChangeAsync(city, fromYear, toYear, settings, cancellationToken);
        if (result.Value is not { } change)
        {
            return ExploreApi.Problem(result, explore);
        }

        var c = change.Change;
        return Results.Ok(new RankChangeResponse(
            change.City.Code, fromYear, toYear, MissingValue.OrNull(c.ScoreFrom), MissingValue.OrNull(c.ScoreTo),
            c.RankFrom == 0 ? null : c.RankFrom, c.RankTo == 0 ? null : c.RankTo, MissingValue.OrNull(c.Change),
            [.. c.Domains.Select(d => new DomainChangeResponse(
                d.Domain.Code(), MissingValue.OrNull(d.ScoreFrom), MissingValue.OrNull(d.ScoreTo), d.Contribution,
                [.. d.Indicators.Select(i => new IndicatorChangeResponse(
                    change.Framework.Indicators[i.Indicator].Code, MissingValue.OrNull(i.ScoreFrom), MissingValue.OrNull(i.ScoreTo), i.Contribution))]))]));
    }

    private static IResult BadBody(ExploreService explore) => ExploreApi.Problem(StatusCodes.Status400BadRequest,
        explore.Text["The body must be JSON: { \"overrides\": [ { \"city\": …, \"indicator\": …, \"value\": … } ], \"weights\"?: …, \"method\"?: … }."], explore);
}
