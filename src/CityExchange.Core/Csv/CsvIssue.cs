namespace CityExchange.Core.Csv;

/// <summary>
/// A problem found in an uploaded file, located by <see cref="Row"/> (line number in a CSV file, the header is 1; the
/// Excel row number in a workbook) and <see cref="Column"/> (the header name). <see cref="Code"/> is stable;
/// <see cref="Message"/> is localised. An issue from a workbook also names its <see cref="Sheet"/> and, when it is
/// about one cell, the <see cref="Cell"/> (<c>C5</c>).
/// </summary>
public sealed record CsvIssue(int Row, string? Column, string? Value, string Code, string Message)
{
    /// <summary>The worksheet the issue is on; null for a CSV file.</summary>
    public string? Sheet { get; init; }

    /// <summary>The cell reference (<c>C5</c>) of a workbook issue about one cell; null otherwise and for a CSV file.</summary>
    public string? Cell { get; init; }
}
