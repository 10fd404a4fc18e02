using System.Buffers;
using System.Globalization;
using System.Text;
using CityExchange.Core.Resources;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityExchange.Core.Csv;

/// <summary>
/// A data row of a CSV file with the line number it starts on (the header is line 1). <see cref="Stripped"/> lists
/// the cells that had invisible characters removed (the notice for each is given already, one per column name).
/// </summary>
public sealed record CsvRecord(int Line, string[] Cells)
{
    public IReadOnlyList<int> Stripped { get; init; } = [];

    /// <summary>What a workbook said about each cell beyond its text (a date format, an error value…); null for CSV.</summary>
    public IReadOnlyList<CellMark>? Marks { get; init; }

    public CellMark MarkAt(int column) => Marks is { } marks && column >= 0 && column < marks.Count ? marks[column] : CellMark.None;
}

/// <summary>What a workbook cell was beyond its text, for the checks that text alone cannot make.</summary>
public enum CellMark : byte
{
    None,

    /// <summary>A number formatted as a date or time: a date where a number may belong.</summary>
    Date,

    /// <summary>An error value other than <c>#N/A</c> (<c>#DIV/0!</c>, <c>#REF!</c>…); the text is the error.</summary>
    Error,

    /// <summary><c>#N/A</c>: read as missing, with a notice.</summary>
    NotAvailable,

    /// <summary>A formula with no cached value (the file was written by a program that does not calculate); the text is the formula.</summary>
    FormulaWithoutValue,
}

/// <summary>
/// A CSV file read strictly with CsvHelper (invariant culture): header, data rows with their line numbers,
/// and every structural problem (ragged rows, bad quoting) as a located issue. Blank rows are skipped, and so are
/// comment lines after the header: lines starting with <see cref="CommentPrefix"/> (the upload templates end with one
/// saying where their values come from). Before the header a <c>#</c> line is the header, so the header stays line 1.
/// Every cell, in every encoding, is checked for text that cannot be seen: a control character (C0 but tab, CR and
/// LF; DEL; C1 — so also any ESC sequence) is a located <see cref="MessageKey.ControlCharacter"/> error, and a BOM or
/// zero-width character (<see cref="StrippedCharacters"/>) is removed with a located
/// <see cref="MessageKey.InvisibleCharacterRemoved"/> notice: it is invisible in a spreadsheet, and kept it would make
/// 北京 followed by U+200B a city of its own. The checks after this see the cell without either.
/// </summary>
public sealed class CsvTable
{
    public const int DefaultMaxRows = 100_000;

    /// <summary>A line after the header that starts with this character (unquoted) is a comment.</summary>
    public const char CommentPrefix = '#';

    /// <summary>Removed from every cell: the BOM (U+FEFF) and the zero-width space, non-joiner, joiner and word joiner.</summary>
    public const string StrippedCharacters = "\uFEFF\u200B\u200C\u200D\u2060";

    private static readonly SearchValues<char> Unwanted = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(IsRefused), .. StrippedCharacters]);

    private CsvTable(char delimiter, string[] header, List<CsvRecord> records)
    {
        Delimiter = delimiter;
        Header = header;
        Records = records;
    }

    /// <summary>The worksheet the table was read from; null for a CSV file.</summary>
    public string? Sheet { get; private init; }

    /// <summary>The line (Excel row number) of the header: 1 in a CSV file, the first non-empty row in a worksheet.</summary>
    public int HeaderLine { get; private init; } = 1;

    /// <summary>The worksheet column (0 = A) of the first header cell; 0 for a CSV file.</summary>
    public int FirstColumn { get; private init; }

    public char Delimiter { get; }

    public string[] Header { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Reads <paramref name="text"/>; returns null (with an issue) when there is no header at all.</summary>
    public static CsvTable? Read(string text, CsvIssueList issues, CsvIssueList notices, int maxRows = DefaultMaxRows)
    {
        var delimiter = DetectDelimiter(text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            IgnoreBlankLines = false,
            DetectDelimiter = false,
            Mode = CsvMode.RFC4180,
            BadDataFound = null,
        };

        string[]? header = null;
        var records = new List<CsvRecord>();
        var badLines = new HashSet<int>();
        config.BadDataFound = args => badLines.Add(args.Context.Parser?.RawRow ?? 0);

        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        var previousEnd = 0;
        var tooMany = false;
        while (parser.Read())
        {
            var start = previousEnd + 1;
            previousEnd = parser.RawRow;
            // The raw line, so a quoted "#…" cell is data; Excel keeps a comment line as it is (padded with commas).
            if (header is not null && parser.RawRecord.StartsWith(CommentPrefix))
            {
                continue;
            }

            var cells = parser.Record ?? [];
            var stripped = Clean(cells, start, header, issues, notices);
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim())];
                continue;
            }

            if (records.Count >= maxRows)
            {
                tooMany = true;
                break;
            }

            if (badLines.Remove(previousEnd))
            {
                issues.Add(start, null, null, MessageKey.BadQuote);
            }

            records.Add(new CsvRecord(start, cells) { Stripped = stripped });
        }

        if (header is null)
        {
            issues.Add(1, null, null, MessageKey.EmptyFile);
            return null;
        }

        if (tooMany)
        {
            issues.AddPinned(Issue(previousEnd, null, null, MessageKey.TooManyRows, maxRows));
        }

        return new CsvTable(delimiter, header, records);
    }

    /// <summary>
    /// A table read from a worksheet (<see cref="Excel.WorkbookReader"/>): the header found on <paramref name="headerLine"/>
    /// at column <paramref name="firstColumn"/> and the data rows, each as wide as the header, streamed from the sheet
    /// and checked as a CSV file's are (control and invisible characters, blank rows skipped, at most
    /// <paramref name="maxRows"/>: the row past it stops the reading with <see cref="MessageKey.TooManyRows"/>).
    /// </summary>
    internal static CsvTable FromRows(string sheet, int headerLine, int firstColumn, string[] header, IEnumerable<CsvRecord> rows,
        CsvIssueList issues, CsvIssueList notices, int maxRows = DefaultMaxRows)
    {
        Clean(header, headerLine, null, issues, notices);
        var trimmed = header.Select(c => c.Trim()).ToArray();
        var records = new List<CsvRecord>();
        foreach (var row in rows)
        {
            var stripped = Clean(row.Cells, row.Line, trimmed, issues, notices);
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (records.Count >= maxRows)
            {
                // Leaving the loop disposes the reader: nothing after this row is read.
                issues.AddPinned(Issue(row.Line, null, null, MessageKey.TooManyRows, maxRows));
                break;
            }

            records.Add(row with { Stripped = stripped });
        }

        return new CsvTable(',', trimmed, records) { Sheet = sheet, HeaderLine = headerLine, FirstColumn = firstColumn };
    }

    /// <summary>Whether a cell is blank once the characters <see cref="StrippedCharacters"/> are removed, as a row is judged blank.</summary>
    internal static bool IsBlank(string cell) =>
        string.IsNullOrWhiteSpace(cell) ||
        (cell.AsSpan().IndexOfAny(StrippedCharacters) >= 0 && string.IsNullOrWhiteSpace(string.Concat(cell.Where(c => !StrippedCharacters.Contains(c, StringComparison.Ordinal)))));

    /// <summary>The workbook reference (<c>C5</c>) of column <paramref name="column"/> of the table on <paramref name="line"/>; null for a CSV file.</summary>
    public string? CellReference(int line, int column) =>
        Sheet is null || column < 0 ? null : Excel.CellReferences.Format(FirstColumn + column, line);

    /// <summary>An issue with its localised message; the column, the value and every text argument are echoed visibly.</summary>
    internal static CsvIssue Issue(int row, string? column, string? value, string key, params object?[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is string text)
            {
                args[i] = VisibleText.Echo(text);
            }
        }

        return new(row, VisibleText.Echo(column), VisibleText.Echo(value), key, Messages.Format(key, args));
    }

    private static bool IsRefused(char c) => char.IsControl(c) && c is not ('\t' or '\r' or '\n');

    /// <summary>
    /// Refuses control characters and removes invisible ones from the cells of one line, in place; returns the cells
    /// that had invisible characters removed. Header cells (<paramref name="header"/> still null) are located by row only.
    /// </summary>
    private static IReadOnlyList<int> Clean(string[] cells, int line, string[]? header, CsvIssueList errors, CsvIssueList notices)
    {
        List<int>? stripped = null;
        HashSet<string>? noted = null;
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            var first = cell.AsSpan().IndexOfAny(Unwanted);
            if (first < 0)
            {
                continue;
            }

            var column = header is not null && i < header.Length ? header[i] : null;
            var kept = new StringBuilder(cell.Length);
            var removed = new List<string>();
            string? refused = null;
            kept.Append(cell, 0, first);
            for (var k = first; k < cell.Length; k++)
            {
                var c = cell[k];
                if (IsRefused(c))
                {
                    refused ??= VisibleText.CodePoint(c);
                }
                else if (StrippedCharacters.Contains(c, StringComparison.Ordinal))
                {
                    var name = VisibleText.CodePoint(c);
                    if (!removed.Contains(name))
                    {
                        removed.Add(name);
                    }
                }
                else
                {
                    kept.Append(c);
                }
            }

            cells[i] = kept.ToString();
            if (refused is not null)
            {
                errors.Add(line, column, cell, MessageKey.ControlCharacter, cell, refused);
            }

            // One notice per cell: the preview finds notices by row and column name, which a repeated column shares.
            if (removed.Count > 0)
            {
                (stripped ??= []).Add(i);
                if (column is null || (noted ??= new(StringComparer.Ordinal)).Add(column))
                {
                    notices.Add(line, column, cell, MessageKey.InvisibleCharacterRemoved, cell, string.Join(", ", removed), cells[i].Trim());
                }
            }
        }

        return stripped ?? (IReadOnlyList<int>)[];
    }

    /// <summary>Comma, unless the header line has none and holds tabs (or else semicolons) instead.</summary>
    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        if (firstLine.Contains(','))
        {
            return ',';
        }

        if (firstLine.Contains('\t'))
        {
            return '\t';
        }

        return firstLine.Contains(';') ? ';' : ',';
    }
}
