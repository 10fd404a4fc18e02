using System.Globalization;
using System.Text.Json;
using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Charts;

/// <summary>
/// <c>POST /api/tables/xlsx</c>: a chart's data table (what its CSV download holds) as an Excel workbook, written by
/// <see cref="TableWorkbook"/> like the site's other workbooks, so a reader gets the same file from every chart without
/// each page growing its own export. Anonymous and stores nothing; bounded (<see cref="ChartTable"/>'s limits) because
/// anyone may post, and under the analysis limiter because building a large workbook is work; never output-cached (a POST).
/// </summary>
public static class TableEndpoints
{
    public static RouteGroupBuilder MapTableEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/tables/xlsx", PostXlsxAsync).WithName("PostTableXlsx").RequireRateLimiting(RateLimits.AnalysisPolicy)
            .WithSummary("A chart's data table as an Excel workbook; nothing is stored")
            .WithDescription("The body is { \"title\", \"columns\": [\"…\"], \"rows\": [[cell, …]], \"year\", \"method\", \"source\", \"version\", \"url\", \"demo\", \"fileName\" }: each cell a number, a string or null, each row as long as columns. The answer is a workbook with the table on its data sheet (numbers as numbers, a demo banner above the header for demo data) and the title, year, method, source, version, page address and demo flag on its about sheet. Limits: body ≤ 2 MB, ≤ 20,001 rows, ≤ 100 columns, cells ≤ 1,000 characters; beyond them, or for a body that is not such a table, 400.")
            .WithJsonRequestBody<ChartTable, RouteHandlerBuilder>("The table and what it is.")
            .WithFileResponse("The workbook.", OpenApiParameters.Xlsx)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostXlsxAsync(HttpContext http, IStringLocalizer<TableText> text, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > ChartTable.MaxBodyBytes)
        {
            return TooLarge(http);
        }

        // Read at most one byte past the limit: a body without Content-Length (chunked) is bounded the same way.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ChartTable.MaxBodyBytes)
            {
                return TooLarge(http);
            }
        }

        ChartTable? table;
        try
        {
            table = JsonSerializer.Deserialize<ChartTable>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ChartTable.JsonOptions);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return BadBody(http);
        }

        if (table?.Columns is not { Count: > 0 } columns || table.Rows is not { } rows || columns.Any(c => c is null))
        {
            return BadBody(http);
        }

        if (columns.Count > ChartTable.MaxColumns)
        {
            return Bad(http, "Too many columns", "A table may have at most {0} columns; this one has {1}.", ChartTable.MaxColumns, columns.Count);
        }

        if (rows.Count > ChartTable.MaxRows)
        {
            return Bad(http, "Too many rows", "A table may have at most {0} rows; this one has {1}.", ChartTable.MaxRows, rows.Count);
        }

        var cells = new List<IReadOnlyList<CsvCell>>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not { } row || row.Count != columns.Count)
            {
                return Bad(http, "Row of the wrong length", "Row {0} has {1} cells; the table has {2} columns.", r + 1, rows[r]?.Count ?? 0, columns.Count);
            }

            var line = new CsvCell[row.Count];
            for (var c = 0; c < row.Count; c++)
            {
                if (Cell(row[c]) is not { } cell)
                {
                    return Bad(http, "Cell not allowed", "Row {0}, column {1}: a cell is a number, a string of at most {2} characters, or null.", r + 1, c + 1, ChartTable.MaxCellLength);
                }

                line[c] = cell;
            }

            cells.Add(line);
        }

        var texts = new[] { table.Title, table.Method, table.Source, table.Version, table.Url, table.FileName, table.Note }.Concat(columns);
        if (texts.Any(t => t?.Length > ChartTable.MaxCellLength))
        {
            return Bad(http, "Text too long", "Titles, headers and cells are limited to {0} characters.", ChartTable.MaxCellLength);
        }

        var title = string.IsNullOrWhiteSpace(table.Title) ? text["Chart data"].Value : table.Title.Trim();
        var about = new List<TableAboutItem> { new(text["Title"], CsvCell.Text(title)) };
        if (table.Year is { } year)
        {
            about.Add(new(text["Year"], CsvCell.WholeNumber(year)));
        }

        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                about.Add(new(text[label], CsvCell.Text(value)));
            }
        }

        Add("Method", table.Method);
        Add("Source", table.Source);
        Add("Data version", table.Version);
        about.Add(new(text["Demo data"], CsvCell.Text(table.Demo ? text["yes: synthetic figures, not real data"] : text["no"])));
        Add("Note", table.Note);
        Add("Page", table.Url);

        var spec = new TableWorkbookSpec(WorkbookLanguages.Of(CultureInfo.CurrentUICulture), title, [.. columns.Select(c => c!)], cells, about, table.Demo);
        var bytes = await TableWorkbook.ToBytesAsync(spec, cancellationToken);
        return Results.File(bytes, TableWorkbook.ContentType, FileName(table.FileName));
    }

    /// <summary>A JSON number or string (bounded) or null as a cell; anything else (an object, an array, a boolean) is refused.</summary>
    private static CsvCell? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => CsvCell.Number(number),
        JsonValueKind.String when value.GetString() is { Length: <= ChartTable.MaxCellLength } s => CsvCell.Text(s),
        JsonValueKind.Null or JsonValueKind.Undefined => CsvCell.Text(null),
        // Typed: a bare null would become an empty cell through CsvCell's implicit conversion from string.
        _ => (CsvCell?)null,
    };

    /// <summary>The name asked for, reduced to safe characters and given the .xlsx extension; "chart.xlsx" without one.</summary>
    internal static string FileName(string? asked)
    {
        var stem = Path.GetFileNameWithoutExtension(asked ?? "");
        var safe = new string([.. stem.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]).Trim('.');
        return (safe.Length == 0 ? "chart" : safe.Length > 80 ? safe[..80] : safe) + ".xlsx";
    }

    private static IResult TooLarge(HttpContext http) =>
        ApiProblem.Localised<TableText>(http, StatusCodes.Status400BadRequest, "Table too large", "The request body is limited to {0} MB.", ChartTable.MaxBodyBytes / (1024 * 1024));

    private static IResult BadBody(HttpContext http) =>
        ApiProblem.Localised<TableText>(http, StatusCodes.Status400BadRequest, "Not a table", "The body must be a JSON object with columns (the headers) and rows (lists of cells, each as long as columns).");

    private static IResult Bad(HttpContext http, string title, string detail, params object[] arguments) =>
        ApiProblem.Localised<TableText>(http, StatusCodes.Status400BadRequest, title, detail, arguments);
}
