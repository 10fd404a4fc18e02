using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Core.Tests.Excel;

/// <summary>A written workbook opened with the Open XML SDK (not the library that wrote it), for literal assertions.</summary>
public sealed class TableWorkbookXlsx : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public TableWorkbookXlsx(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => [.. Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The cell at an A1 reference, or null when the file has none there.</summary>
    public static Cell? CellAt(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>What a reader sees in the cell: the inline or shared string, or the raw number text; null when empty or absent.</summary>
    public string? Text(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        if (cell is null)
        {
            return null;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.CellValue?.Text;
    }

    /// <summary>"n" for a numeric cell (no t attribute means number), "inlineStr"/"s"/"str"… otherwise; null when absent.</summary>
    public static string? TypeOf(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference);
        if (cell is null)
        {
            return null;
        }

        return cell.DataType is null ? "n" : cell.DataType.InnerText;
    }

    public bool IsBold(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        var styles = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var font = styles.Fonts!.Elements<Font>().ElementAt((int)(format.FontId?.Value ?? 0));
        return font.Bold is not null && (font.Bold.Val is null || font.Bold.Val.Value);
    }

    /// <summary>The number format code of the cell's style; null for General.</summary>
    public string? NumberFormatOf(Worksheet sheet, string reference)
    {
        var cell = CellAt(sheet, reference) ?? throw new InvalidOperationException($"No cell {reference}.");
        var styles = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return id == 0 ? null : styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? $"builtin {id}";
    }

    public static Pane? FrozenPane(Worksheet sheet) => sheet.SheetViews?.Elements<SheetView>().SingleOrDefault()?.Pane;

    /// <summary>Width by 1-based column, from the cols element.</summary>
    public static IReadOnlyDictionary<uint, double> Widths(Worksheet sheet) =>
        sheet.Elements<Columns>().SingleOrDefault()?.Elements<Column>()
            .SelectMany(c => Enumerable.Range((int)c.Min!.Value, (int)(c.Max!.Value - c.Min.Value + 1)).Select(i => ((uint)i, c.Width!.Value)))
            .ToDictionary(x => x.Item1, x => x.Item2) ?? new Dictionary<uint, double>();

    public static IReadOnlyList<DataValidation> Validations(Worksheet sheet) =>
        [.. sheet.Elements<DataValidations>().SingleOrDefault()?.Elements<DataValidation>() ?? []];

    public static IReadOnlyList<Row> Rows(Worksheet sheet) => [.. sheet.Descendants<Row>()];

    public void Dispose() => _document.Dispose();
}
