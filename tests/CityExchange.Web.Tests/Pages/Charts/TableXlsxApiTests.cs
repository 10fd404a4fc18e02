using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityExchange.Core.Tests.Excel;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Charts;

/// <summary>
/// <c>POST /api/tables/xlsx</c>, the chart download's workbook: the table comes back cell for cell (numbers as
/// numbers) with what it is on the about sheet and a demo banner for demo data; anything beyond the bounds, or not a
/// table, is a localised 400 problem, never a 5xx. Opened with the Open XML SDK, not the library that wrote it.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class TableXlsxApiTests(CityExchangeFactory factory)
{
    private const string Url = "/api/tables/xlsx";

    [Fact]
    public async Task ATable_ComesBackAsAWorkbook_CellForCell_WithWhatItIsOnTheAboutSheet()
    {
        var body = new
        {
            title = "Beijing: rank history",
            columns = new[] { "City", "2013", "2014" },
            rows = new object?[][] { ["Beijing", 1, 1.5], ["=cmd()", null, -3] },
            year = 2013,
            method = "as published",
            source = "SIIS (2015)",
            version = "2013-abcdef12 (2026-12-01)",
            url = "https://index.example.org/Rankings?year=2013",
            demo = false,
            fileName = "rankings-2013.xlsx",
            note = "Schematic: city locations only, no boundaries",
        };

        using var response = await factory.CreateClient().PostAsJsonAsync(new Uri(Url + "?culture=en", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rankings-2013.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Null(response.Headers.Age);
        using var book = new TableWorkbookXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["data", "about"], book.SheetNames);
        var data = book.Sheet("data");
        Assert.Equal("City", book.Text(data, "A1"));
        Assert.Equal("2014", book.Text(data, "C1"));
        Assert.Equal("Beijing", book.Text(data, "A2"));
        Assert.Equal("1", book.Text(data, "B2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "B2"));
        Assert.Equal("1.5", book.Text(data, "C2"));
        // Text that looks like a formula stays text.
        Assert.Equal("=cmd()", book.Text(data, "A3"));
        Assert.NotEqual("n", TableWorkbookXlsx.TypeOf(data, "A3"));
        Assert.True(string.IsNullOrEmpty(book.Text(data, "B3")));
        Assert.Equal("-3", book.Text(data, "C3"));
        var about = string.Join("\n", book.Sheet("about").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        foreach (var expected in new[] { "Beijing: rank history", "2013", "as published", "SIIS (2015)", "2013-abcdef12 (2026-12-01)", "https://index.example.org/Rankings?year=2013", "no", "Note", "Schematic: city locations only, no boundaries" })
        {
            Assert.Contains(expected, about, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DemoData_HasTheBannerAboveTheHeader_InChinese()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync(new Uri(Url, UriKind.Relative),
            new { title = "演示", columns = new[] { "城市", "排名" }, rows = new object[][] { ["北京", 2] }, demo = true, fileName = "../../etc/passwd" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("passwd.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = new TableWorkbookXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["数据", "说明"], book.SheetNames);
        var data = book.Sheet("数据");
        Assert.Contains("演示", book.Text(data, "A1"), StringComparison.Ordinal);
        Assert.Equal("城市", book.Text(data, "A2"));
        Assert.Equal("2", book.Text(data, "B3"));
    }

    [Theory]
    [InlineData("en", "Too many columns", "A table may have at most 100 columns; this one has 101.")]
    [InlineData("zh-CN", "列数过多", "表格最多 100 列；此表有 101 列。")]
    public async Task MoreThan100Columns_Is400_InTheReadersLanguage(string culture, string title, string detail)
    {
        var columns = Enumerable.Range(1, 101).Select(i => $"c{i}").ToArray();
        var problem = await ProblemAsync(new { columns, rows = Array.Empty<object>() }, culture);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MoreThan20001Rows_Is400()
    {
        var rows = Enumerable.Range(0, 20_002).Select(i => new object[] { i }).ToArray();
        var problem = await ProblemAsync(new { columns = new[] { "n" }, rows }, "en");

        Assert.Equal("A table may have at most 20001 rows; this one has 20002.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ACellOver1000Characters_Is400()
    {
        var problem = await ProblemAsync(new { columns = new[] { "text" }, rows = new[] { new[] { new string('x', 1001) } } }, "en");

        Assert.Equal("Row 1, column 1: a cell is a number, a string of at most 1000 characters, or null.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARowOfTheWrongLength_Is400()
    {
        var problem = await ProblemAsync(new { columns = new[] { "a", "b" }, rows = new[] { new object[] { 1, 2 }, new object[] { 3 } } }, "en");

        Assert.Equal("Row 2 has 1 cells; the table has 2 columns.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABodyOver2MB_Is400_EvenWithoutAContentLength()
    {
        var text = "{\"columns\":[\"a\"],\"rows\":[" + string.Join(',', Enumerable.Repeat("[\"" + new string('x', 900) + "\"]", 2400)) + "]}";
        Assert.True(Encoding.UTF8.GetByteCount(text) > 2 * 1024 * 1024);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.ContentType = new("application/json");
        using var response = await factory.CreateClient().PostAsync(new Uri(Url + "?culture=en", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The request body is limited to 2 MB.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"columns\":[],\"rows\":[]}")]
    [InlineData("{\"columns\":[\"a\"]}")]
    [InlineData("{\"columns\":[\"a\"],\"rows\":[[{\"x\":1}]]}")]
    [InlineData("{\"columns\":[\"a\"],\"rows\":[[true]]}")]
    [InlineData("{\"columns\":[\"a\"],\"rows\":[null]}")]
    [InlineData("{\"columns\":[null],\"rows\":[]}")]
    [InlineData("{\"columns\":[\"a\"],\"rows\":[[1e999]]}")]
    [InlineData("{\"columns\":\"a\",\"rows\":[[1]]}")]
    public async Task NotATable_Is400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await factory.CreateClient().PostAsync(new Uri(Url + "?culture=en", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> ProblemAsync(object body, string culture)
    {
        using var response = await factory.CreateClient().PostAsJsonAsync(new Uri($"{Url}?culture={culture}", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
