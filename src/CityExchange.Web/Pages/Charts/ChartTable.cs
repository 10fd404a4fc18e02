using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityExchange.Web.Pages.Charts;

/// <summary>
/// The body of <c>POST /api/tables/xlsx</c>: a chart's table as the page's download control sends it — the columns,
/// the rows (each cell a number, a string or null) — and what the about sheet says of it: title, year, method, data
/// source and version, the chart's note (a map's caption and attribution), the page's address and whether it is demo
/// data.
/// </summary>
public sealed record ChartTable(
    string? Title,
    IReadOnlyList<string?>? Columns,
    IReadOnlyList<IReadOnlyList<JsonElement>?>? Rows,
    int? Year = null,
    string? Method = null,
    string? Source = null,
    string? Version = null,
    string? Url = null,
    bool Demo = false,
    string? FileName = null,
    string? Note = null)
{
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Rows of data: 20,000, and one more for the rare table that names its header as a row.</summary>
    public const int MaxRows = 20_001;

    public const int MaxColumns = 100;

    public const int MaxCellLength = 1_000;

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 8,
    };
}
