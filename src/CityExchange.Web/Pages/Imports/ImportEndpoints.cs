using CityExchange.Core.Csv;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.AspNetCore.Http.Features;

namespace CityExchange.Web.Pages.Imports;

/// <summary>Success body of <c>PUT /api/years/{year}/indicators</c>; <c>demoCleared</c>: the year held demo data and is no longer labelled demo.</summary>
public sealed record ImportSummary(
    long ImportId, int Year, int Cities, int Values, IReadOnlyList<RankingWarning> Warnings, bool DemoCleared, PublishedReplaced? ReplacedPublished = null);

/// <summary>The published figures an import replaced: how many cities had them, and the history record that keeps them (restorable).</summary>
public sealed record PublishedReplaced(int Cities, long ImportId);

/// <summary>
/// Error body: the first <see cref="CsvIssueLimit.MaxReported"/> problems in the file, each located, and how many there
/// are in all (<see cref="ErrorCount"/>), so a file of junk gives a small answer.
/// </summary>
public sealed record ImportErrorResponse(string Title, int Status, IReadOnlyList<ImportError> Errors, int ErrorCount);

/// <summary>
/// One located error of an upload: <c>row</c> is the file's line (the header is 1) or the workbook's row number; in a
/// workbook, <c>sheet</c> and <c>cell</c> (e.g. <c>"C5"</c>) say where, and are null for a CSV file.
/// </summary>
public sealed record ImportError(int Row, string? Column, string? Value, string Message, string Code, string? Sheet, string? Cell)
{
    public static ImportError From(CsvIssue issue) => new(issue.Row, issue.Column, issue.Value, issue.Message, issue.Code, issue.Sheet, issue.Cell);
}

/// <summary>
/// One entry of <c>GET /api/imports</c>: exactly these fields. <c>status</c> is accepted, rejected or restored;
/// <c>year</c> is null for a rejected file whose year could not be read.
/// </summary>
public sealed record ImportListItem(
    long Id, int? Year, string Status, DateTime CreatedAt, string User, string FileName, string Sha256, int Rows, int Values, int Errors)
{
    public static ImportListItem From(ImportHistoryItem i) => new(i.Id, i.Year, i.Status, i.CreatedAt, i.User, i.FileName, i.Sha256, i.Rows, i.Values, i.Errors);
}

/// <summary>Success body of <c>POST /api/imports/{id}/restore</c>.</summary>
public sealed record RestoreSummary(long ImportId, long RestoredFrom, int Year, int Values);

/// <summary>Success body of <c>PUT /api/cities</c>.</summary>
public sealed record CityUploadSummary(int Cities, int Added, int Updated);

public static class ImportEndpoints
{
    public const long MaxUploadBytes = UploadSetup.MaxFileBytes;

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/years/{year:int}/indicators", PutIndicatorsAsync)
            .AsTokenWrite()
            .WithName("PutIndicators")
            .WithSummary("Upload a year's indicator values (CSV or Excel workbook)")
            .WithDescription("The format is read from the content (CSV, .xlsx/.xlsm, .xls), not the Content-Type; see docs/data-format.md. The year's values are replaced in one transaction. On any error nothing is stored and the 400 body lists the first 1,000 problems, each located (row, column, value; sheet and cell in a workbook), with errorCount the total. Optional header X-File-Name names the file in the import history.")
            .WithQueryParameters(new ApiQueryParameter("replacePublished", "Needed to store indicator values in the published year (2013); the published figures are kept in the history and can be restored.", "boolean", "false"))
            .WithRequestBody("The indicator file: CSV (UTF-8 or GBK), an Excel 2007+ workbook or a legacy .xls workbook.", OpenApiParameters.Csv, OpenApiParameters.Xlsx, OpenApiParameters.Xls)
            .Produces<ImportSummary>(StatusCodes.Status200OK)
            .Produces<ImportErrorResponse>(StatusCodes.Status400BadRequest, "application/problem+json")
            .ProducesTokenRefusals()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var history = api.MapGroup("/imports");
        history.MapGet("/", ListImportsAsync)
            .RequireAuthorization(ApiPolicies.EditorOrToken)
            .WithName("ListImports")
            .WithSummary("The import history, newest first")
            .WithDescription("Needs the bearer token, or a signed-in Editor/Admin cookie. status is accepted, rejected, restored or published; year is null for a rejected file whose year could not be read; user is the editor's email or api.")
            .WithQueryParameters(
                new ApiQueryParameter("year", "Only imports of this year.", "integer"),
                new ApiQueryParameter("status", "Only imports with this status.", Enum: ["accepted", "rejected", "restored", "published"]),
                new ApiQueryParameter("user", "Only imports by this user (an email, or api)."))
            .Produces<IEnumerable<ImportListItem>>(StatusCodes.Status200OK)
            .ProducesTokenRefusals();
        history.MapGet("/{id:long}/file", GetOriginalFileAsync)
            .RequireAuthorization(ApiPolicies.EditorOrToken)
            .WithName("GetImportFile")
            .WithSummary("The file an import was made from, byte for byte as uploaded")
            .WithFileResponse("The uploaded file, as an attachment with its file name.", UploadedFile.ContentType)
            .ProducesTokenRefusals()
            .ProducesProblem(StatusCodes.Status404NotFound);
        history.MapPost("/{id:long}/restore", RestoreAsync)
            .AsTokenWrite()
            .WithName("RestoreImport")
            .WithSummary("Restore the values an accepted (or published) import stored")
            .WithDescription("Replaces the year's values in one transaction and records a new import with status restored. Restoring a published record makes the year a published year again.")
            .Produces<RestoreSummary>(StatusCodes.Status200OK)
            .ProducesTokenRefusals()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPut("/cities", PutCitiesAsync)
            .AsTokenWrite()
            .WithName("PutCities")
            .WithSummary("Add or update cities from a CSV with the columns of cities.csv")
            .WithDescription("Cities are upserted by code in one transaction (never deleted). On any error nothing is stored and the 400 body lists the problems, as for indicator uploads.")
            .WithRequestBody("The cities CSV (UTF-8 or GBK): code, name_zh, name_en, province_zh, province_en, region_zh, region_en, level, east_west, north_south, in any order.", OpenApiParameters.Csv)
            .Produces<CityUploadSummary>(StatusCodes.Status200OK)
            .Produces<ImportErrorResponse>(StatusCodes.Status400BadRequest, "application/problem+json")
            .ProducesTokenRefusals()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Anonymous: a template holds the city list and, prefilled, a real year's public values; nothing private.
        api.MapGet("/years/{year:int}/template", GetTemplateAsync)
            .WithName("GetTemplate")
            .CacheOutput(PerformanceSetup.PublicCachePolicy)
            .WithSummary("The upload template for a year, as an Excel workbook or a CSV file")
            .WithDescription("Anonymous. fill=latest prefills the values of the latest year up to year with real, non-demo indicator values (blank when there is none, and the template says so). In the reader's language.")
            .WithQueryParameters(
                new ApiQueryParameter("format", "The file format.", Default: "csv", Enum: ["csv", "xlsx"]),
                new ApiQueryParameter("fill", "Prefill with the latest real year's values, or leave blank.", Default: "latest", Enum: ["latest", "blank"]))
            .WithFileResponse("The template file.", OpenApiParameters.Xlsx, OpenApiParameters.Csv)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary><c>?format=xlsx|csv</c> (default csv) <c>&amp;fill=latest|blank</c> (default latest).</summary>
    private static async Task<IResult> GetTemplateAsync(int year, string? format, string? fill, HttpContext http, UploadTemplates templates, CancellationToken cancellationToken)
    {
        if (ApiProblem.IsYearOutOfRange(year))
        {
            return ApiProblem.YearOutOfRange(http);
        }

        if (!TemplateFormats.TryParse(format, out var kind))
        {
            return ApiProblem.Localised<ImportText>(http, StatusCodes.Status400BadRequest, "Unknown format", "Unknown format '{0}'. Use xlsx or csv.", format!);
        }

        if (fill is not (null or "" or "latest" or "blank"))
        {
            return ApiProblem.Localised<ImportText>(http, StatusCodes.Status400BadRequest, "Unknown fill", "Unknown fill '{0}'. Use latest or blank.", fill);
        }

        var file = await templates.TemplateAsync(year, fill != "blank", kind, cancellationToken);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<IResult> PutIndicatorsAsync(int year, bool? replacePublished, HttpContext http, IndicatorImportService imports, CancellationToken cancellationToken)
    {
        if (ApiProblem.IsYearOutOfRange(year))
        {
            return ApiProblem.YearOutOfRange(http);
        }

        var content = await CsvUpload.ReadBodyAsync(http, MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return ApiProblem.TooLarge(http, MaxUploadBytes);
        }

        var fileName = http.Request.Headers["X-File-Name"].ToString() is { Length: > 0 } name ? name : $"api-{year}{UploadedFile.Extension(content)}";
        var outcome = await imports.ImportAsync(
            new ImportRequest(year, content, fileName[..Math.Min(fileName.Length, 260)], "api", ReplacePublished: replacePublished == true), cancellationToken);
        if (outcome.PublishedRefused)
        {
            return ApiProblem.Localised<ImportText>(http, StatusCodes.Status409Conflict, "The year holds the published figures",
                "{0} holds the figures the report published. Nothing was stored. To replace them with indicator values, send the request again with ?replacePublished=true; the published figures are kept in the import history and can be restored.", year);
        }

        if (!outcome.Accepted)
        {
            return CsvUpload.Errors(http, outcome.Parsed.Errors, outcome.Parsed.ErrorCount);
        }

        var replaced = outcome.Replacement is { PublishedCitiesReplaced: { } cities, PublishedImportId: { } kept } ? new PublishedReplaced(cities, kept) : null;
        return Results.Ok(new ImportSummary(outcome.ImportId, year, outcome.Cities, outcome.Values, outcome.Warnings, outcome.DemoCleared, replaced));
    }

    private static async Task<IResult> ListImportsAsync(int? year, string? status, string? user, ImportHistory history, CancellationToken cancellationToken)
    {
        var items = await history.ListAsync(new ImportFilter(year, status, user), cancellationToken: cancellationToken);
        return Results.Ok(items.Select(ImportListItem.From));
    }

    private static async Task<IResult> GetOriginalFileAsync(long id, HttpContext http, ImportHistory history, CancellationToken cancellationToken) =>
        await history.OriginalAsync(id, cancellationToken) is { } file
            ? Results.File(file.Content, UploadedFile.ContentType, file.FileName)
            : ApiProblem.Localised<ImportText>(http, StatusCodes.Status404NotFound, "No file",
                "There is no import {0}, or its file was not kept (imports recorded before files were).", id);

    private static async Task<IResult> RestoreAsync(long id, HttpContext http, IndicatorImportService imports, CancellationToken cancellationToken)
    {
        var outcome = await imports.RestoreAsync(id, "api", cancellationToken: cancellationToken);
        return outcome.Status switch
        {
            RestoreStatus.Restored => Results.Ok(new RestoreSummary(outcome.ImportId, outcome.RestoredFromId, outcome.Year, outcome.Values)),
            RestoreStatus.NotFound => ApiProblem.Localised<ImportText>(http, StatusCodes.Status404NotFound, "No such import", "There is no import {0}.", id),
            _ => ApiProblem.Localised<ImportText>(http, StatusCodes.Status409Conflict, "Only accepted imports can be restored",
                "Import {0} was not accepted, so it produced no data to restore.", id),
        };
    }

    private static async Task<IResult> PutCitiesAsync(HttpContext http, CityImportService cities, CancellationToken cancellationToken)
    {
        var content = await CsvUpload.ReadBodyAsync(http, MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return ApiProblem.TooLarge(http, MaxUploadBytes);
        }

        var outcome = await cities.UpsertAsync(content, cancellationToken);
        return outcome.Accepted
            ? Results.Ok(new CityUploadSummary(outcome.Parsed.Cities.Count, outcome.Added, outcome.Updated))
            : CsvUpload.Errors(http, outcome.Parsed.Errors, outcome.Parsed.ErrorCount);
    }
}
