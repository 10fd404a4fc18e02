using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// A database of its own holds a city named <c>&lt;script&gt;alert(1)&lt;/script&gt;</c> (added through PUT /api/cities),
/// a year with its values uploaded under an HTML file name, and uploads whose header carries HTML. Every page shows
/// them encoded, chart JSON escapes them, and every CSV export keeps them as text.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed partial class OutputEncodingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Bold = "<b>省</b>";
    private const int Year = 2090;

    private static readonly string[] Payloads = [Script, Image, Bold, "<svg onload=alert(1)>"];

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static string? _previewPath;
    private static BrowserSession? _browser;

    public static TheoryData<string> Pages => new()
    {
        $"/?year={Year}&culture=zh-CN",
        $"/?year={Year}&culture=en",
        $"/Rankings?year={Year}&culture=zh-CN",
        $"/Rankings?year={Year}&culture=en",
        $"/Rankings?year={Year}&sort=name&culture=zh-CN",
        $"/Cities/xsscity?year={Year}&culture=zh-CN",
        $"/Cities/xsscity?year={Year}&culture=en",
        $"/Compare?a=xsscity&b=beijing&year={Year}&culture=zh-CN",
        $"/Compare?a=xsscity&b=beijing&year={Year}&culture=en",
        "/Analysis?culture=zh-CN",
        $"/Analysis/Clusters?year={Year}&culture=zh-CN",
        $"/Analysis/Groups?year={Year}&culture=zh-CN",
        $"/Analysis/Correlations?year={Year}&culture=zh-CN",
        $"/Analysis/Regression?year={Year}&culture=zh-CN",
        "/Analysis/Report?culture=zh-CN",
        "/Methodology?culture=zh-CN",
        "/Imports?culture=zh-CN",
        $"/Imports?year={Year}&culture=zh-CN",
        "/Upload?culture=zh-CN",
        "preview",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_ShowsImportedHtmlOnlyEncoded(string page)
    {
        var browser = await PreparedAsync();

        var html = await browser.GetHtmlAsync(page == "preview" ? _previewPath! + "?culture=zh-CN" : page);

        foreach (var payload in Payloads)
        {
            Assert.DoesNotContain(payload, html, StringComparison.OrdinalIgnoreCase);
        }

        // The only scripts are files of this origin and JSON data blocks; none is inline code.
        foreach (Match tag in ScriptTag().Matches(html))
        {
            Assert.True(tag.Value.Contains("src=\"/", StringComparison.Ordinal) || tag.Value.Contains("type=\"application/json\"", StringComparison.Ordinal),
                $"Unexpected script tag {tag.Value}");
        }

        // Every JSON block parses and carries no raw angle bracket (System.Text.Json escapes < and > as \u003C, \u003E).
        foreach (Match block in JsonBlock().Matches(html))
        {
            Assert.DoesNotContain("<", block.Groups[1].Value, StringComparison.Ordinal);
            using var parsed = System.Text.Json.JsonDocument.Parse(block.Groups[1].Value);
        }
    }

    [Theory]
    [InlineData("/?year=2090")]
    [InlineData("/Rankings?year=2090")]
    [InlineData("/Cities/xsscity?year=2090")]
    [InlineData("/Compare?a=xsscity&b=beijing&year=2090")]
    [InlineData("/Imports")]
    [InlineData("preview")]
    public async Task PagesThatShowTheData_ShowItAsText(string page)
    {
        var browser = await PreparedAsync();

        var html = await browser.GetHtmlAsync(page == "preview" ? _previewPath! + "?culture=zh-CN" : page);

        // Encoded by Razor (&lt;script&gt;) or inside a JSON block (\u003Cscript\u003E): either way shown, never run.
        Assert.True(
            html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal) ||
            html.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", StringComparison.Ordinal),
            $"{page} does not show the city name or file name at all");
    }

    [Theory]
    [InlineData("/Rankings?handler=Csv&year=2090&culture=zh-CN", "@SUM(1+1)")]
    [InlineData("/Rankings?handler=Csv&year=2090&culture=en", "=HYPERLINK(")]
    [InlineData("/Upload?handler=Template&year=2090&prefill=true", null)]
    public async Task CsvExports_AreAttachmentsWithTheTextIntactAndFormulasNeutralised(string url, string? formulaName)
    {
        var browser = await PreparedAsync();

        using var response = await browser.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("xsscity", csv, StringComparison.Ordinal);
        if (formulaName is not null)
        {
            Assert.Contains(Script, csv, StringComparison.Ordinal);
            // A formula-like name is written with a leading apostrophe, so a spreadsheet shows it as text.
            Assert.Contains("'" + formulaName, csv, StringComparison.Ordinal);
            Assert.DoesNotMatch("(^|,|\")" + Regex.Escape(formulaName), csv);
        }
    }

    [Fact]
    public async Task ApiErrors_AboutAnHtmlHeader_AreJsonData_NeverHtml()
    {
        await PreparedAsync();
        var client = app.Factory.CreateClientWithToken();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/years/{Year + 1}/indicators", UriKind.Relative))
        {
            Content = Csv.Content($"city,{Script}", "beijing,1"),
        };
        request.Headers.Add("X-File-Name", Image);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // JSON data (problem+json), served with nosniff: a browser never renders it as a page.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var errors = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("column").GetString() == Script);
    }

    /// <summary>Once per fixture: the HTML-named cities, a year with their values, rejected uploads with HTML headers and names.</summary>
    private async Task<BrowserSession> PreparedAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_browser is not null && await StillPreparedAsync())
            {
                return _browser;
            }

            var browser = _browser = await BrowserSession.SignInAsAdminAsync(app.Factory);

            var client = app.Factory.CreateClientWithToken();
            var cities = Csv.Content(
                "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south",
                $"xsscity,{Script},{Script},{Bold},{Image},华东,East China,other,east,south",
                "formulacity,@SUM(1+1),\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",省,P,华东,East China,other,east,south");
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(new Uri("/api/cities", UriKind.Relative), cities)).StatusCode);

            var file = Encoding.UTF8.GetString(YearFiles.Generate(90, "<svg onload=alert(1)>")).TrimEnd('\n')
                + "\nxsscity,x," + string.Join(',', Enumerable.Repeat("500", 17))
                + "\nformulacity,x," + string.Join(',', Enumerable.Repeat("700", 17)) + "\n";
            using var upload = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/years/{Year}/indicators", UriKind.Relative))
            {
                Content = Csv.Bytes(Encoding.UTF8.GetBytes(file)),
            };
            upload.Headers.Add("X-File-Name", Script + ".csv");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(upload)).StatusCode);

            // A page upload whose file name and header carry HTML: rejected, shown in the preview and the history.
            var (path, _) = await browser.PreviewAsync(Encoded.Utf8($"city,{Script},{Image}", "xsscity,1,2"), Year, fileName: Script + ".csv");
            _previewPath = path;
            return browser;
        }
        finally
        {
            Setup.Release();
        }
    }

    private async Task<bool> StillPreparedAsync()
    {
        await using var db = app.Factory.CreateDbContext();
        return db.Set<Core.Cities.City>().Any(c => c.Code == "xsscity");
    }

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script type=\"application/json\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
