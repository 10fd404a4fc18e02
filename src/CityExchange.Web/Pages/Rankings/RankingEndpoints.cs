using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Rankings;

public static class RankingEndpoints
{
    public static RouteGroupBuilder MapRankingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings/{year:int}", GetRankingAsync).WithName("GetRanking").CacheOutput(PerformanceSetup.PublicCachePolicy)
            .WithMetadata(new YearScopeAttribute(YearRule.LatestReal))
            .WithSummary("The ranking of a year under the chosen scoring options")
            .WithDescription("Every city with at least one value that year, sorted by rank (ties by code): overall and domain scores and ranks, the published ranks of a published year, coverage and warnings. All options are optional; the defaults are the report's method. A published year (2013) uses its domain scores as published: only the domain weights and aggregation apply, and other options are listed in warnings as ignored. format=xlsx gives the same ranking as an Excel workbook (a data sheet and an about sheet).")
            .WithQueryParameters([
                .. OpenApiParameters.Scoring,
                new("format", "json, or xlsx for the same ranking as an Excel workbook.", Default: "json", Enum: ["json", "xlsx"]),
            ])
            .Produces<RankingResponse>(StatusCodes.Status200OK)
            .WithFileResponse("The ranking (JSON), or with format=xlsx the workbook.", OpenApiParameters.Xlsx)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// <c>?method=&amp;aggregation=&amp;scale=&amp;missing=&amp;winsorise=&amp;preset=&amp;weights=social:0.4,consulates:3</c>;
    /// all optional, the defaults are the report's method (docs/api.md).
    /// </summary>
    private static async Task<IResult> GetRankingAsync(
        int year, HttpRequest request, ExploreService explore, RankingsExport export, DataVersions versions, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "xlsx"))
        {
            return ExploreApi.Problem(StatusCodes.Status400BadRequest, explore.Text["Unknown format '{0}'. Use json or xlsx.", format], explore);
        }

        var parsed = await explore.ParseAsync(ExploreApi.Query(request), false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        var result = await explore.ScoreAsync(year, settings, cancellationToken);
        if (result.Value is not { } scores)
        {
            return ExploreApi.Problem(result, explore);
        }

        if (format != "xlsx")
        {
            return Results.Ok(scores.ToResponse());
        }

        var options = string.Join('&', request.Query.Where(q => q.Key is not ("format" or "culture")).Select(q => $"{q.Key}={q.Value}"));
        var file = await export.CreateXlsxAsync(scores.ToResponse(), options, await versions.ForYearAsync(year, cancellationToken), request.Path + request.QueryString, cancellationToken);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
