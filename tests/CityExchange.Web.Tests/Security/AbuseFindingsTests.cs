using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// Issue 18's findings, each reproduced as it was reported: bounded cost, no 500 on input, localised error bodies, no
/// forged host in a redirect. Each answered 500, ran unbounded or answered in English before the fix.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class AbuseFindingsTests(CityExchangeFactory factory)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Finding 1: a weight grid of ~(1/step)^3/6 points is refused before it runs.
    [Fact]
    public async Task Bounds_WithATinyStep_Is400SayingTheGridIsTooLarge()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/sensitivity/2015/bounds?min=0&max=1&step=0.0001&culture=en", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("step", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    // Finding 3: infinite weights reached the JSON writer (500).
    [Fact]
    public async Task Ranking_WithWeightsOf1e308_Is400NamingTheWeight()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/rankings/2015?weights=consulates:1e308,sister_cities:1e308&culture=en", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("consulates", problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_WithWeightsOf1e308_Is400()
    {
        var body = """{ "overrides": [], "weights": "consulates:1e308,sister_cities:1e308" }""";
        using var response = await factory.CreateClient().PostAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WhatIf_WithInvalidUtf8_Is400()
    {
        byte[] body = [.. "{ \"overrides\": [ { \"city\": \""u8, 0xFF, 0xFE, 0xC3, .. "\", \"indicator\": \"consulates\", \"value\": 1 } ] }"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await factory.CreateClient().PostAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), content);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    // Finding 4: 100k rows of junk gave a 192.6 MB API body and a 155 s preview, kept raw for two days.
    [Fact]
    public async Task JunkFile_GivesABoundedAnswer_AndIsKeptCompactlyForItsPreview()
    {
        var junk = Encoding.UTF8.GetBytes("city,consulates\n" + string.Concat(Enumerable.Repeat("x,x\n", 99_999)));
        using var api = await factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2096/indicators", UriKind.Relative), new ByteArrayContent(junk));
        var body = await ProblemAsync(api, HttpStatusCode.BadRequest);
        Assert.Equal(1000, body.GetProperty("errors").GetArrayLength());
        Assert.Equal(199_998, body.GetProperty("errorCount").GetInt32());
        Assert.InRange(api.Content.Headers.ContentLength ?? (await api.Content.ReadAsByteArrayAsync()).Length, 1, 1_000_000);

        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var (path, html) = await browser.PreviewAsync(junk, 2096, "junk.csv");
        var page = Dom.Parse(html);
        Assert.Equal("文件有 199998 个错误，无法保存。", page.GetElementById("errors-title")!.TextContent.Trim());
        await using var db = factory.CreateDbContext();
        var id = Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);
        var pending = await db.Set<CityExchange.Web.Store.PendingImport>().AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.InRange(pending.Content.Length, 1, 64 * 1024);

        // Viewed again (a reload, the back button): the parse is kept, not redone.
        var parses = factory.Services.GetRequiredService<CityExchange.Web.Pages.Imports.PreviewParses>().Parses;
        var again = Dom.Parse(await browser.GetHtmlAsync(path));
        Assert.Equal("文件有 199998 个错误，无法保存。", again.GetElementById("errors-title")!.TextContent.Trim());
        Assert.Equal(parses, factory.Services.GetRequiredService<CityExchange.Web.Pages.Imports.PreviewParses>().Parses);
    }

    // Finding 5: a new code could take Beijing's Chinese name, and an upload naming 北京 then filed its values there.
    [Fact]
    public async Task Cities_ANewCodeTakingAStoredCitysChineseName_Is400AndChangesNothing()
    {
        var client = factory.CreateClientWithToken();
        using var response = await client.PutAsync(new Uri("/api/cities", UriKind.Relative), Csv.Content(
            "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south",
            "aaa_fake,北京,Peking,北京,Beijing,华北,North China,municipality,east,north"));

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("NameTaken", error.GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        var cities = await client.GetFromJsonAsync<JsonElement>("/api/cities?q=aaa_fake");
        Assert.Equal(0, cities.GetProperty("total").GetInt32());
    }

    // Finding 10: error bodies were English under the Chinese default.
    [Theory]
    [InlineData("/api/cities?limit=0", "limit")]
    [InlineData("/api/cities?year=1999", "1999")]
    [InlineData("/api/analysis/2015/clusters?k=x", "k")]
    public async Task ErrorBodies_AreChineseByDefault(string url, string mentioned)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        var problem = response.StatusCode == HttpStatusCode.NotFound
            ? await ProblemAsync(response, HttpStatusCode.NotFound)
            : await ProblemAsync(response, HttpStatusCode.BadRequest);
        var title = problem.GetProperty("title").GetString()!;
        Assert.True(title.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"\"{title}\" is not Chinese");
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadYearOutOfRange_IsChineseByDefault_AndEnglishWhenAsked()
    {
        var client = factory.CreateClientWithToken();
        using var zh = await client.PutAsync(new Uri("/api/years/1800/indicators", UriKind.Relative), Csv.Content("city,consulates", "beijing,1"));
        using var en = await client.PutAsync(new Uri("/api/years/1800/indicators?culture=en", UriKind.Relative), Csv.Content("city,consulates", "beijing,1"));

        Assert.Equal("年份超出范围", (await ProblemAsync(zh, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        Assert.Equal("Year out of range", (await ProblemAsync(en, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
    }

    // Finding 11: a forged Host header was echoed into the login redirect's Location.
    [Fact]
    public async Task LoginRedirect_IsRelative_WhateverTheHostHeader()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Upload");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"Location {location} is absolute");
        Assert.StartsWith("/Account/Login", location.OriginalString, StringComparison.Ordinal);
    }
}
