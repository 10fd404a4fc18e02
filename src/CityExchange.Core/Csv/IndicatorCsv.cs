using CityExchange.Core.Cities;
using CityExchange.Core.Excel;

namespace CityExchange.Core.Csv;

/// <summary>One parsed cell: the raw text, its value (null when missing or invalid) and an optional source note.</summary>
public sealed record ParsedCell(string IndicatorCode, string Raw, double? Value, string? Source, bool IsValid);

/// <summary>
/// One data row: the line it starts on, the city it names (null when unknown), its cells, and the row's note from the
/// <c>source</c> column (each cell's <see cref="ParsedCell.Source"/> is that note unless a <c>source:&lt;indicator&gt;</c>
/// column gives its own).
/// </summary>
public sealed record ParsedRow(int Line, string CityText, City? City, IReadOnlyList<ParsedCell> Cells, string? Source = null);

/// <summary>A value ready to store.</summary>
public sealed record ParsedValue(string CityCode, string IndicatorCode, double Value, string? Source);

/// <summary>The outcome of parsing a yearly indicator file: rows, the errors (the first 1,000 and their count), and the values when there is none.</summary>
public sealed class IndicatorCsv
{
    public required int? Year { get; init; }

    /// <summary>The text encoding of a CSV file (<c>utf-8</c>, <c>gb18030</c>…); <c>xlsx</c> or <c>xls</c> for a workbook.</summary>
    public required string EncodingName { get; init; }

    /// <summary>What the upload was, told by its content.</summary>
    public UploadFormat Format { get; init; } = UploadFormat.Csv;

    /// <summary>The worksheet read from a workbook (the preview says "sheet 指标"); null for CSV, or when no sheet could be read.</summary>
    public string? Sheet { get; init; }

    public char Delimiter { get; init; } = ',';

    /// <summary>The header cells as written in the file (empty when the file has no header).</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>The indicator codes of the file's columns, in file order.</summary>
    public required IReadOnlyList<string> IndicatorCodes { get; init; }

    /// <summary>The header text of each column in <see cref="IndicatorCodes"/> (a code, or a Chinese or English name), same order.</summary>
    public IReadOnlyList<string> IndicatorHeaders { get; init; } = [];

    public required IReadOnlyList<ParsedRow> Rows { get; init; }

    /// <summary>The first <see cref="CsvIssueLimit.MaxReported"/> errors by row; <see cref="ErrorCount"/> counts them all.</summary>
    public required IReadOnlyList<CsvIssue> Errors { get; init; }

    /// <summary>
    /// What the parser changed without it being an error, located like an error: numeric cells typed in full-width
    /// characters (code <c>FullWidthNormalised</c>; <see cref="CsvIssue.Value"/> is the cell as written), in file order.
    /// </summary>
    public IReadOnlyList<CsvIssue> Notices { get; init; } = [];

    /// <summary>How many errors the file has; <see cref="Errors"/> holds the first <see cref="CsvIssueLimit.MaxReported"/> of them.</summary>
    public required int ErrorCount { get; init; }

    /// <summary>How many notices the file has; <see cref="Notices"/> holds the first <see cref="CsvIssueLimit.MaxReported"/> of them.</summary>
    public int NoticeCount { get; init; }

    public bool IsValid => ErrorCount == 0;

    public IEnumerable<ParsedValue> Values =>
        from row in Rows
        where row.City is not null
        from cell in row.Cells
        where cell.Value.HasValue
        select new ParsedValue(row.City!.Code, cell.IndicatorCode, cell.Value!.Value, cell.Source);
}
