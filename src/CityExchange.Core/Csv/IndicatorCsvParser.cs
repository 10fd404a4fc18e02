using System.Globalization;
using System.Text.RegularExpressions;
using CityExchange.Core.Cities;
using CityExchange.Core.Excel;
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
/// A workbook (.xlsx, .xlsm, .xls, told by content) is read by <see cref="WorkbookReader"/> into the same table and
/// validated the same way; its issues name the sheet and the cell as well, and its rows are the Excel row numbers.
/// A header cell may be the indicator's code, its Chinese or English name (in any case), or "label (code)" with ASCII
/// or full-width parentheses as the templates write them: <c>城市代码 (city)</c>, <c>年份 (year)</c>,
/// <c>对外直接投资 (odi)</c>, <c>Source note (source)</c>; the templates' <c>name_zh</c> and <c>name_en</c> columns
/// (the city's names) are recognised and not read.
/// </summary>
public sealed partial class IndicatorCsvParser(IndicatorFramework framework, CityDirectory cities)
{
    public const int MaxSourceLength = 500;

    private static readonly string[] CityHeaders = ["city", "城市"];
    private static readonly string[] YearHeaders = ["year", "年份"];
    private static readonly string[] SourceHeaders = ["source", "来源", "数据来源"];
    private static readonly string[] NameHeaders = ["name_zh", "name_en"];

    private enum Role
    {
        Unknown,
        City,
        Year,
        Source,
        CityName,
        Indicator,
    }

    /// <summary>
    /// Parses an upload: CSV text, or a workbook (<see cref="WorkbookReader.Detect"/>, by its first bytes). The result's
    /// <see cref="IndicatorCsv.Format"/> and <see cref="IndicatorCsv.Sheet"/> say which it was and which sheet was read.
    /// </summary>
    public IndicatorCsv Parse(ReadOnlySpan<byte> content, int? expectedYear, int maxRows = CsvTable.DefaultMaxRows)
    {
        var format = WorkbookReader.Detect(content);
        if (format != UploadFormat.Csv)
        {
            var workbook = WorkbookReader.Read(content, maxRows);
            var name = workbook.Format == UploadFormat.Xls ? "xls" : "xlsx";
            return workbook.Table is null
                ? Empty(name, expectedYear, workbook.Errors, workbook.Format, workbook.Sheet)
                : Validate(workbook.Table, name, expectedYear, workbook.Errors, workbook.Notices, workbook.Format);
        }

        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        var decoded = DecodedText.Decode(content);
        if (!decoded.IsText)
        {
            errors.Add(1, null, null, decoded.ErrorKey!);
            return Empty(decoded.EncodingName, expectedYear, errors, UploadFormat.Csv, null);
        }

        var table = CsvTable.Read(decoded.Text!, errors, notices, maxRows);
        if (table is null)
        {
            return Empty(decoded.EncodingName, expectedYear, errors, UploadFormat.Csv, null);
        }

        return Validate(table, decoded.EncodingName, expectedYear, errors, notices, UploadFormat.Csv);
    }

    /// <summary>The one validation of a table, whether it came from a CSV file or a worksheet.</summary>
    private IndicatorCsv Validate(CsvTable table, string encodingName, int? expectedYear, CsvIssueList errors, CsvIssueList notices, UploadFormat format)
    {
        var layout = ReadHeader(table, errors);
        if (table.Records.Count == 0)
        {
            errors.Add(table.HeaderLine, null, null, MessageKey.HeaderOnly);
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
            var cityMark = record.MarkAt(layout.CityColumn);
            if (layout.CityColumn >= 0 && MarkError(cityMark, numeric: false) is { } cityError)
            {
                errors.Add(record.Line, table.Header[layout.CityColumn], cityText, cityError, cityText);
            }
            else if (layout.CityColumn >= 0)
            {
                if (cityText.Length == 0 || cityMark == CellMark.NotAvailable)
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
                var yearMark = record.MarkAt(layout.YearColumn);
                if (MarkError(yearMark, numeric: true) is { } yearError)
                {
                    errors.Add(record.Line, table.Header[layout.YearColumn], Cell(layout.YearColumn), yearError, Cell(layout.YearColumn));
                    yearRefused = true;
                }
                else if (yearMark != CellMark.NotAvailable)
                {
                    fileYear = CheckYear(record.Line, table.Header[layout.YearColumn], Cell(layout.YearColumn), expectedYear ?? fileYear, errors, NoticesFor(layout.YearColumn), ref yearRefused) ?? fileYear;
                }
            }

            // A source note that is an error value (or a formula without one) is refused; #N/A is no note.
            string SourceAt(int column)
            {
                if (column < 0)
                {
                    return string.Empty;
                }

                var mark = record.MarkAt(column);
                if (MarkError(mark, numeric: false) is { } sourceError)
                {
                    errors.Add(record.Line, table.Header[column], Cell(column), sourceError, Cell(column));
                }

                return mark == CellMark.None ? Cell(column) : string.Empty;
            }

            var rowSource = SourceAt(layout.SourceColumn);
            var cells = new List<ParsedCell>(layout.Indicators.Count);
            foreach (var (code, column, sourceColumn) in layout.Indicators)
            {
                var raw = Cell(column);
                var ownSource = SourceAt(sourceColumn);
                var source = ownSource.Length > 0 ? ownSource : rowSource;
                cells.Add(ParseCell(record.Line, table.Header[column], code, raw, record.MarkAt(column), source.Length == 0 ? null : source, errors, NoticesFor(column)));
            }

            rows.Add(new ParsedRow(record.Line, cityText, city, cells, rowSource.Length == 0 ? null : rowSource));
        }

        if (errors.Count == 0 && rows.Count > 0 && rows.All(r => r.Cells.All(c => c.Value is null)))
        {
            errors.Add(table.HeaderLine, null, null, MessageKey.NoValues);
        }

        if (expectedYear is null && fileYear is null && rows.Count > 0 && !yearRefused)
        {
            errors.Add(table.HeaderLine, layout.YearColumn >= 0 ? table.Header[layout.YearColumn] : "year", null, MessageKey.YearMissing);
        }

        return new IndicatorCsv
        {
            Year = expectedYear ?? fileYear,
            EncodingName = encodingName,
            Format = format,
            Sheet = table.Sheet,
            Delimiter = table.Delimiter,
            Header = table.Header,
            IndicatorCodes = [.. layout.Indicators.Select(i => i.Code)],
            IndicatorHeaders = [.. layout.Indicators.Select(i => table.Header[i.Column])],
            Rows = rows,
            Errors = Locate(errors.ToList(), table.Sheet, table),
            ErrorCount = errors.Count,
            Notices = Locate(notices.ToList(), table.Sheet, table),
            NoticeCount = notices.Count,
        };
    }

    /// <summary>
    /// Names the sheet of every issue from a workbook, and the cell of each one about a cell of the table: the issue's
    /// column (a header text, as echoed) on its row. Issues that name their cell already keep it.
    /// </summary>
    private static IReadOnlyList<CsvIssue> Locate(IReadOnlyList<CsvIssue> issues, string? sheet, CsvTable? table)
    {
        if (sheet is null)
        {
            return issues;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; table is not null && i < table.Header.Length; i++)
        {
            columns.TryAdd(VisibleText.Echo(table.Header[i])!, i);
        }

        return [.. issues.Select(issue => issue with
        {
            Sheet = sheet,
            Cell = issue.Cell ?? (issue.Column is { } column && columns.TryGetValue(column, out var index) ? table!.CellReference(issue.Row, index) : null),
        })];
    }

    /// <summary>The error a workbook cell's mark makes of it, before its text is read; null when the text decides.</summary>
    private static string? MarkError(CellMark mark, bool numeric) => mark switch
    {
        CellMark.Error => MessageKey.CellError,
        CellMark.FormulaWithoutValue => MessageKey.FormulaWithoutValue,
        CellMark.Date when numeric => MessageKey.DateWhereNumber,
        _ => null,
    };

    private static ParsedCell ParseCell(int line, string column, string code, string raw, CellMark mark, string? source, CsvIssueList errors, CsvIssueList? notices)
    {
        if (source is { Length: > MaxSourceLength })
        {
            errors.Add(line, column, source[..40] + "…", MessageKey.SourceTooLong, MaxSourceLength);
            return new ParsedCell(code, raw, null, null, false);
        }

        if (mark == CellMark.NotAvailable)
        {
            notices?.Add(line, column, raw, MessageKey.NotAvailableReadAsMissing, raw);
            return new ParsedCell(code, raw, null, source, true);
        }

        if (MarkError(mark, numeric: true) is { } markError)
        {
            errors.Add(line, column, raw, markError, raw);
            return new ParsedCell(code, raw, null, source, false);
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

    private HeaderLayout ReadHeader(CsvTable table, CsvIssueList errors)
    {
        var header = table.Header;
        var line = table.HeaderLine;
        var layout = new HeaderLayout();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var sourceColumns = new Dictionary<string, (int Column, string Name)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            var cell = table.CellReference(line, i);
            if (name.Length == 0)
            {
                errors.AddAt(cell, line, null, name, MessageKey.EmptyColumnName, i + 1);
                continue;
            }

            if (!seen.TryAdd(name, i))
            {
                errors.AddAt(cell, line, name, name, MessageKey.DuplicateColumn, name);
                continue;
            }

            if (name.StartsWith("source:", StringComparison.OrdinalIgnoreCase))
            {
                sourceColumns[name["source:".Length..].Trim()] = (i, name);
                continue;
            }

            var (role, indicator) = Resolve(name);
            var duplicate = role switch
            {
                Role.City => Assign(layout.CityColumn, i, c => layout.CityColumn = c),
                Role.Year => Assign(layout.YearColumn, i, c => layout.YearColumn = c),
                Role.Source => Assign(layout.SourceColumn, i, c => layout.SourceColumn = c),
                Role.CityName => false,
                Role.Indicator when layout.Indicators.Any(x => x.Code == indicator!.Code) => true,
                Role.Indicator => AddIndicator(indicator!.Code, i),
                _ => false,
            };

            if (duplicate)
            {
                errors.AddAt(cell, line, name, name, MessageKey.DuplicateColumn, name);
            }
            else if (role == Role.Unknown)
            {
                errors.AddAt(cell, line, name, name, MessageKey.UnknownColumn, name);
            }
        }

        if (layout.CityColumn < 0)
        {
            errors.Add(line, "city", null, MessageKey.MissingCityColumn);
        }

        if (layout.Indicators.Count == 0 && errors.Count == 0)
        {
            errors.Add(line, null, null, MessageKey.NoIndicatorColumns);
        }

        foreach (var (target, (column, name)) in sourceColumns)
        {
            var index = ResolveIndicator(target) is { } ind ? layout.Indicators.FindIndex(x => x.Code == ind.Code) : -1;
            if (index < 0)
            {
                errors.AddAt(table.CellReference(line, column), line, name, name, MessageKey.SourceForUnknownIndicator, name);
                continue;
            }

            layout.Indicators[index] = layout.Indicators[index] with { SourceColumn = column };
        }

        return layout;

        // A second city, year or source column is a duplicate, whatever each is called.
        static bool Assign(int current, int column, Action<int> set)
        {
            if (current >= 0)
            {
                return true;
            }

            set(column);
            return false;
        }

        bool AddIndicator(string code, int column)
        {
            layout.Indicators.Add((code, column, -1));
            return false;
        }
    }

    /// <summary>What a header cell names: a column by its word (<c>city</c>, <c>城市</c>…), an indicator, or "label (code)" for either.</summary>
    private (Role Role, Indicator? Indicator) Resolve(string name)
    {
        if (RoleOf(name) is { } role)
        {
            return (role, null);
        }

        if (ResolveIndicator(name) is { } indicator)
        {
            return (Role.Indicator, indicator);
        }

        var labelled = LabelledColumn().Match(name);
        if (labelled.Success)
        {
            var code = labelled.Groups["code"].Value;
            if (RoleOf(code) is { } labelledRole)
            {
                return (labelledRole, null);
            }

            if (framework.TryGet(code, out var byCode))
            {
                return (Role.Indicator, byCode);
            }
        }

        return (Role.Unknown, null);
    }

    private static Role? RoleOf(string name) =>
        CityHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Role.City
        : YearHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Role.Year
        : SourceHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Role.Source
        : NameHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? Role.CityName
        : null;

    /// <summary>Indicator columns are named by code; the Chinese or English name (trimmed, in any case) is accepted as well.</summary>
    private Indicator? ResolveIndicator(string name)
    {
        if (framework.TryGet(name, out var indicator))
        {
            return indicator;
        }

        var trimmed = name.Trim();
        return framework.Indicators.FirstOrDefault(i =>
            string.Equals(i.NameZh.Trim(), trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(i.NameEn.Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"对外直接投资 (odi)", "City code (city)": a label, then the code in ASCII or full-width parentheses.</summary>
    [GeneratedRegex(@"^.*?[ \u3000]*[(（][ \u3000]*(?<code>[^()（）]+?)[ \u3000]*[)）]$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledColumn();

    private static IndicatorCsv Empty(string encoding, int? year, CsvIssueList errors, UploadFormat format, string? sheet) => new()
    {
        Year = year,
        EncodingName = encoding,
        Format = format,
        Sheet = sheet,
        IndicatorCodes = [],
        Rows = [],
        Errors = Locate(errors.ToList(), sheet, null),
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
