using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Core.Tests.Excel;

/// <summary>A cell written exactly as given: its type, value, formula and style (see <see cref="WorkbookBuilder"/>'s styles).</summary>
public sealed record XCell(string? Value, CellValues? Type = null, string? Formula = null, uint Style = 0, bool Inline = false)
{
    public static XCell Error(string error) => new(error, CellValues.Error, "1/0");

    public static XCell FormulaOf(string formula, double? cached) =>
        new(cached?.ToString("R", CultureInfo.InvariantCulture), cached is null ? null : CellValues.Number, formula);

    public static XCell Number(double value, uint style) => new(value.ToString("R", CultureInfo.InvariantCulture), CellValues.Number, Style: style);

    public static XCell InlineText(string text) => new(text, CellValues.InlineString, Inline: true);

    public static XCell Boolean(bool value) => new(value ? "1" : "0", CellValues.Boolean);

    public static XCell IsoDate(string value) => new(value, CellValues.Date);
}

/// <summary>
/// Writes .xlsx/.xlsm workbooks in memory with the Open XML SDK, so that each cell's type, error, formula and number
/// format is exactly what a test says. Strings go to the shared string table; cells are <c>string</c>, <c>double</c>,
/// <c>int</c>, <c>bool</c>, <see cref="XCell"/> or null (no cell). Styles: <see cref="DateStyle"/> (built-in 14),
/// <see cref="CustomDateStyle"/> (<c>yyyy-mm-dd</c>), <see cref="ChineseDateStyle"/> (built-in 31), <see cref="QuotedDStyle"/>
/// (<c>0.0"d"</c>, not a date) and <see cref="ThousandsStyle"/> (built-in 3, <c>#,##0</c>).
/// </summary>
public sealed class WorkbookBuilder
{
    public const uint DateStyle = 1;
    public const uint CustomDateStyle = 2;
    public const uint ChineseDateStyle = 3;
    public const uint QuotedDStyle = 4;
    public const uint ThousandsStyle = 5;

    private readonly List<SheetSpec> _sheets = [];

    public WorkbookBuilder Sheet(string name, Action<SheetSpec> fill, SheetStateValues? state = null)
    {
        var sheet = new SheetSpec(name) { State = state };
        fill(sheet);
        _sheets.Add(sheet);
        return this;
    }

    public WorkbookBuilder ChartSheet(string name)
    {
        _sheets.Add(new SheetSpec(name) { IsChart = true });
        return this;
    }

    /// <summary>A workbook of one sheet named <paramref name="name"/> whose rows start at A1.</summary>
    public static byte[] Simple(string name, params object?[][] rows) =>
        new WorkbookBuilder().Sheet(name, s =>
        {
            for (var i = 0; i < rows.Length; i++)
            {
                s.Row(i + 1, rows[i]);
            }
        }).Build();

    public byte[] Build(bool macroEnabled = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, macroEnabled ? SpreadsheetDocumentType.MacroEnabledWorkbook : SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var strings = new List<string>();
            uint id = 1;
            foreach (var spec in _sheets)
            {
                string relationship;
                if (spec.IsChart)
                {
                    var chart = workbookPart.AddNewPart<ChartsheetPart>();
                    chart.Chartsheet = new Chartsheet(new ChartSheetViews(new ChartSheetView { WorkbookViewId = 0 }));
                    relationship = workbookPart.GetIdOfPart(chart);
                }
                else
                {
                    var part = workbookPart.AddNewPart<WorksheetPart>();
                    part.Worksheet = spec.ToWorksheet(strings);
                    relationship = workbookPart.GetIdOfPart(part);
                }

                var sheet = new Sheet { Name = spec.Name, SheetId = id++, Id = relationship };
                if (spec.State is { } state)
                {
                    sheet.State = state;
                }

                sheets.AppendChild(sheet);
            }

            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
        }

        return stream.ToArray();
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0\"d\"" }),
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 31, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true }));

    /// <summary>One worksheet: rows by their Excel number and first column, and merged ranges.</summary>
    public sealed class SheetSpec(string name)
    {
        private readonly List<(int Row, int Column, object?[] Cells)> _rows = [];
        private readonly List<string> _merges = [];

        public string Name { get; } = name;

        public SheetStateValues? State { get; init; }

        public bool IsChart { get; init; }

        /// <summary>Writes cell references (<c>r="C5"</c>); Excel does, but the format lets a writer leave them out.</summary>
        public bool WriteReferences { get; set; } = true;

        public SheetSpec Row(int row, params object?[] cells) => RowAt(row, 0, cells);

        public SheetSpec RowAt(int row, int firstColumn, params object?[] cells)
        {
            _rows.Add((row, firstColumn, cells));
            return this;
        }

        public SheetSpec Merge(string range)
        {
            _merges.Add(range);
            return this;
        }

        internal Worksheet ToWorksheet(List<string> strings)
        {
            var data = new SheetData();
            foreach (var (number, first, cells) in _rows.OrderBy(r => r.Row))
            {
                var row = new Row { RowIndex = (uint)number };
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is null)
                    {
                        continue;
                    }

                    var cell = ToCell(cells[i]!, strings);
                    if (WriteReferences)
                    {
                        cell.CellReference = Core.Excel.CellReferences.Format(first + i, number);
                    }

                    row.AppendChild(cell);
                }

                data.AppendChild(row);
            }

            var worksheet = new Worksheet(data);
            if (_merges.Count > 0)
            {
                worksheet.AppendChild(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })));
            }

            return worksheet;
        }

        private static Cell ToCell(object value, List<string> strings)
        {
            switch (value)
            {
                case string text:
                    strings.Add(text);
                    return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) };
                case double or int or decimal:
                    return new Cell { CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) };
                case bool flag:
                    return new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
                case XCell x:
                    var cell = new Cell();
                    if (x.Style != 0)
                    {
                        cell.StyleIndex = x.Style;
                    }

                    if (x.Type is { } type && type != CellValues.Number)
                    {
                        cell.DataType = type;
                    }

                    if (x.Formula is not null)
                    {
                        cell.CellFormula = new CellFormula(x.Formula);
                    }

                    if (x.Inline)
                    {
                        cell.InlineString = new InlineString(new Text(x.Value ?? string.Empty));
                    }
                    else if (x.Value is not null)
                    {
                        cell.CellValue = new CellValue(x.Value);
                    }

                    return cell;
                default:
                    throw new ArgumentException($"No cell for {value.GetType()}", nameof(value));
            }
        }
    }
}
