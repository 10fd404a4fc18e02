using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// What a city office does: download the Excel template, fill it in, upload it as it is — and see it ranked, or every
/// mistake located by sheet and cell with nothing stored. The workbook is filled with the Open XML SDK (as Excel would
/// save it: numbers as numbers, text as shared strings). Years 2141–2143.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class WorkbookRoundTripTests(CityExchangeFactory factory)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [InlineData("en", 2141, "indicators")]
    [InlineData("zh-CN", 2142, "指标")]
    public async Task TheTemplateFilledIn_UploadsAsItIs_AndIsRanked(string culture, int year, string sheet)
    {
        var template = await factory.CreateClient().GetByteArrayAsync(new Uri($"/api/years/{year}/template?format=xlsx&fill=blank&culture={culture}", UriKind.Relative));
        var filled = Fill(template, sheet, ("beijing", "E", "120"), ("beijing", "S", "9"), ("shanghai", "E", "80"), ("shanghai", "S", "7"), ("guangzhou", "S", "3"));

        using var response = await PutAsync(year, filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("cities").GetInt32());
        Assert.Equal(5, summary.GetProperty("values").GetInt32());
        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/rankings/{year}");
        Assert.Equal("beijing", ranking.GetProperty("cities")[0].GetProperty("code").GetString());
        using var history = await factory.CreateClientWithToken().GetAsync(new Uri($"/api/imports?year={year}", UriKind.Relative));
        Assert.Equal($"api-{year}.xlsx", (await history.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AMistakeInTheWorkbook_IsLocatedBySheetAndCell_AndNothingIsStored()
    {
        const int year = 2143;
        var template = await factory.CreateClient().GetByteArrayAsync(new Uri($"/api/years/{year}/template?format=xlsx&fill=blank&culture=en", UriKind.Relative));
        var filled = Fill(template, "indicators", ("beijing", "E", "120"), ("shanghai", "E", "lots"));

        using var response = await PutAsync(year, filled);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("NotANumber", error.GetProperty("code").GetString());
        Assert.Equal("indicators", error.GetProperty("sheet").GetString());
        var row = error.GetProperty("row").GetInt32();
        Assert.Equal($"E{row}", error.GetProperty("cell").GetString());
        Assert.Equal("Foreign residents (foreign_residents)", error.GetProperty("column").GetString());
        Assert.Equal("lots", error.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri($"/api/rankings/{year}", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpResponseMessage> PutAsync(int year, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return await factory.CreateClientWithToken().PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), content);
    }

    /// <summary>The template with cells set in the rows of the given city codes (column A): numbers as numbers, anything else as a shared string.</summary>
    private static byte[] Fill(byte[] template, string sheetName, params (string City, string Column, string Value)[] cells)
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
