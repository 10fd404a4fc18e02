using System.Globalization;
using CityExchange.Core.Scoring;
using CityExchange.Core.Sensitivity;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// Global sensitivity (Sobol indices of the construction choices, docs/api.md): answered within the request up to
/// <see cref="SensitivityBudget.InlineWork"/>, otherwise as a background job (202 and a status URL that embeds the
/// result once done).
/// </summary>
public static class SensitivityIndexEndpoints
{
    public const string JobsPath = "/api/sensitivity/jobs/";

    private static readonly IReadOnlyList<ApiQueryParameter> Parameters =
    [
        new("inputs", $"The uncertain construction choices, comma-separated, in the order of the answer: {string.Join(", ", UncertainChoices.All.Select(c => c.Code()))} (default: the first five; minCoverage only when listed).", Default: string.Join(',', UncertainChoices.Default.Select(c => c.Code()))),
        new("spread", "The weights input: every domain weight perturbed by up to ± spread (relative), then renormalised.", "number",
            CompositeSensitivityOptions.DefaultSpread.ToString(CultureInfo.InvariantCulture), 0, 1),
        new("samples", $"Base samples N; the model runs N·(k + 2) times, and runs × cities is at most {UncertaintyLimits.MaxSensitivityRunCityProduct.ToString("N0", CultureInfo.InvariantCulture)}.",
            "integer", SobolOptions.DefaultSamples.ToString(CultureInfo.InvariantCulture), SensitivityIndicesParameters.MinSamples, SensitivityIndicesParameters.MaxSamples),
        new("seed", "Seed of the design and the bootstrap; the same seed gives the same answer.", "integer", SobolOptions.DefaultSeed.ToString(CultureInfo.InvariantCulture)),
        new("boot", "Bootstrap replicates of the 90 % intervals (0: none, the bounds are null).", "integer",
            SobolOptions.DefaultBootstrap.ToString(CultureInfo.InvariantCulture), 0, SensitivityIndicesParameters.MaxBootstrap),
        new("city", "A city (code, Chinese or English name): the output is its rank instead of the mean absolute rank shift."),
        new("coverageLow", "The minCoverage input: the lower end of the range its threshold is drawn from (uniform), 0–1.", "number", "0", 0, 1),
        new("coverageHigh", "The minCoverage input: the upper end of its range, coverageLow–1.", "number",
            CompositeSensitivityOptions.DefaultCoverageHigh.ToString(CultureInfo.InvariantCulture), 0, 1),
    ];

    public static RouteGroupBuilder MapSensitivityIndexEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sensitivity/{year:int}/indices", GetIndicesAsync).WithName("GetSensitivityIndices").AsAnalysisRead(YearRule.LatestIndicators)
            .WithSummary("First-order and total Sobol indices of the construction choices, with 90 % bootstrap intervals")
            .WithDescription("Variance-based global sensitivity of the mean absolute rank shift against the nominal ranking (the scoring parameters' construction), or of one city's rank, to the uncertain choices: Saltelli design of N·(k + 2) runs, Jansen estimators. Answers 200 when the work (runs × (cities + boot)) is at most 10,000,000; otherwise 202 Accepted with Location: /api/sensitivity/jobs/{id}, where the job's progress and, once done, its result are. A full job queue → 503 with Retry-After. Indicator years only: a published year → 400.")
            .WithQueryParameters([.. Parameters, .. OpenApiParameters.Scoring])
            .Produces<SensitivityIndicesResponse>(StatusCodes.Status200OK)
            .Produces<SensitivityJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        // Not cached (the progress changes) and cheap: only the per-client limit applies.
        api.MapGet("/sensitivity/jobs/{id}", GetJob).WithName("GetSensitivityJob")
            .WithSummary("A background sensitivity analysis: its state, progress and, once done, its result")
            .WithDescription("state is queued, running, done or failed; progress runs from 0 to 1; result has the shape of GET /api/sensitivity/{year}/indices once done, else null. Jobs live in memory: after a restart the id is unknown (404) and asking for the indices again starts a new one.")
            .Produces<SensitivityJobResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetIndicesAsync(
        int year, HttpContext http, ExploreService explore, SensitivityIndicesService indices, SensitivityJobs jobs, CancellationToken cancellationToken)
    {
        var query = ExploreApi.Query(http.Request);
        var parsed = await explore.ParseAsync(query, false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        if (SensitivityIndicesParameters.Parse(query, explore.Text, out var field, out var error) is not { } parameters)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: explore.Text["Invalid request"], detail: error,
                extensions: new Dictionary<string, object?> { ["field"] = field });
        }

        var planned = await indices.PlanAsync(year, settings, parameters, cancellationToken);
        if (planned.Value is not { } plan)
        {
            return ExploreApi.Problem(planned, explore);
        }

        if (jobs.Done(plan.Key)?.Result is { } kept)
        {
            return Results.Ok(kept);
        }

        if (SensitivityBudget.Inline(plan.Work))
        {
            return Results.Ok(plan.Run(null, cancellationToken));
        }

        if (jobs.Submit(plan) is not { } job)
        {
            http.Response.Headers.RetryAfter = ((int)SensitivityJobs.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: explore.Text["Too many analyses waiting"],
                detail: explore.Text["{0} large analyses are already waiting; ask again in {1} seconds.", SensitivityJobs.QueueCapacity, (int)SensitivityJobs.RetryAfter.TotalSeconds]);
        }

        if (job.Result is { } done)
        {
            return Results.Ok(done);
        }

        // A poll a second from now sees progress: a job of this size takes a few seconds.
        http.Response.Headers.RetryAfter = "1";
        return Results.Accepted(JobsPath + job.Id, Status(job, explore));
    }

    private static IResult GetJob(string id, ExploreService explore, SensitivityJobs jobs) =>
        jobs.Find(id) is { } job
            ? Results.Ok(Status(job, explore))
            : ExploreApi.Problem(StatusCodes.Status404NotFound,
                explore.Text["No sensitivity job '{0}': it finished long ago or the server restarted. Ask for the indices again.", id], explore);

    private static SensitivityJobResponse Status(SensitivityJob job, ExploreService explore) => new(
        job.Id,
        job.Plan.Year,
        job.State.ToString().ToLowerInvariant(),
        job.Progress,
        job.Result,
        job.State == SensitivityJobState.Failed ? explore.Text["The analysis stopped before it finished; ask for the indices again."].Value : null);
}
