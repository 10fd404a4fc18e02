using CityExchange.Core.Csv;
using CityExchange.Web.Api.Rankings;
using CityExchange.Web.Imports;
using Microsoft.AspNetCore.Http.Features;

namespace CityExchange.Web.Api.Imports;

/// <summary>Success body of <c>PUT /api/years/{year}/indicators</c>.</summary>
public sealed record ImportSummary(long ImportId, int Year, int Cities, int Values, IReadOnlyList<RankingWarning> Warnings);

/// <summary>Error body: every problem in the file, located.</summary>
public sealed record ImportErrorResponse(string Title, int Status, IReadOnlyList<ImportError> Errors);

public sealed record ImportError(int Row, string? Column, string? Value, string Message, string Code)
{
    public static ImportError From(CsvIssue issue) => new(issue.Row, issue.Column, issue.Value, issue.Message, issue.Code);
}

public static class ImportEndpoints
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/years/{year:int}/indicators", PutIndicatorsAsync)
            .AddEndpointFilter<ApiTokenFilter>()
            .WithName("PutIndicators")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PutIndicatorsAsync(int year, HttpContext http, IndicatorImportService imports, CancellationToken cancellationToken)
    {
        if (year is < 1900 or > 2200)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Year out of range", detail: "Years run from 1900 to 2200.");
        }

        var content = await ReadBodyAsync(http, cancellationToken);
        if (content is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: $"Uploads are limited to {MaxUploadBytes / (1024 * 1024)} MB.");
        }

        var fileName = http.Request.Headers["X-File-Name"].ToString() is { Length: > 0 } name ? name : $"api-{year}.csv";
        var outcome = await imports.ImportAsync(new ImportRequest(year, content, fileName[..Math.Min(fileName.Length, 260)], "api"), cancellationToken);
        if (!outcome.Accepted)
        {
            return Results.Json(
                new ImportErrorResponse("The file has errors; nothing was stored.", StatusCodes.Status400BadRequest,
                    [.. outcome.Parsed.Errors.Select(ImportError.From)]),
                statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(new ImportSummary(outcome.ImportId, year, outcome.Cities, outcome.Values, outcome.Warnings));
    }

    /// <summary>Reads the body into memory, or returns null when it is larger than the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxUploadBytes)
        {
            return null;
        }

        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxUploadBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxUploadBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
