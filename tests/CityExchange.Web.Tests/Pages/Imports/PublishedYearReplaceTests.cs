using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>
/// The published year (2013, the report's figures) cannot be replaced silently through the API, and its figures stay
/// restorable from the history (issue 18, finding 6). On an app of its own: these tests replace 2013.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PublishedYearReplaceTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    private static readonly Uri Published = new("/api/years/2013/indicators", UriKind.Relative);

    private static HttpContent File() => Csv.Content("city,consulates,sister_cities", "beijing,10,20", "shanghai,30,40", "guangzhou,20,30");

    [Fact]
    public async Task PublishedYear_IsReplacedOnlyWhenAsked_AndTheFiguresAreRestorableFromTheHistory()
    {
        var client = app.Factory.CreateClientWithToken();

        // Without the flag: 409, nothing stored, nothing recorded.
        using var refused = await client.PutAsync(Published, File());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("replacePublished=true", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using (var db = app.Factory.CreateDbContext())
        {
            Assert.Equal(YearKind.Published, (await db.Set<DataYear>().SingleAsync(y => y.Year == 2013)).Kind);
            Assert.Equal(46, await db.Set<PublishedScore>().CountAsync(p => p.Year == 2013));
            Assert.Equal(0, await db.Set<IndicatorValue>().CountAsync(v => v.Year == 2013));
            Assert.Equal(0, await db.Set<ImportRecord>().CountAsync(i => i.Year == 2013));
        }

        var before = await client.GetFromJsonAsync<JsonElement>("/api/rankings/2013");
        Assert.Equal("beijing", before.GetProperty("cities")[0].GetProperty("code").GetString());
        Assert.Equal(46, before.GetProperty("cities").GetArrayLength());

        // With it: stored, and the answer says what it replaced.
        using var replaced = await client.PutAsync(new Uri("/api/years/2013/indicators?replacePublished=true", UriKind.Relative), File());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var summary = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(46, summary.GetProperty("replacedPublished").GetProperty("cities").GetInt32());
        var kept = summary.GetProperty("replacedPublished").GetProperty("importId").GetInt64();
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/rankings/2013")).GetProperty("cities").GetArrayLength());

        // The history holds the published figures as an import of their own, restorable.
        var history = await client.GetFromJsonAsync<JsonElement>("/api/imports?year=2013");
        var record = history.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == kept);
        Assert.Equal("published", record.GetProperty("status").GetString());

        using var restored = await client.PostAsync(new Uri($"/api/imports/{kept}/restore", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(46, (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values").GetInt32());

        var after = await client.GetFromJsonAsync<JsonElement>("/api/rankings/2013");
        Assert.Equal(before.GetProperty("cities").ToString(), after.GetProperty("cities").ToString());
        await using var check = app.Factory.CreateDbContext();
        Assert.Equal(YearKind.Published, (await check.Set<DataYear>().SingleAsync(y => y.Year == 2013)).Kind);
        Assert.Equal(0, await check.Set<IndicatorValue>().CountAsync(v => v.Year == 2013));
    }

    [Fact]
    public async Task RestorePage_OfThePublishedFigures_SaysWhatItPutsBack()
    {
        var client = app.Factory.CreateClientWithToken();
        using var replaced = await client.PutAsync(new Uri("/api/years/2013/indicators?replacePublished=true", UriKind.Relative), File());
        // Each test leaves 2013 published again, so either may run first.
        var summary = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        var kept = summary.GetProperty("replacedPublished").GetProperty("importId").GetInt64();
        using var browser = await BrowserSession.SignInAsAdminAsync(app.Factory);

        var history = await browser.GetHtmlAsync("/Imports?year=2013");
        Assert.Contains($"href=\"/Imports/Restore/{kept}\"", history, StringComparison.Ordinal);
        Assert.Contains("已发布数据（已被替换）", history, StringComparison.Ordinal);
        var page = Dom.Parse(await browser.GetHtmlAsync($"/Imports/Restore/{kept}"));
        Assert.Equal("恢复将放回报告公布的 2013 年数据（46 个城市），并移除 2013 年现有的指标值（它们仍保留在历史记录中）。此操作记录为一次新的导入。",
            page.GetElementById("restore-published")!.TextContent.Trim());

        var html = await browser.GetHtmlAsync($"/Imports/Restore/{kept}");
        using var response = await browser.PostFormAsync($"/Imports/Restore/{kept}", BrowserSession.Token(html), ("Input.Version", Dom.InputValue(html, "Input.Version") ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(46, (await client.GetFromJsonAsync<JsonElement>("/api/rankings/2013")).GetProperty("cities").GetArrayLength());
    }
}
