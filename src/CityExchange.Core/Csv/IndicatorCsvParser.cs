using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Csv;

/// <summary>
/// Parses a yearly indicator file: a <c>city</c> column (code, Chinese or English name), indicator columns
/// (codes, any subset, any order), an optional <c>year</c> column, and optional source notes in a <c>source</c>
/// column or <c>source:&lt;indicator&gt;</c> columns. Every problem is located by its row, column and value.
/// Numeric cells (values and the year) may be typed in full-width characters; each one read that way is a notice.
/// Control characters are refused and invisible ones removed (with a notice) as <see cref="CsvTable"/> says.
/// Errors and notices are bounded: the first <see cref="CsvIssueLimit.MaxReported"/> of each by row, and their counts.
/// </summary>
public sealed class IndicatorCsvParser(IndicatorFramework framework, CityDirectory cities)
{
    public const int MaxSourceLength = 500;

    private static readonly string[] CityHeaders = ["city", "城市"];
    private static readonly string[] YearHeaders = ["year", "年份"];

    public IndicatorCsv Parse(ReadOnlySpan<byte> content, int? expectedYear, int maxRows = CsvTable.DefaultMaxRows)
    {
        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        var decoded = DecodedText.Decode(content);
        if (!decoded.IsText)
        {
            errors.Add(1, null, null, decoded.ErrorKey!);
            return Empty(decoded.EncodingName, expectedYear, errors);
        }

        var table = CsvTable.Read(decoded.Text!, errors, notices, maxRows);
        if (table is null)
        {
            return Empty(decoded.EncodingName, expectedYear, errors);
        }

        var layout = ReadHeader(table.Header, errors);
        if (table.Records.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.HeaderOnly);
        }

        var rows = new List<ParsedRow>(table.Records.Count);
        var seenCities = new Dictionary<string, int>(StringComparer.Ordinal);
        int? fileYear = null;
        var yearRefused = false;
        foreach (var record in table.Records)
        {
            if (record.Cells.Length != table.Header.Length)
            {
                errors.Add(record.Line, null, null, MessageKey.RaggedRow, record.Cells.Length, table.Header.Length);
            }

            string Cell(int index) => index >= 0 && index < record.Cells.Length ? record.Cells[index].Trim() : string.Empty;

            // A cell that had invisible characters removed has its notice already: the preview shows one per cell.
            CsvIssueList? NoticesFor(int column) => record.Stripped.Any(i => i < table.Header.Length && table.Header[i] == table.Header[column]) ? null : notices;

            City? city = null;
            var cityText = Cell(layout.CityColumn);
            if (layout.CityColumn >= 0)
            {
                if (cityText.Length == 0)
                {
                    errors.Add(record.Line, table.Header[layout.CityColumn], cityText, MessageKey.MissingCity);
                }
                else
                {
                    var lookup = cities.Lookup(cityText);
                    city = lookup.City;
                    if (city is null)
                    {
                        errors.Add(record.Line, table.Header[layout.CityColumn], cityText, lookup.IsAmbiguous ? MessageKey.AmbiguousCity : MessageKey.UnknownCity,
                            cityText, lookup.DescribeCandidates());
                    }
                    else if (seenCities.TryGetValue(city.Code, out var firstLine))
                    {
                        errors.Add(record.Line, table.Header[layout.CityColumn], cityText, MessageKey.DuplicateCity, cityText, firstLine);
                    }
                    else
                    {
                        seenCities[city.Code] = record.Line;
                    }
                }
            }

            if (layout.YearColumn >= 0)
            {
                fileYear = CheckYear(record.Line, table.Header[layout.YearColumn], Cell(layout.YearColumn), expectedYear ?? fileYear, errors, NoticesFor(layout.YearColumn), ref yearRefused) ?? fileYear;
            }

            var rowSource = layout.SourceColumn >= 0 ? Cell(layout.SourceColumn) : string.Empty;
            var cells = new List<ParsedCell>(layout.Indicators.Count);
            foreach (var (code, column, sourceColumn) in layout.Indicators)
            {
                var raw = Cell(column);
                var source = sourceColumn >= 0 && Cell(sourceColumn).Length > 0 ? Cell(sourceColumn) : rowSource;
                cells.Add(ParseCell(record.Line, table.Header[column], code, raw, source.Length == 0 ? null : source, errors, NoticesFor(column)));
            }

            rows.Add(new ParsedRow(record.Line, cityText, city, cells, rowSource.Length == 0 ? null : rowSource));
        }

        if (errors.Count == 0 && rows.Count > 0 && rows.All(r => r.Cells.All(c => c.Value is null)))
        {
            errors.Add(1, null, null, MessageKey.NoValues);
        }

        if (expectedYear is null && fileYear is null && rows.Count > 0 && !yearRefused)
        {
            errors.Add(1, layout.YearColumn >= 0 ? table.Header[layout.YearColumn] : "year", null, MessageKey.YearMissing);
        }

        return new IndicatorCsv
        {
            Year = expectedYear ?? fileYear,
            EncodingName = decoded.EncodingName,
            Delimiter = table.Delimiter,
            Header = table.Header,
            IndicatorCodes = [.. layout.Indicators.Select(i => i.Code)],
            IndicatorHeaders = [.. layout.Indicators.Select(i => table.Header[i.Column])],
            Rows = rows,
            Errors = errors.ToList(),
            ErrorCount = errors.Count,
            Notices = notices.ToList(),
            NoticeCount = notices.Count,
        };
    }

    private static ParsedCell ParseCell(int line, string column, string code, string raw, string? source, CsvIssueList errors, CsvIssueList? notices)
    {
        if (source is { Length: > MaxSourceLength })
        {
            errors.Add(line, column, source[..40] + "…", MessageKey.SourceTooLong, MaxSourceLength);
            return new ParsedCell(code, raw, null, null, false);
        }

        // Normalised here, after the file is split into cells, so full-width text in names and notes stays as written.
        var text = CsvNumbers.NormaliseWidth(raw);
        if (CsvNumbers.IsMissing(text))
        {
            NoteWidth(line, column, raw, text, notices);
            return new ParsedCell(code, raw, null, source, true);
        }

        switch (CsvNumbers.ReadValue(text, out var value))
        {
            case CellNumber.NotANumber:
                errors.Add(line, column, raw, MessageKey.NotANumber, raw);
                return new ParsedCell(code, raw, null, source, false);
            case CellNumber.TooLarge:
                errors.Add(line, column, raw, MessageKey.ValueTooLarge, raw, CsvNumbers.MaxMagnitude);
                return new ParsedCell(code, raw, null, source, false);
        }

        if (value < 0)
        {
            errors.Add(line, column, raw, MessageKey.Negative, raw);
            return new ParsedCell(code, raw, null, source, false);
        }

        NoteWidth(line, column, raw, text, notices);
        return new ParsedCell(code, raw, value, source, true);
    }

    private static int? CheckYear(int line, string column, string raw, int? expected, CsvIssueList errors, CsvIssueList? notices, ref bool refused)
    {
        var text = CsvNumbers.NormaliseWidth(raw);
        if (CsvNumbers.IsMissing(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
        {
            errors.Add(line, column, raw, MessageKey.YearInvalid, raw);
            refused = true;
            return null;
        }

        if (expected is { } y && y != year)
        {
            errors.Add(line, column, raw, MessageKey.YearMismatch, year, y);
            refused = true;
            return null;
        }

        NoteWidth(line, column, raw, text, notices);
        return year;
    }

    /// <summary>Records that a cell was read from full-width characters (only for a cell that was then accepted).</summary>
    private static void NoteWidth(int line, string column, string raw, string text, CsvIssueList? notices)
    {
        if (notices is not null && raw != text)
        {
            notices.Add(line, column, raw, MessageKey.FullWidthNormalised, raw, text.Trim());
        }
    }

    private HeaderLayout ReadHeader(string[] header, CsvIssueList errors)
    {
        var layout = new HeaderLayout();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var sourceColumns = new Dictionary<string, (int Column, string Name)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                errors.Add(1, null, name, MessageKey.EmptyColumnName, i + 1);
                continue;
            }

            if (!seen.TryAdd(name, i))
            {
                errors.Add(1, name, name, MessageKey.DuplicateColumn, name);
                continue;
            }

            if (CityHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                layout.CityColumn = i;
            }
            else if (YearHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                layout.YearColumn = i;
            }
            else if (name.Equals("source", StringComparison.OrdinalIgnoreCase) || name == "来源")
            {
                layout.SourceColumn = i;
            }
            else if (name.StartsWith("source:", StringComparison.OrdinalIgnoreCase))
            {
                sourceColumns[name["source:".Length..].Trim()] = (i, name);
            }
            else if (ResolveIndicator(name) is { } indicator)
            {
                if (layout.Indicators.Any(x => x.Code == indicator.Code))
                {
                    errors.Add(1, name, name, MessageKey.DuplicateColumn, name);
                    continue;
                }

                layout.Indicators.Add((indicator.Code, i, -1));
            }
            else
            {
                errors.Add(1, name, name, MessageKey.UnknownColumn, name);
            }
        }

        if (layout.CityColumn < 0)
        {
            errors.Add(1, "city", null, MessageKey.MissingCityColumn);
        }

        if (layout.Indicators.Count == 0 && errors.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.NoIndicatorColumns);
        }

        foreach (var (target, (column, name)) in sourceColumns)
        {
            var index = ResolveIndicator(target) is { } ind ? layout.Indicators.FindIndex(x => x.Code == ind.Code) : -1;
            if (index < 0)
            {
                errors.Add(1, name, name, MessageKey.SourceForUnknownIndicator, name);
                continue;
            }

            layout.Indicators[index] = layout.Indicators[index] with { SourceColumn = column };
        }

        return layout;
    }

    /// <summary>Indicator columns are named by code; the Chinese or English name is accepted as well.</summary>
    private Indicator? ResolveIndicator(string name)
    {
        if (framework.TryGet(name, out var indicator))
        {
            return indicator;
        }

        return framework.Indicators.FirstOrDefault(i =>
            string.Equals(i.NameZh, name, StringComparison.Ordinal) || string.Equals(i.NameEn, name, StringComparison.OrdinalIgnoreCase));
    }

    private static IndicatorCsv Empty(string encoding, int? year, CsvIssueList errors) => new()
    {
        Year = year,
        EncodingName = encoding,
        IndicatorCodes = [],
        Rows = [],
        Errors = errors.ToList(),
        ErrorCount = errors.Count,
    };

    private sealed class HeaderLayout
    {
        public int CityColumn { get; set; } = -1;

        public int YearColumn { get; set; } = -1;

        public int SourceColumn { get; set; } = -1;

        public List<(string Code, int Column, int SourceColumn)> Indicators { get; } = [];
    }
}
