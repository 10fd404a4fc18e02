using System.Globalization;
using CityExchange.Core.Resources;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityExchange.Core.Csv;

/// <summary>A data row of a CSV file with the line number it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, string[] Cells);

/// <summary>
/// A CSV file read strictly with CsvHelper (invariant culture): header, data rows with their line numbers,
/// and every structural problem (ragged rows, bad quoting) as a located issue. Blank rows are skipped, and so are
/// comment lines after the header: lines starting with <see cref="CommentPrefix"/> (the upload templates end with one
/// saying where their values come from). Before the header a <c>#</c> line is the header, so the header stays line 1.
/// </summary>
public sealed class CsvTable
{
    public const int DefaultMaxRows = 100_000;

    /// <summary>A line after the header that starts with this character (unquoted) is a comment.</summary>
    public const char CommentPrefix = '#';

    private CsvTable(char delimiter, string[] header, List<CsvRecord> records)
    {
        Delimiter = delimiter;
        Header = header;
        Records = records;
    }

    public char Delimiter { get; }

    public string[] Header { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    /// <summary>Reads <paramref name="text"/>; returns null (with an issue) when there is no header at all.</summary>
    public static CsvTable? Read(string text, CsvIssueList issues, int maxRows = DefaultMaxRows)
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
            var cells = parser.Record ?? [];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim())];
                continue;
            }

            // The raw line, so a quoted "#…" cell is data; Excel keeps a comment line as it is (padded with commas).
            if (parser.RawRecord.StartsWith(CommentPrefix))
            {
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

            records.Add(new CsvRecord(start, cells));
        }

        if (header is null)
        {
            issues.Add(1, null, null, MessageKey.EmptyFile);
            return null;
        }

        if (tooMany)
        {
            issues.Add(previousEnd, null, null, MessageKey.TooManyRows, maxRows);
        }

        return new CsvTable(delimiter, header, records);
    }

    internal static CsvIssue Issue(int row, string? column, string? value, string key, params object?[] args) =>
        new(row, column, value, key, Messages.Format(key, args));

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
