using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Core.Tests.Excel;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// The Excel downloads: the template (<c>GET /api/years/{year}/template</c>, anonymous, a contract) and the rankings as
/// a workbook (the page's "Download Excel" and <c>GET /api/rankings/{year}?format=xlsx</c>): typed numbers, an about
/// sheet, the demo banner. Opened with the Open XML SDK, not the library that wrote them.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class WorkbookDownloadTests(CityExchangeFactory factory)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Template_AsXlsx_InEnglish_HasTheHeadersTheUploadReads_AndSaysWhyItIsBlank()
    {
        // Up to 2014 the bundled data has no real indicator values (2013 is published figures, 2014 demo): blank.
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/years/2014/template?format=xlsx&fill=latest&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cityexchange-2014-template-blank.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = new TableWorkbookXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["indicators", "instructions"], book.SheetNames);
        var data = book.Sheet("indicators");
        Assert.Equal("City code (city)", book.Text(data, "A1"));
        Assert.Equal("Chinese name (name_zh)", book.Text(data, "B1"));
        Assert.Equal("English name (name_en)", book.Text(data, "C1"));
        Assert.Equal("Year (year)", book.Text(data, "D1"));
        Assert.Equal("Foreign residents (foreign_residents)", book.Text(data, "E1"));
        Assert.Equal("Source note (source)", book.Text(data, "V1"));
        var row = Enumerable.Range(2, 200).First(r => book.Text(data, $"A{r}") == "beijing");
        Assert.Equal("北京", book.Text(data, $"B{row}"));
        Assert.Equal("Beijing", book.Text(data, $"C{row}"));
        Assert.Equal("2014", book.Text(data, $"D{row}"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, $"D{row}"));
        Assert.Null(book.Text(data, $"E{row}"));
        var instructions = string.Join("\n", book.Sheet("instructions").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        Assert.Contains("Blank: no year up to 2014 has real (non-demo) indicator values to prefill from; demo values are never used.", instructions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_AsXlsx_InChinese_IsInChinese()
    {
        var bytes = await factory.CreateClient().GetByteArrayAsync(new Uri("/api/years/2014/template?format=xlsx&fill=blank", UriKind.Relative));

        using var book = new TableWorkbookXlsx(bytes);
        Assert.Equal(["指标", "说明"], book.SheetNames);
        Assert.Equal("城市代码 (city)", book.Text(book.Sheet("指标"), "A1"));
        Assert.Equal("外籍人员居民人数 (foreign_residents)", book.Text(book.Sheet("指标"), "E1"));
    }

    [Fact]
    public async Task Template_AsCsv_IsTheCsvTemplate()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/years/2014/template?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("city,year,foreign_residents,", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/years/2014/template?format=pdf", "未知格式", "pdf")]
    [InlineData("/api/years/2014/template?fill=some", "未知填充方式", "some")]
    [InlineData("/api/rankings/2015?format=pdf", "请求无效", "pdf")]
    public async Task UnknownFormatsAndFills_Are400InTheReadersLanguage(string url, string title, string named)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Contains(named, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingsApi_AsXlsx_HasTypedNumbersAnAboutSheetAndTheDemoBanner()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/rankings/2015?format=xlsx&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/rankings/2015");
        var first = json.GetProperty("cities")[0];
        using var book = new TableWorkbookXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["data", "about"], book.SheetNames);
        var data = book.Sheet("data");
        // 2015 is synthetic demo data: a banner on row 1, the header on row 2.
        Assert.Contains("SYNTHETIC DEMO DATA", book.Text(data, "A1"), StringComparison.Ordinal);
        Assert.Equal("Rank", book.Text(data, "A2"));
        Assert.Equal("Score", book.Text(data, "F2"));
        Assert.Equal("1", book.Text(data, "A3"));
        Assert.Equal(first.GetProperty("code").GetString(), book.Text(data, "B3"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "F3"));
        Assert.Equal(first.GetProperty("score").GetDouble(), double.Parse(book.Text(data, "F3")!, System.Globalization.CultureInfo.InvariantCulture), 9);
        var about = string.Join("\n", book.Sheet("about").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        Assert.Contains("City International Exchange Vitality Index: ranking, 2015", about, StringComparison.Ordinal);
        Assert.Contains("/api/rankings/2015?format=xlsx&culture=en", about, StringComparison.Ordinal);
        Assert.Contains("yes: synthetic figures, not real data", about, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RankingsPage_DownloadExcel_HasThePagesRowsAndItsAddress()
    {
        var page = Dom.Parse(await factory.CreateClient().GetStringAsync(new Uri("/Rankings?year=2013&culture=en", UriKind.Relative)));
        var link = page.GetElementById("download-xlsx")!.GetAttribute("href")!;

        using var response = await factory.CreateClient().GetAsync(new Uri(link + "&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cityexchange-rankings-2013-published.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var book = new TableWorkbookXlsx(await response.Content.ReadAsByteArrayAsync());
        var data = book.Sheet("data");
        Assert.Equal("Year", book.Text(data, "A1"));
        Assert.Equal("Rank (as published)", book.Text(data, "C1"));
        Assert.Equal("2013", book.Text(data, "A2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "A2"));
        Assert.Equal("beijing", book.Text(data, "D2"));
        var about = string.Join("\n", book.Sheet("about").Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        Assert.Contains("/Rankings?year=2013", about, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=", about, StringComparison.Ordinal);
    }
}
