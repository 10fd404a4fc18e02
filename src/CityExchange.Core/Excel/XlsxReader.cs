using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Core.Excel;

/// <summary>
/// Reads the chosen worksheet of a .xlsx/.xlsm with the Open XML SDK, streaming the sheet (SAX, <see cref="OpenXmlReader"/>)
/// so that a sheet of a million rows is read only up to the row limit. Only values are read: a macro is never run.
/// </summary>
internal sealed partial class XlsxReader(CsvIssueList errors) : ISheetReader
{
    private readonly List<MergedRange> _merges = [];
    private List<string> _sharedStrings = [];
    private bool[] _dateStyles = [];
    private WorksheetPart? _sheet;

    public IReadOnlyList<MergedRange> Merges => _merges;

    public bool Stopped { get; private set; }

    /// <summary>Chooses the sheet to read (<see cref="WorkbookReader.IsDataSheetName"/>) and returns its name; null, with the error added, when there is none.</summary>
    public string? Open(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var worksheets = new List<(string Name, WorksheetPart Part, bool Visible)>();
        foreach (var sheet in sheets)
        {
            if (sheet.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                var visible = sheet.State is null || sheet.State.Value == SheetStateValues.Visible;
                worksheets.Add((sheet.Name?.Value ?? string.Empty, worksheet, visible));
            }
        }

        if (worksheets.Count == 0)
        {
            errors.Add(1, null, null, sheets.Count == 0 ? MessageKey.EmptyFile : MessageKey.ChartSheetsOnly);
            return null;
        }

        var shown = worksheets.Where(w => w.Visible).ToList();
        if (shown.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.HiddenSheetsOnly, string.Join(", ", worksheets.Select(w => w.Name)));
            return null;
        }

        var chosen = shown.FirstOrDefault(w => WorkbookReader.IsDataSheetName(w.Name));
        if (chosen.Part is null)
        {
            chosen = shown[0];
        }

        _dateStyles = DateStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
        _sharedStrings = workbookPart.SharedStringTablePart is { } strings ? SharedStrings(strings) : [];
        _sheet = chosen.Part;
        return chosen.Name;
    }

    public IEnumerable<SheetRow> Rows()
    {
        using var reader = OpenXmlReader.Create(_sheet ?? throw new InvalidOperationException("no sheet chosen"));
        SheetRow? pending = null;
        var rowNumber = 0;
        var column = -1;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                if (pending is { Cells.Count: > 0 })
                {
                    yield return pending;
                }

                rowNumber = RowNumber(reader, rowNumber);
                pending = new SheetRow(rowNumber, []);
                column = -1;
                reader.Read();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                // Loading the cell leaves the reader on its end tag.
                var cell = (Cell)reader.LoadCurrentElement()!;
                column = cell.CellReference?.Value is { } reference && CellReferences.TryParse(reference, out var c, out _) ? c : column + 1;
                if (pending is null || Value(cell) is not { } content)
                {
                    continue;
                }

                if (column >= WorkbookLimits.MaxColumns)
                {
                    var at = CellReferences.Format(column, rowNumber);
                    errors.AddPinned(CsvTable.Issue(rowNumber, null, null, MessageKey.TooManyColumns, WorkbookLimits.MaxColumns, at) with { Cell = at });
                    Stopped = true;
                    yield break;
                }

                pending.Cells.Add(new SheetCell(column, content.Text, content.Mark));
            }
            else if (reader.IsEndElement && reader.ElementType == typeof(SheetData))
            {
                if (pending is { Cells.Count: > 0 })
                {
                    yield return pending;
                }

                pending = null;
                reader.Read();
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(MergeCell))
            {
                var merge = (MergeCell)reader.LoadCurrentElement()!;
                if (merge.Reference?.Value is { } range && CellReferences.TryParseRange(range, out var from, out var to))
                {
                    _merges.Add(new MergedRange(from.Column, from.Row, to.Column, to.Row));
                }
            }
            else
            {
                reader.Read();
            }
        }

        if (pending is { Cells.Count: > 0 })
        {
            yield return pending;
        }
    }

    private static int RowNumber(OpenXmlReader reader, int previous)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return number;
            }
        }

        return previous + 1;
    }

    /// <summary>A cell's text as a CSV file would hold it, and its mark; null for a cell without content (only a style).</summary>
    private (string Text, CellMark Mark)? Value(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? (TextOf(inline), CellMark.None) : null;
        }

        var value = cell.CellValue?.Text;
        if (value is null)
        {
            return cell.CellFormula is { } formula ? ("=" + formula.Text, CellMark.FormulaWithoutValue) : null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _sharedStrings.Count
                ? (_sharedStrings[index], CellMark.None)
                : throw new InvalidDataException("shared string out of range");
        }

        if (type == CellValues.Boolean)
        {
            return (value.Trim() is "1" or "true" ? "TRUE" : "FALSE", CellMark.None);
        }

        if (type == CellValues.Error)
        {
            return (value, value.Trim() == "#N/A" ? CellMark.NotAvailable : CellMark.Error);
        }

        if (type == CellValues.String)
        {
            return (Unescape(value), CellMark.None);
        }

        if (type == CellValues.Date)
        {
            return (value, CellMark.Date);
        }

        var style = cell.StyleIndex?.Value ?? 0;
        var date = style < _dateStyles.Length && _dateStyles[style];
        var text = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : value;
        return (text, date && text.Length > 0 ? CellMark.Date : CellMark.None);
    }

    /// <summary>For each cell format (<c>xf</c>), whether its number format shows a date or time.</summary>
    private static bool[] DateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } formats)
        {
            return [];
        }

        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id)
            {
                custom[id] = format.FormatCode?.Value ?? string.Empty;
            }
        }

        return [.. formats.Elements<CellFormat>().Select(f =>
        {
            var id = f.NumberFormatId?.Value ?? 0;
            return NumberFormats.IsDate(id, custom.GetValueOrDefault(id));
        })];
    }

    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                strings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
            }
            else
            {
                reader.Read();
            }
        }

        return strings;
    }

    /// <summary>The text of a string item: its text, or its runs' texts joined; phonetic guides (<c>rPh</c>) are not text.</summary>
    private static string TextOf(OpenXmlCompositeElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t)
            {
                text.Append(t.Text);
            }
            else if (child is Run run && run.Text is { } runText)
            {
                text.Append(runText.Text);
            }
        }

        return Unescape(text.ToString());
    }

    /// <summary>Excel writes characters XML cannot hold as <c>_xHHHH_</c> (a tab as <c>_x0009_</c>); read back, so they are checked as in CSV.</summary>
    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? EscapedCharacter().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedCharacter();
}
