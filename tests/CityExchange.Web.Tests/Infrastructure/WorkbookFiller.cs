using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>
/// Fills in a downloaded template as a person in Excel would (numbers as numbers, text as shared strings), with the
/// Open XML SDK. Shared by the Web and browser tests (linked into the E2E project).
/// </summary>
public static class WorkbookFiller
{
    /// <summary>The template with cells set in the rows of the given city codes (column A): numbers as numbers, anything else as a shared string.</summary>
    /// <summary>
    /// <see cref="Fill"/> by indicator code: the column is the one whose header ends "(code)", as the template heads
    /// them ("外籍人员居民人数 (foreign_residents)").
    /// </summary>
    public static byte[] FillByCode(byte[] template, string sheetName, IEnumerable<(string City, string Indicator, string Value)> cells)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Open(new MemoryStream(template), isEditable: false))
        {
            var book = document.WorkbookPart!;
            var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var header = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First();
            foreach (var cell in header.Elements<Cell>())
            {
                var text = CellText(cell);
                var open = text.LastIndexOf('(');
                if (open >= 0 && text.EndsWith(')'))
                {
                    columns[text[(open + 1)..^1]] = ColumnOf(cell.CellReference!);
                }
            }
        }

        return Fill(template, sheetName, [.. cells.Select(c => (c.City, columns[c.Indicator], c.Value))]);
    }

    public static byte[] Fill(byte[] template, string sheetName, params (string City, string Column, string Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var book = document.WorkbookPart!;
            var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var strings = (book.SharedStringTablePart ?? book.AddNewPart<SharedStringTablePart>()).SharedStringTable ??= new SharedStringTable();
            foreach (var (city, column, value) in cells)
            {
                var row = data.Elements<Row>().Single(r => r.Elements<Cell>().Any(c => c.CellReference == $"A{r.RowIndex}" && CellText(c) == city));
                var reference = $"{column}{row.RowIndex}";
                var cell = row.Elements<Cell>().SingleOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new Cell { CellReference = reference };
                    var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(ColumnOf(c.CellReference!), column) < 0 && ColumnOf(c.CellReference!).Length <= column.Length);
                    if (after is null)
                    {
                        row.PrependChild(cell);
                    }
                    else
                    {
                        row.InsertAfter(cell, after);
                    }
                }

                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    cell.DataType = null;
                    cell.CellValue = new CellValue(value);
                }
                else
                {
                    strings.AppendChild(new SharedStringItem(new Text(value)));
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue((strings.Elements<SharedStringItem>().Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                cell.InlineString = null;
            }
        }

        return stream.ToArray();
    }

    private static string ColumnOf(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    private static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
