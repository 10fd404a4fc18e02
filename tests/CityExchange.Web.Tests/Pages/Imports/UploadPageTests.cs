using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>The upload page: preview before storing, confirm with antiforgery, optimistic concurrency, cancel, limits.</summary>
[Collection(WebTestGroup.Name)]
public sealed class UploadPageTests(CityExchangeFactory factory)
{
    private static Uri Api(int year) => new($"/api/years/{year}/indicators", UriKind.Relative);

    private async Task<List<(string City, string Indicator, double Value, string? Source)>> StoredAsync(int year)
    {
        await using var db = factory.CreateDbContext();
        var values = await db.Set<IndicatorValue>().Where(v => v.Year == year).ToListAsync();
        return [.. values.Select(v => (v.CityCode, v.IndicatorCode, v.Value, v.SourceNote)).Order()];
    }

    [Fact]
    public async Task Upload_PreviewStoresNothingThenConfirmStoresTheValuesWithSources()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var file = Encoded.Utf8("city,consulates,sister_cities,source:sister_cities", "beijing,61,72,北京外办 2071", "上海,75,NA,");

        var (path, html) = await browser.PreviewAsync(file, 2071, "北京<script>.csv");

        Assert.Empty(await StoredAsync(2071));
        Assert.Contains("北京外办 2071", html, StringComparison.Ordinal);
        Assert.Contains("北京&lt;script&gt;.csv", html, StringComparison.Ordinal);
        Assert.DoesNotContain("北京<script>.csv", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"up\">3</strong>", html, StringComparison.Ordinal);

        using var confirmed = await browser.ConfirmAsync(path, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith("/Imports", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(
            [("beijing", "consulates", 61, null), ("beijing", "sister_cities", 72, "北京外办 2071"), ("shanghai", "consulates", 75, null)],
            await StoredAsync(2071));
        await using var db = factory.CreateDbContext();
        var record = await db.Set<ImportRecord>().SingleAsync(i => i.Year == 2071);
        Assert.Equal((ImportRecord.Accepted, CityExchangeFactory.AdminEmail, "北京<script>.csv", 2, 3, 0), (record.Status, record.User, record.FileName, record.Rows, record.Values, record.Errors));
        Assert.False(await db.Set<PendingImport>().AnyAsync(p => p.FileName == "北京<script>.csv"));
        var history = await browser.GetHtmlAsync("/Imports?year=2071");
        Assert.Contains("北京&lt;script&gt;.csv", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PreviewShowsWhatIsAddedChangedAndRemoved()
    {
        var api = factory.CreateClientWithToken();
        (await api.PutAsync(Api(2072), Csv.Content("city,consulates,odi", "beijing,3,1", "shanghai,4,2"))).EnsureSuccessStatusCode();
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var (_, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates,odi", "beijing,5,1", "tianjin,7,"), 2072);

        // beijing consulates 3 → 5 changed, beijing odi unchanged, tianjin consulates added, shanghai's two values removed.
        Assert.Contains("<strong class=\"up\">1</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"down\">2</strong>", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "<tr class=\"diff-added\">"));
        Assert.Equal(1, CountOf(html, "<tr class=\"diff-changed\">"));
        Assert.Equal(2, CountOf(html, "<tr class=\"diff-removed\">"));
        Assert.Matches("<td class=\"num\"[^>]*>3</td>\\s*<td class=\"num\"[^>]*>→ 5</td>", html);
        Assert.Equal(4, (await StoredAsync(2072)).Count);
    }

    [Fact]
    public async Task Upload_PreviewWarnsAboutJumpsDroppedIndicatorsAndLowCoverage()
    {
        var api = factory.CreateClientWithToken();
        (await api.PutAsync(Api(2073), Csv.Content("city,consulates,odi", "beijing,10,1", "shanghai,40,2"))).EnsureSuccessStatusCode();
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        // beijing 10 → 101 (> 10×), shanghai 40 → 3 (< 1/10); odi constant; each city has 2 of 17 indicators.
        var (_, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates,odi", "beijing,101,5", "shanghai,3,5"), 2074, "warn.csv");

        Assert.Equal(2, CountOf(html, "data-code=\"jump\""));
        Assert.Equal(1, CountOf(html, "data-code=\"constant\""));
        Assert.Equal(2, CountOf(html, "data-code=\"low_coverage\""));
        Assert.Contains("cell-warn", html, StringComparison.Ordinal);
        Assert.Contains("101 超过 2073 年数值 10 的 10 倍", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ConfirmAfterANewerImportIsRefusedAndKeepsTheNewerData()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var (path, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1"), 2075);
        var api = factory.CreateClientWithToken();
        (await api.PutAsync(Api(2075), Csv.Content("city,consulates", "shanghai,9"))).EnsureSuccessStatusCode();

        using var refused = await browser.ConfirmAsync(path, html);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirm-conflict\"", page, StringComparison.Ordinal);
        Assert.Contains("2075 年的数据已发生变化", page, StringComparison.Ordinal);
        Assert.Equal([("shanghai", "consulates", 9, null)], await StoredAsync(2075));

        // The refreshed preview carries the current version: confirming it now succeeds.
        using var second = await browser.ConfirmAsync(path, page);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([("beijing", "consulates", 1, null)], await StoredAsync(2075));
    }

    [Fact]
    public async Task Upload_CancelDiscardsThePendingFile()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var (path, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1"), 2077);

        using var cancelled = await browser.PostFormAsync(path + "?handler=Cancel", BrowserSession.Token(html));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Empty(await StoredAsync(2077));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<ImportRecord>().AnyAsync(i => i.Year == 2077));
    }

    [Fact]
    public async Task Upload_YearIsTakenFromTheFileWhenNotChosen()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var (path, html) = await browser.PreviewAsync(Encoded.Utf8("city,year,consulates", "beijing,2079,4"), null);
        using var confirmed = await browser.ConfirmAsync(path, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal([("beijing", "consulates", 4, null)], await StoredAsync(2079));
    }

    [Fact]
    public async Task Upload_InvalidFileShowsEveryErrorInPlaceAndIsRecordedAsRejected()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var name = $"bad-{Guid.NewGuid():N}.csv";

        var (_, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates,bogus", "Gotham,1,2", "beijing,x,3", "tianjin,-2,4", "beijing,1,1"), 2070, name);

        foreach (var code in new[] { "UnknownColumn", "UnknownCity", "NotANumber", "Negative", "DuplicateCity" })
        {
            Assert.Contains($"data-code=\"{code}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td class=\"num cell-error\">", html, StringComparison.Ordinal);
        Assert.Contains("“x”不是数字", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", html, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var record = await db.Set<ImportRecord>().SingleAsync(i => i.FileName == name);
        Assert.Equal((ImportRecord.Rejected, 2070, 4, 5), (record.Status, record.Year, record.Rows, record.Errors));
    }

    [Fact]
    public async Task Upload_ATruncatedWorkbookNamedCsv_IsReadAsAWorkbookAndRefusedAsUnreadable()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var (_, html) = await browser.PreviewAsync([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 2070, "workbook.csv");

        Assert.Contains("data-code=\"WorkbookUnreadable\"", html, StringComparison.Ordinal);
        Assert.Contains("无法读取该工作簿", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAFileIsRefusedOnThePage()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var token = await browser.TokenAsync("/Upload");

        using var response = await browser.PostFormAsync("/Upload", token, ("Input.Year", "2070"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"upload-problems\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1024 * 1024)]
    public async Task Upload_OverTenMegabytesIs413WithAMessage(int bytesOverTheLimit)
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var big = new byte[(10 * 1024 * 1024) + bytesOverTheLimit];
        Array.Fill(big, (byte)'1');

        using var response = await browser.UploadAsync(big, "big.csv", 2087);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件超过 10 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<ImportRecord>().AnyAsync(i => i.Year == 2087));
    }

    [Fact]
    public async Task Upload_FromThePageScriptAnswersWithThePreviewLocation()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        using var response = await browser.UploadAsync(Encoded.Utf8("city,consulates", "beijing,1"), "script.csv", 2086, asScript: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var location = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("location").GetString()!;
        Assert.StartsWith("/Upload/Preview/", location, StringComparison.Ordinal);
        Assert.Contains("script.csv", await browser.GetHtmlAsync(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PageLoadsItsScriptModule()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var html = await browser.GetHtmlAsync("/Upload?culture=en");

        Assert.Contains("<script type=\"module\" src=\"/js/upload/upload.js?v=", html, StringComparison.Ordinal);
        Assert.Contains("Upload and preview", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/js/upload/upload.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Upload_FullWidthNumbersAreReadAndThePreviewNamesEveryCellItRead()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        // As typed with a Chinese input method: full-width digits, comma and point; the note keeps its full-width text.
        var file = Encoded.Utf8("city,consulates,sister_cities,odi,source", "beijing,１２３,\"１，２３４\",１２．５,统计年鉴（２０４６）", "shanghai,7,8,9,");

        var (path, html) = await browser.PreviewAsync(file, 2046, "全角.csv");

        Assert.DoesNotContain("id=\"upload-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"width-notices\"", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "data-code=\"FullWidthNormalised\""));
        Assert.Contains("第 2 行，sister_cities： “１，２３４”为全角字符，已按 1,234 读取。", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<small class=\"cell-note\">"));
        using var confirmed = await browser.ConfirmAsync(path, html);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(
            [("beijing", "consulates", 123, "统计年鉴（２０４６）"), ("beijing", "odi", 12.5, "统计年鉴（２０４６）"), ("beijing", "sister_cities", 1234, "统计年鉴（２０４６）"),
             ("shanghai", "consulates", 7, null), ("shanghai", "odi", 9, null), ("shanghai", "sister_cities", 8, null)],
            await StoredAsync(2046));
    }

    [Fact]
    public async Task Upload_PreviewShowsARowsSourceNoteOnceAndACellsOwnNoteAtTheCell()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var file = Encoded.Utf8("city,consulates,sister_cities,odi,source,source:odi", "beijing,1,2,3,北京统计年鉴 2047,商务部 2047");

        var (_, html) = await browser.PreviewAsync(file, 2047);

        Assert.Equal(1, CountOf(html, "北京统计年鉴 2047"));
        Assert.Equal(1, CountOf(html, "商务部 2047"));
        Assert.Contains("<small class=\"source-note row-source\">来源: 北京统计年鉴 2047</small>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PreviewWithErrorsHasNoValuesOrWarningsHeadline()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var (_, invalid) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,x", "shanghai,2"), 2048);
        var (_, valid) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1", "shanghai,2"), 2048);

        Assert.Contains("id=\"upload-errors\"", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>数值</h2>", invalid, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>警告</h2>", invalid, StringComparison.Ordinal);
        Assert.Contains("<h2>数值</h2><p class=\"stat\">2</p>", valid, StringComparison.Ordinal);
        Assert.Contains("<h2>警告</h2>", valid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RejectedWithoutAYearIsRecordedWithNoYear_NotYearZero()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var name = $"no-year-{Guid.NewGuid():N}.csv";

        var (_, html) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1"), null, name);

        Assert.Contains("data-code=\"YearMissing\"", html, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        var record = await db.Set<ImportRecord>().SingleAsync(i => i.FileName == name);
        Assert.Equal((ImportRecord.Rejected, (int?)null), (record.Status, record.Year));
        Assert.False(await db.Set<ImportRecord>().AnyAsync(i => i.Year == 0));
        // The history's year filter offers no "0", its row shows a dash, and the API says null.
        var history = await browser.GetHtmlAsync("/Imports");
        Assert.DoesNotContain("<option value=\"0\"", history, StringComparison.Ordinal);
        Assert.Matches($"id=\"import-{record.Id}\"[\\s\\S]*?<td class=\"num\" data-label=\"年份\">—</td>", history);
        var listed = (await browser.Client.GetFromJsonAsync<JsonElement[]>("/api/imports"))!.Single(i => i.GetProperty("id").GetInt64() == record.Id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("year").ValueKind);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
