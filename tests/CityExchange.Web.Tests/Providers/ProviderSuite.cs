using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Providers;

/// <summary>
/// The key integration paths — import API, rankings API, page upload, restore, concurrency, shared keys — run on every
/// provider: <see cref="SqliteProviderTests"/> and <see cref="PostgresProviderTests"/>, each on a fresh database.
/// </summary>
public abstract class ProviderSuite(ProviderApp app)
{
    private static readonly string[] HandComputed =
    [
        "city,consulates,sister_cities,trade_volume,intl_flights",
        "beijing,10,20,100,5",
        "上海,30,20,300,NA",
        "Guangzhou,20,40,200,15",
        "chengdu,30,0,,10",
    ];

    private CityExchangeFactory Factory => app.Factory;

    [SkippableFact]
    public async Task ImportApi_StoresTheFileAndRanksItAsTheMinMaxRulesSay()
    {
        var client = Factory.CreateClientWithToken();

        var response = await client.PutAsync(Indicators(2090), Csv.Content(HandComputed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cities = await RankingAsync(client, 2090, "minmax");
        // consulates 0,100,50,100 · sister 50,50,100,0 · trade 0,100,50,— · flights 0,—,100,50
        Assert.Equal(25.0 / 3, cities["beijing"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(87.5, cities["shanghai"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(75, cities["guangzhou"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(50, cities["chengdu"].GetProperty("score").GetDouble(), 9);
        Assert.Equal([4, 1, 2, 3], new[] { "beijing", "shanghai", "guangzhou", "chengdu" }.Select(c => cities[c].GetProperty("rank").GetInt32()));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(14, await db.Set<IndicatorValue>().CountAsync(v => v.Year == 2090));
        var record = await db.Set<ImportRecord>().SingleAsync(i => i.Year == 2090);
        Assert.Equal((ImportRecord.Accepted, 4, 14, DateTimeKind.Utc), (record.Status, record.Rows, record.Values, DateTime.SpecifyKind(record.CreatedAt, DateTimeKind.Utc).Kind));
    }

    [SkippableFact]
    public async Task ImportApi_InvalidFileIs400WithLocatedErrorsAndStoresNothing()
    {
        var client = Factory.CreateClientWithToken();
        (await client.PutAsync(Indicators(2091), Csv.Content("city,consulates", "beijing,1"))).EnsureSuccessStatusCode();

        var response = await client.PutAsync(Indicators(2091), Csv.Content("city,consulates,odi", "beijing,x,1", "Gotham,2,2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains((2, "consulates", "NotANumber"), errors);
        Assert.Contains(errors, e => e.Item1 == 3 && e.Item3 == "UnknownCity");
        await using var db = Factory.CreateDbContext();
        Assert.Equal([1.0], await db.Set<IndicatorValue>().Where(v => v.Year == 2091).Select(v => v.Value).ToListAsync());
        Assert.Equal([ImportRecord.Accepted, ImportRecord.Rejected],
            await db.Set<ImportRecord>().Where(i => i.Year == 2091).OrderBy(i => i.Id).Select(i => i.Status).ToListAsync());
    }

    [SkippableFact]
    public async Task RankingsApi_ServesTheSeededYears()
    {
        var client = Factory.CreateClient();
        using (var scope = Factory.Services.CreateScope())
        {
            var expectedType = app.Provider == DatabaseProvider.Postgres ? typeof(PostgresCityExchangeDbContext) : typeof(SqliteCityExchangeDbContext);
            Assert.IsType(expectedType, scope.ServiceProvider.GetRequiredService<CityExchangeDbContext>());
        }

        var years = await client.GetFromJsonAsync<JsonElement>("/api/years");
        var published = await RankingAsync(client, 2013, "minmax");
        var demo = await RankingAsync(client, 2016, "minmax");

        Assert.Equal([2013, 2014, 2015, 2016], years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).Where(y => y < 2090));
        Assert.Equal(46, published.Count);
        // The report's 2013 ranking starts Beijing, Shanghai (published figures, not recomputed).
        Assert.Equal(1, published["beijing"].GetProperty("rank").GetInt32());
        Assert.Equal(2, published["shanghai"].GetProperty("rank").GetInt32());
        Assert.Equal(46, demo.Count);
        Assert.Equal(Enumerable.Range(1, 46), demo.Values.Select(c => c.GetProperty("rank").GetInt32()).Order());
    }

    [SkippableFact]
    public async Task UploadPage_PreviewThenConfirmStoresTheFile()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(Factory);

        var (path, html) = await browser.PreviewAsync(Encoded.Utf8Bom("city,consulates,odi", "北京,7,1.5", "shanghai,8,2.5"), 2092);
        var confirmed = await browser.ConfirmAsync(path, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(["beijing:consulates=7", "beijing:odi=1.5", "shanghai:consulates=8", "shanghai:odi=2.5"], await StoredAsync(2092));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(CityExchangeFactory.AdminEmail, (await db.Set<ImportRecord>().SingleAsync(i => i.Year == 2092)).User);
        Assert.False(await db.Set<PendingImport>().AnyAsync());
    }

    [SkippableFact]
    public async Task Restore_PutsBackTheValuesOfAnAcceptedImport()
    {
        var client = Factory.CreateClientWithToken();
        var first = await PutAsync(client, 2093, Csv.Content("city,consulates,odi", "beijing,1,2", "shanghai,3,4"));
        await PutAsync(client, 2093, Csv.Content("city,sister_cities", "tianjin,9"));

        var response = await client.PostAsync(new Uri($"/api/imports/{first}/restore", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["beijing:consulates=1", "beijing:odi=2", "shanghai:consulates=3", "shanghai:odi=4"], await StoredAsync(2093));
        await using var db = Factory.CreateDbContext();
        Assert.Equal([ImportRecord.Accepted, ImportRecord.Accepted, ImportRecord.Restored],
            await db.Set<ImportRecord>().Where(i => i.Year == 2093).OrderBy(i => i.Id).Select(i => i.Status).ToListAsync());
    }

    [SkippableFact]
    public async Task History_KeepsEachUploadedFileAndNoYearForARejectedFileWithoutOne_AndMarksTheLiveImport()
    {
        var client = Factory.CreateClientWithToken();
        var sent = Encoded.Gb18030("城市,consulates,source", "北京,5,北京统计年鉴");
        var id = await PutAsync(client, 2100, Csv.Bytes(sent));
        using var browser = await BrowserSession.SignInAsAdminAsync(Factory);
        var (path, preview) = await browser.PreviewAsync(Encoded.Utf8("city,consulates", "beijing,1"), null, "no-year.csv");
        await browser.PostFormAsync(path + "?handler=Cancel", BrowserSession.Token(preview));

        var history = await browser.GetHtmlAsync("/Imports");
        var confirm = await browser.GetHtmlAsync($"/Imports/Restore/{id}");

        Assert.Equal(sent, await browser.Client.GetByteArrayAsync(new Uri($"/Imports?handler=Original&id={id}", UriKind.Relative)));
        await using var db = Factory.CreateDbContext();
        Assert.Null((await db.Set<ImportRecord>().SingleAsync(i => i.FileName == "no-year.csv")).Year);
        Assert.Contains($"<tr id=\"import-{id}\" data-status=\"accepted\" data-live=\"true\">", history, StringComparison.Ordinal);
        // Restoring the live import changes nothing, and the confirmation page says so.
        Assert.Contains("id=\"restore-live\"", confirm, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> 个数值不变", confirm, StringComparison.Ordinal);
    }

    /// <summary>
    /// Six different whole-year files race for one year while readers poll it. Every ranking a reader sees is exactly
    /// that of one file (or of the year before the race), every read is 200, and the year ends holding one file.
    /// </summary>
    [SkippableFact]
    public async Task ConcurrentUploads_OfOneYearSerialise_AndReadersOnlyEverSeeWholeFiles()
    {
        const int target = 2094;
        var client = Factory.CreateClientWithToken();
        var files = Enumerable.Range(0, 7).Select(i => YearFiles.Generate(700 + i, $"file-{i}")).ToList();
        // Each file's own ranking, computed on a year of its own first.
        var expected = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            await PutAsync(client, 2095 + (i % 2 == 0 ? 0 : 1), Csv.Bytes(files[i]));
            expected.Add(Scores(await client.GetFromJsonAsync<JsonElement>($"/api/rankings/{2095 + (i % 2 == 0 ? 0 : 1)}")));
        }

        await PutAsync(client, target, Csv.Bytes(files[0]));
        using var done = new CancellationTokenSource();
        var seen = new ConcurrentBag<string>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            var reader = Factory.CreateClient();
            do
            {
                using var ranking = await reader.GetAsync(new Uri($"/api/rankings/{target}", UriKind.Relative));
                statuses.Add(ranking.StatusCode);
                if (ranking.StatusCode == HttpStatusCode.OK)
                {
                    seen.Add(Scores(await ranking.Content.ReadFromJsonAsync<JsonElement>()));
                }

                using var page = await reader.GetAsync(new Uri($"/Rankings?year={target}", UriKind.Relative));
                statuses.Add(page.StatusCode);
            }
            while (!done.IsCancellationRequested);
        })).ToList();

        var uploads = await Task.WhenAll(files.Skip(1).Select(file => Task.Run(async () =>
        {
            var writer = Factory.CreateClientWithToken();
            using var response = await writer.PutAsync(Indicators(target), Csv.Bytes(file));
            return response.StatusCode;
        })));
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.All(uploads, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.NotEmpty(seen);
        Assert.All(seen, scores => Assert.Contains(scores, expected));
        await using var db = Factory.CreateDbContext();
        var stored = await db.Set<IndicatorValue>().Where(v => v.Year == target).ToListAsync();
        var tag = Assert.Single(stored.Select(v => v.SourceNote).Distinct());
        var winner = int.Parse(tag!["file-".Length..], CultureInfo.InvariantCulture);
        Assert.Equal(46 * 17, stored.Count);
        Assert.Equal(expected[winner], Scores(await client.GetFromJsonAsync<JsonElement>($"/api/rankings/{target}")));
        // The history has every upload, and its last accepted record is the file the year holds.
        var history = await db.Set<ImportRecord>().Where(i => i.Year == target).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(files.Count, history.Count);
        Assert.Equal(Sha256(files[winner]), history[^1].Sha256);
    }

    [SkippableFact]
    public async Task DataProtectionKeys_LiveInTheDatabase_SoAnotherInstanceAcceptsTheCookieAndAntiforgeryToken()
    {
        using var second = Factory.WithWebHostBuilder(_ => { });
        var one = RawClient(Factory);
        var two = RawClient(second);

        // The form (and its antiforgery cookie) from instance one, posted to instance two.
        using var form = await one.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var antiforgery = Cookies(form);
        using var login = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = BrowserSession.Token(await form.Content.ReadAsStringAsync()),
                ["Input.Email"] = CityExchangeFactory.AdminEmail,
                ["Input.Password"] = CityExchangeFactory.AdminPassword,
            }),
        };
        login.Headers.Add("Cookie", antiforgery);
        using var signedIn = await two.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The login cookie instance two issued, presented to instance one.
        using var upload = new HttpRequestMessage(HttpMethod.Get, new Uri("/Upload", UriKind.Relative));
        upload.Headers.Add("Cookie", Cookies(signedIn));
        using var page = await one.SendAsync(upload);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("upload-form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Factory.CreateDbContext();
        var stored = await db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().Select(k => k.FriendlyName).ToListAsync();
        var keys = second.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains($"key-{key.KeyId:D}", stored));
    }

    private static HttpClient RawClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    /// <summary>Every city's overall and domain scores, in a fixed order, as text: equal iff the rankings are equal.</summary>
    internal static string Scores(JsonElement ranking) => string.Join(";", ranking.GetProperty("cities").EnumerateArray()
        .OrderBy(c => c.GetProperty("code").GetString(), StringComparer.Ordinal)
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.GetProperty("code").GetString()}={c.GetProperty("score")}/{c.GetProperty("rank")}/{c.GetProperty("domains")}")));

    private static Uri Indicators(int year) => new($"/api/years/{year}/indicators", UriKind.Relative);

    private static async Task<Dictionary<string, JsonElement>> RankingAsync(HttpClient client, int year, string method)
    {
        var ranking = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/{year}?method={method}");
        return ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
    }

    private static async Task<long> PutAsync(HttpClient client, int year, HttpContent content)
    {
        using var response = await client.PutAsync(Indicators(year), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetInt64();
    }

    private async Task<List<string>> StoredAsync(int year)
    {
        await using var db = Factory.CreateDbContext();
        var values = await db.Set<IndicatorValue>().Where(v => v.Year == year).ToListAsync();
        return [.. values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.CityCode}:{v.IndicatorCode}={v.Value}")).Order(StringComparer.Ordinal)];
    }
}

[Collection(WebTestGroup.Name)]
public sealed class SqliteProviderTests(SqliteApp app) : ProviderSuite(app), IClassFixture<SqliteApp>;

[Collection(WebTestGroup.Name)]
public sealed class PostgresProviderTests(PostgresApp app) : ProviderSuite(app), IClassFixture<PostgresApp>;
