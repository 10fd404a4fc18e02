using System.Globalization;
using CityExchange.Core.Analysis;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using Microsoft.AspNetCore.Http.Features;

namespace CityExchange.Web.Pages.Analysis;

public static class AnalysisEndpoints
{
    public static RouteGroupBuilder MapAnalysisEndpoints(this RouteGroupBuilder api)
    {
        var analysis = api.MapGroup("/analysis/{year:int}").AsAnalysisRead(YearRule.LatestReal);
        analysis.MapGet("/clusters", GetClustersAsync).WithName("GetClusters")
            .WithSummary("Hierarchical clustering of the year's cities on their four domain scores")
            .WithDescription("Euclidean distance; clusters numbered 1…k by descending mean overall score, each listing city codes (sorted); cities missing a domain score are excluded. Average and complete linkage take at most 5,000 cities.")
            .WithQueryParameters(
                new ApiQueryParameter("k", "Number of clusters (a whole number, at most the number of cities clustered).", "integer", ClusterAnalysis.DefaultK.ToString(CultureInfo.InvariantCulture), 1),
                new ApiQueryParameter("linkage", "Linkage; ward reproduces the report's Figure 9.", Default: "ward", Enum: ["average", "complete", "single", "ward"]))
            .Produces<ClustersResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        analysis.MapGet("/groups", GetGroupsAsync).WithName("GetGroups")
            .WithSummary("Mean scores by region, east/west, north/south and level")
            .Produces<GroupsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        analysis.MapGet("/correlations", GetCorrelationsAsync).WithName("GetCorrelations")
            .WithSummary("Pearson correlations of the four domain scores, with two-sided p-values")
            .WithDescription("4 × 4 matrices in the order of domains, over the n cities with all four domain scores; r and p are null with fewer than 3 such cities.")
            .Produces<CorrelationsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        analysis.MapGet("/audit", GetAuditAsync).WithName("GetAudit")
            .WithSummary("The statistical audit of the year: indicator statistics, correlations, Cronbach's alpha, PCA, data availability")
            .WithDescription("JRC/COINr-style audit. Per indicator: n, missing, min, max, mean, median, sd, skew and kurtosis (Excel's SKEW/KURT), the outlier check (|skew| ≥ 2 and kurtosis ≥ 3.5), Pearson r with the city's domain and overall scores, and flags (outlier, negativeWithinDomain, insignificantWithinDomain at p > 0.05, collinear at |r| > 0.92 within a domain). Pairwise-complete Pearson and Spearman matrices with two-sided p; Cronbach's alpha per domain and overall on the min–max scores; the first principal component per domain (complete cases, standardised); each city's coverage and missing indicators. A published year audits its four domain scores instead. Undefined values are null.")
            .Produces<AuditResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        analysis.MapGet("/published-weights", GetPublishedWeightsAsync).WithName("GetPublishedWeights")
            .WithSummary("The domain weights under which a published year's printed domain scores reproduce its printed overall ranks")
            .WithDescription("Linear programming: the weights (each ≥ 0, summing to 1) that maximise the smallest score gap between consecutive printed ranks (margin, in score points; feasible when > 0), or, when none reproduce the ranks, those with the least total violation; each weight's range over the weights that keep the printed order; rankDifferences counts the cities whose rank under weights differs from the printed one. A year without published scores → 404.")
            .Produces<PublishedWeightsResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPut("/years/{year:int}/covariates", PutCovariatesAsync)
            .AsTokenWrite()
            .WithName("PutCovariates")
            .WithSummary("Upload a year's covariates (e.g. GDP), kept apart from the index")
            .WithDescription("A CSV with a city column and one column per covariate. Replaces all the year's covariates in one transaction; on any error nothing is stored.")
            .WithRequestBody("The covariates CSV (UTF-8 or GBK).", OpenApiParameters.Csv)
            .Produces<CovariateImportSummary>(StatusCodes.Status200OK)
            .Produces<ImportErrorResponse>(StatusCodes.Status400BadRequest, "application/problem+json")
            .ProducesTokenRefusals()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> GetClustersAsync(int year, string? k, string? linkage, HttpContext http, AnalysisService analysis, CancellationToken cancellationToken)
    {
        if (!Linkages.TryParse(linkage, out var method))
        {
            return BadRequest(http, "Unknown linkage", "Unknown linkage '{0}'. Use 'average', 'complete', 'single' or 'ward'.", linkage ?? "");
        }

        var clusters = ClusterAnalysis.DefaultK;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out clusters) || clusters < 1))
        {
            return BadRequest(http, "Invalid k", "k must be a whole number of clusters, at least 1; got '{0}'.", k);
        }

        var scores = await analysis.ScoreAsync(year, cancellationToken);
        if (scores is null)
        {
            return ApiProblem.NoData(http, year);
        }

        var available = AnalysisService.ClusterableCount(scores);
        if (clusters > available)
        {
            return BadRequest(http, "Invalid k", "k = {0} is more than the {1} cities with all four domain scores in {2}.", clusters, available, year);
        }

        if (AnalysisService.TooLarge(scores, method) is { } tooLarge)
        {
            return ApiProblem.Titled<AnalysisText>(http, StatusCodes.Status400BadRequest, "Too many cities for this linkage", tooLarge);
        }

        return Results.Ok(ClustersResponse.From(scores, AnalysisService.Cluster(scores, method, clusters, cancellationToken)));
    }

    private static async Task<IResult> GetGroupsAsync(int year, HttpContext http, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.GroupsAsync(year, cancellationToken) is { } view ? Results.Ok(GroupsResponse.From(view.Groups)) : ApiProblem.NoData(http, year);

    private static async Task<IResult> GetCorrelationsAsync(int year, HttpContext http, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.CorrelationsAsync(year, cancellationToken) is { } view ? Results.Ok(CorrelationsResponse.From(view.Pearson)) : ApiProblem.NoData(http, year);

    private static async Task<IResult> GetAuditAsync(int year, HttpContext http, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.AuditAsync(year, cancellationToken) is { } view ? Results.Ok(AuditResponse.From(view.Report)) : ApiProblem.NoData(http, year);

    private static async Task<IResult> GetPublishedWeightsAsync(int year, HttpContext http, AnalysisService analysis, CancellationToken cancellationToken) =>
        await analysis.PublishedWeightsAsync(year, cancellationToken) is { } finding
            ? Results.Ok(PublishedWeightsResponse.From(year, finding.Result))
            : ApiProblem.Localised<AnalysisText>(http, StatusCodes.Status404NotFound, "No published scores for this year",
                "{0} has no published domain scores and ranks: the report's weights can be found only for a published year.", year);

    private static async Task<IResult> PutCovariatesAsync(int year, HttpContext http, CovariateImportService covariates, CancellationToken cancellationToken)
    {
        if (ApiProblem.IsYearOutOfRange(year))
        {
            return ApiProblem.YearOutOfRange(http);
        }

        var content = await CsvUpload.ReadBodyAsync(http, ImportEndpoints.MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return ApiProblem.TooLarge(http, ImportEndpoints.MaxUploadBytes);
        }

        var outcome = await covariates.ImportAsync(year, content, cancellationToken: cancellationToken);
        if (!outcome.Accepted)
        {
            return CsvUpload.Errors(http, outcome.Parsed.Errors, outcome.Parsed.ErrorCount);
        }

        return Results.Ok(new CovariateImportSummary(year, outcome.Cities, outcome.Values, outcome.Parsed.Codes));
    }

    private static IResult BadRequest(HttpContext http, string title, string detail, params object[] arguments) =>
        ApiProblem.Localised<AnalysisText>(http, StatusCodes.Status400BadRequest, title, detail, arguments);
}
