using System.Globalization;
using CityExchange.Core.Analysis;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace CityExchange.Web.Pages.Analysis;

public static class AnalysisEndpoints
{
    public static RouteGroupBuilder MapAnalysisEndpoints(this RouteGroupBuilder api)
    {
        var analysis = api.MapGroup("/analysis/{year:int}").RequireRateLimiting(RateLimits.AnalysisPolicy);
        analysis.MapGet("/clusters", GetClustersAsync).WithName("GetClusters");
        analysis.MapGet("/groups", GetGroupsAsync).WithName("GetGroups");
        analysis.MapGet("/correlations", GetCorrelationsAsync).WithName("GetCorrelations");
        api.MapPut("/years/{year:int}/covariates", PutCovariatesAsync)
            .AsTokenWrite()
            .WithName("PutCovariates");
        return api;
    }

    private static async Task<IResult> GetClustersAsync(int year, string? k, string? linkage, AnalysisService analysis, CancellationToken cancellationToken)
    {
        if (!Linkages.TryParse(linkage, out var method))
        {
            return BadRequest("Unknown linkage", $"Unknown linkage '{linkage}'. Use 'average', 'complete', 'single' or 'ward'.");
        }

        var clusters = ClusterAnalysis.DefaultK;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out clusters) || clusters < 1))
        {
            return BadRequest("Invalid k", $"k must be a whole number of clusters, at least 1; got '{k}'.");
        }

        var scores = await analysis.ScoreAsync(year, cancellationToken);
        if (scores is null)
        {
            return NoYear(year);
        }

        var available = AnalysisService.ClusterableCount(scores);
        if (clusters > available)
        {
            return BadRequest("Invalid k", $"k = {clusters} is more than the {available} cities with all four domain scores in {year}.");
        }

        return Results.Ok(ClustersResponse.From(scores, AnalysisService.Cluster(scores, method, clusters)));
    }

    private static async Task<IResult> GetGroupsAsync(int year, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.GroupsAsync(year, cancellationToken) is { } view ? Results.Ok(GroupsResponse.From(view.Groups)) : NoYear(year);

    private static async Task<IResult> GetCorrelationsAsync(int year, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.CorrelationsAsync(year, cancellationToken) is { } view ? Results.Ok(CorrelationsResponse.From(view.Pearson)) : NoYear(year);

    private static async Task<IResult> PutCovariatesAsync(int year, HttpContext http, CovariateImportService covariates, CancellationToken cancellationToken)
    {
        if (year is < 1900 or > 2200)
        {
            return BadRequest("Year out of range", "Years run from 1900 to 2200.");
        }

        var content = await ImportEndpoints.ReadBodyAsync(http, cancellationToken);
        if (content is null)
        {
            return ImportEndpoints.TooLarge();
        }

        var outcome = await covariates.ImportAsync(year, content, cancellationToken: cancellationToken);
        if (!outcome.Accepted)
        {
            return ImportEndpoints.Errors(outcome.Parsed.Errors);
        }

        return Results.Ok(new CovariateImportSummary(year, outcome.Cities, outcome.Values, outcome.Parsed.Codes));
    }

    private static IResult BadRequest(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static IResult NoYear(int year) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No data for this year", detail: $"There is no data for {year}.");
}
