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
            .WithName("PutIndicators");
        var history = api.MapGroup("/imports");
        history.MapGet("/", ListImportsAsync)
            .RequireAuthorization(ApiPolicies.EditorOrToken)
            .WithName("ListImports");
        history.MapGet("/{id:long}/file", GetOriginalFileAsync)
            .RequireAuthorization(ApiPolicies.EditorOrToken)
            .WithName("GetImportFile");
        history.MapPost("/{id:long}/restore", RestoreAsync)
            .AsTokenWrite()
            .WithName("RestoreImport");
        api.MapPut("/cities", PutCitiesAsync)
            .AsTokenWrite()
            .WithName("PutCities");
        // Anonymous: a template holds the city list and, prefilled, a real year's public values; nothing private.
        api.MapGet("/years/{year:int}/template", GetTemplateAsync)
            .WithName("GetTemplate")
            .CacheOutput(PerformanceSetup.PublicCachePolicy);
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
