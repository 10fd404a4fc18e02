using CityExchange.Core.Csv;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The body and error answer of every CSV upload endpoint (indicators, cities, covariates): read into memory within the
/// size limit, and refused with the located errors.
/// </summary>
public static class CsvUpload
{
    /// <summary>400 with the located errors (the first <see cref="CsvIssueLimit.MaxReported"/>) and their total, titled in the reader's language.</summary>
    public static IResult Errors(HttpContext http, IReadOnlyList<CsvIssue> errors, int errorCount)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<HostingText>>();
        return Results.Json(
            new ImportErrorResponse(text["The file has errors; nothing was stored."], StatusCodes.Status400BadRequest,
                [.. errors.Take(CsvIssueLimit.MaxReported).Select(ImportError.From)], Math.Max(errorCount, errors.Count)),
            statusCode: StatusCodes.Status400BadRequest,
            contentType: "application/problem+json");
    }


    /// <summary>Reads the body into memory (never to disk), or returns null when it is larger than the limit. Shared by every CSV upload endpoint.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpContext http, long maxBytes, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
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
