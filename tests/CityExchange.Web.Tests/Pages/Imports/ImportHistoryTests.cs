using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Pages.Account;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>History (GET /api/imports, /Imports), restore, and atomicity under an injected fault.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class ImportHistoryTests(CityExchangeFactory factory)
{
    private static Uri Api(int year) => new($"/api/years/{year}/indicators", UriKind.Relative);

    private static async Task<long> PutAsync(HttpClient client, int year, params string[] lines)
    {
        var response = await client.PutAsync(Api(year), Csv.Content(lines));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetInt64();
    }

    private async Task<List<string>> StoredAsync(int year)
    {
        await using var db = factory.CreateDbContext();
        var values = await db.Set<IndicatorValue>().Where(v => v.Year == year).ToListAsync();
        return [.. values.Select(v => $"{v.CityCode}:{v.IndicatorCode}={v.Value}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task GetImports_ListsEveryImportNewestFirstWithExactlyTheContractFields()
    {
        var client = factory.CreateClientWithToken();
        var accepted = await PutAsync(client, 2084, "city,consulates", "beijing,1", "shanghai,2");
        using var rejectedRequest = new HttpRequestMessage(HttpMethod.Put, Api(2084)) { Content = Csv.Content("city,consulates", "Gotham,x") };
        rejectedRequest.Headers.Add("X-File-Name", "rejected-2084.csv");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rejectedRequest)).StatusCode);

        var all = await client.GetFromJsonAsync<JsonElement[]>("/api/imports");
        var mine = all!.Where(i => i.GetProperty("year") is { ValueKind: JsonValueKind.Number } y && y.GetInt32() == 2084).ToList();

        Assert.Equal(
            ["createdAt", "errors", "fileName", "id", "rows", "sha256", "status", "user", "values", "year"],
            all!.SelectMany(i => i.EnumerateObject().Select(p => p.Name)).Distinct().Order(StringComparer.Ordinal));
        Assert.All(all!, i => Assert.Contains(i.GetProperty("status").GetString(), new[] { "accepted", "rejected", "restored" }));
        var ids = all!.Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(2, mine.Count);
        var (newest, oldest) = (mine[0], mine[1]);
        Assert.Equal(("rejected", "rejected-2084.csv", 1, 0, 2), (newest.GetProperty("status").GetString(), newest.GetProperty("fileName").GetString(),
            newest.GetProperty("rows").GetInt32(), newest.GetProperty("values").GetInt32(), newest.GetProperty("errors").GetInt32()));
        Assert.Equal((accepted, "accepted", "api", 2, 2, 0), (oldest.GetProperty("id").GetInt64(), oldest.GetProperty("status").GetString(),
            oldest.GetProperty("user").GetString(), oldest.GetProperty("rows").GetInt32(), oldest.GetProperty("values").GetInt32(), oldest.GetProperty("errors").GetInt32()));
        // SHA-256 of the exact bytes sent.
        var sent = System.Text.Encoding.UTF8.GetBytes("city,consulates\nbeijing,1\nshanghai,2\n");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sent)), oldest.GetProperty("sha256").GetString());
        Assert.EndsWith("Z", oldest.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetImports_AcceptsASignedInEditorInsteadOfTheToken()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var response = await browser.Client.GetAsync(new Uri("/api/imports?year=2013", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Fact]
    public async Task Restore_PutsBackTheValuesOfAnAcceptedImportAndRecordsIt()
    {
        var client = factory.CreateClientWithToken();
        var first = await PutAsync(client, 2076, "city,consulates,odi", "beijing,1,2", "shanghai,3,4");
        await PutAsync(client, 2076, "city,sister_cities", "tianjin,9");
        Assert.Equal(["tianjin:sister_cities=9"], await StoredAsync(2076));

        var response = await client.PostAsync(new Uri($"/api/imports/{first}/restore", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, body.GetProperty("restoredFrom").GetInt64());
        Assert.Equal(["beijing:consulates=1", "beijing:odi=2", "shanghai:consulates=3", "shanghai:odi=4"], await StoredAsync(2076));
        await using var check = factory.CreateDbContext();
        var restored = await check.Set<ImportRecord>().SingleAsync(i => i.Id == body.GetProperty("importId").GetInt64());
        Assert.Equal((ImportRecord.Restored, first, 4, 2076), (restored.Status, restored.RestoredFromId!.Value, restored.Values, restored.Year));
        Assert.Equal(3, await check.Set<ImportRecord>().CountAsync(i => i.Year == 2076));
    }

    [Fact]
    public async Task Restore_UnknownImportIs404AndARejectedOneIs409()
    {
        var client = factory.CreateClientWithToken();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync(Api(2070), Csv.Content("city,consulates", "Gotham,1"))).StatusCode);
        await using var db = factory.CreateDbContext();
        var rejected = await db.Set<ImportRecord>().Where(i => i.Status == ImportRecord.Rejected).MaxAsync(i => i.Id);

        var unknown = await client.PostAsync(new Uri("/api/imports/99999999/restore", UriKind.Relative), null);
        var notAccepted = await client.PostAsync(new Uri($"/api/imports/{rejected}/restore", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notAccepted.StatusCode);
    }

    [Fact]
    public async Task Restore_FromTheHistoryAsksForConfirmationOnAPageWithTheDiffAgainstTheStoredValues()
    {
        var client = factory.CreateClientWithToken();
        var first = await PutAsync(client, 2080, "city,consulates", "beijing,5", "shanghai,2");
        await PutAsync(client, 2080, "city,consulates,odi", "beijing,6,", "tianjin,,1");
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var history = await browser.GetHtmlAsync("/Imports?year=2080");
        Assert.Contains($"href=\"/Imports/Restore/{first}\"", history, StringComparison.Ordinal);

        var confirm = await browser.GetHtmlAsync($"/Imports/Restore/{first}");

        // Nothing is restored by showing the page; the diff is against what 2080 holds now.
        Assert.Equal(["beijing:consulates=6", "tianjin:odi=1"], await StoredAsync(2080));
        Assert.Contains("<strong class=\"up\">1</strong> 个数值新增", confirm, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"down\">1</strong> 个数值删除", confirm, StringComparison.Ordinal);
        Assert.Equal(
            ["北京|领事馆数量|修改|6|→ 5", "上海|领事馆数量|新增|—|2", "天津|对外直接投资|删除|1|—"],
            DiffRows(confirm));
        Assert.Contains($"导入 #{first} 中", confirm, StringComparison.Ordinal);

        using var response = await browser.PostFormAsync($"/Imports/Restore/{first}", BrowserSession.Token(confirm), ("Input.Version", Version(confirm)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["beijing:consulates=5", "shanghai:consulates=2"], await StoredAsync(2080));
        var after = await browser.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("id=\"import-restored\"", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"restored\"", after, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Equal(CityExchangeFactory.AdminEmail, (await db.Set<ImportRecord>().Where(i => i.Year == 2080).OrderBy(i => i.Id).LastAsync()).User);
    }

    [Fact]
    public async Task Restore_ConfirmedAfterTheYearChangedIsRefusedAndShowsTheDiffAgainstTheNewData()
    {
        var client = factory.CreateClientWithToken();
        var first = await PutAsync(client, 2055, "city,consulates", "beijing,1");
        await PutAsync(client, 2055, "city,consulates", "beijing,2");
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var confirm = await browser.GetHtmlAsync($"/Imports/Restore/{first}");
        await PutAsync(client, 2055, "city,consulates", "beijing,3");

        using var refused = await browser.PostFormAsync($"/Imports/Restore/{first}", BrowserSession.Token(confirm), ("Input.Version", Version(confirm)));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"restore-conflict\"", page, StringComparison.Ordinal);
        Assert.Equal(["北京|领事馆数量|修改|3|→ 1"], DiffRows(page));
        Assert.Equal(["beijing:consulates=3"], await StoredAsync(2055));

        using var second = await browser.PostFormAsync($"/Imports/Restore/{first}", BrowserSession.Token(page), ("Input.Version", Version(page)));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(["beijing:consulates=1"], await StoredAsync(2055));
    }

    [Fact]
    public async Task Restore_PageOfARejectedImportIs409WithoutAConfirmButton_AndOfNoImport404()
    {
        var client = factory.CreateClientWithToken();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync(Api(2056), Csv.Content("city,consulates", "Gotham,1"))).StatusCode);
        await using var db = factory.CreateDbContext();
        var rejected = await db.Set<ImportRecord>().Where(i => i.Year == 2056).MaxAsync(i => i.Id);
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        using var refused = await browser.Client.GetAsync(new Uri($"/Imports/Restore/{rejected}", UriKind.Relative));
        using var missing = await browser.Client.GetAsync(new Uri("/Imports/Restore/99999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"restore-refused\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"restore-form\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Imports_MarksTheLiveImportOfEachYear_AndMovesTheMarkWithEachUploadAndRestore()
    {
        var client = factory.CreateClientWithToken();
        var first = await PutAsync(client, 2057, "city,consulates", "beijing,1");
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        Assert.Equal([first], LiveRows(await browser.GetHtmlAsync("/Imports?year=2057")));

        var second = await PutAsync(client, 2057, "city,consulates", "beijing,2");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync(Api(2057), Csv.Content("city,consulates", "beijing,x"))).StatusCode);
        var afterUpload = await browser.GetHtmlAsync("/Imports?year=2057");
        var restored = (await (await client.PostAsync(new Uri($"/api/imports/{first}/restore", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("importId").GetInt64();
        var afterRestore = await browser.GetHtmlAsync("/Imports?year=2057");

        // A rejected file changes nothing, so the mark stays on the last accepted import; a restore takes it.
        Assert.Equal([second], LiveRows(afterUpload));
        Assert.Equal([restored], LiveRows(afterRestore));
        // Every year has its own live import: 2013's seeded one and 2057's are both marked on the unfiltered history.
        Assert.Contains(restored, LiveRows(await browser.GetHtmlAsync("/Imports")));
        Assert.Contains("当前生效", afterRestore, StringComparison.Ordinal);
        // The year holds the first import's values again: restoring it would change nothing, so only the second offers it.
        Assert.DoesNotContain($"href=\"/Imports/Restore/{first}\"", afterRestore, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Imports/Restore/{second}\"", afterRestore, StringComparison.Ordinal);
        Assert.Contains("id=\"restore-live\"", await browser.GetHtmlAsync($"/Imports/Restore/{first}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"restore-live\"", await browser.GetHtmlAsync($"/Imports/Restore/{second}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("done", "zh-CN", "查看 2058 年排名")]
    [InlineData("restored", "en", "See the 2058 rankings")]
    public async Task Imports_AfterAnUploadOrARestore_TheNoticeLinksToTheYearsRankings(string notice, string culture, string text)
    {
        var id = await PutAsync(factory.CreateClientWithToken(), 2058, "city,consulates", "beijing,1");
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var html = await browser.GetHtmlAsync($"/Imports?year=2058&{notice}={id}&culture={culture}");

        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var link = document.QuerySelector($"#import-{notice} a#year-rankings-link");
        Assert.NotNull(link);
        Assert.Equal(("/Rankings?year=2058", text), (link.GetAttribute("href"), link.TextContent));
        // Admins also find the account administration from the history.
        Assert.NotNull(document.QuerySelector("a[href='/Admin/Users']"));
    }

    [Fact]
    public async Task Original_IsDownloadedByteForByteByEditors_ForUploadsRejectedUploadsAndRestores()
    {
        // GB18030 as Excel on Chinese Windows writes it, with a Chinese file name: the bytes must come back unchanged.
        var sent = Encoded.Gb18030("城市,consulates,source", "北京,61,北京统计年鉴");
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);
        var (path, preview) = await browser.PreviewAsync(sent, 2058, "原始数据-2058.csv");
        using var confirmed = await browser.ConfirmAsync(path, preview);
        var id = long.Parse(Done().Match(confirmed.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var client = factory.CreateClientWithToken();
        await PutAsync(client, 2058, "city,consulates", "beijing,1");
        var restore = (await (await client.PostAsync(new Uri($"/api/imports/{id}/restore", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("importId").GetInt64();
        var rejectedFile = Encoded.Utf8("city,consulates", "Gotham,x");
        await browser.PreviewAsync(rejectedFile, 2058, "rejected-2058.csv");
        await using var db = factory.CreateDbContext();
        var rejected = await db.Set<ImportRecord>().Where(i => i.FileName == "rejected-2058.csv").MaxAsync(i => i.Id);
        var history = await browser.GetHtmlAsync("/Imports?year=2058");

        Assert.Contains($"href=\"/Imports?id={id}&amp;handler=Original\"", history, StringComparison.Ordinal);
        using var download = await browser.Client.GetAsync(new Uri($"/Imports?handler=Original&id={id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(sent, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "原始数据-2058.csv"), (download.Content.Headers.ContentDisposition!.DispositionType, download.Content.Headers.ContentDisposition.FileNameStar));
        Assert.Equal(sent, await browser.Client.GetByteArrayAsync(new Uri($"/Imports?handler=Original&id={restore}", UriKind.Relative)));
        Assert.Equal(rejectedFile, await browser.Client.GetByteArrayAsync(new Uri($"/Imports?handler=Original&id={rejected}", UriKind.Relative)));
        // The API gives the same file to a script with the token.
        Assert.Equal(sent, await client.GetByteArrayAsync(new Uri($"/api/imports/{id}/file", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/imports/99999999/file", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Original_IsNotForAnonymousVisitorsOrSignedInUsersWithoutARole()
    {
        var id = await PutAsync(factory.CreateClientWithToken(), 2060, "city,consulates", "beijing,1");
        var email = $"no-role-{Guid.NewGuid():N}@cityexchange.test";
        const string password = "no-role-passphrase-2060";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, password)).Succeeded);
        }

        using var anonymous = new BrowserSession(factory);
        using var noRole = await BrowserSession.SignInAsync(factory, email, password);
        using var withoutToken = factory.CreateClientWithToken(token: null);
        using var noTokenConfigured = factory.WithWebHostBuilder(b => b.UseSetting("Import:ApiToken", ""));

        using var page = await anonymous.Client.GetAsync(new Uri($"/Imports?handler=Original&id={id}", UriKind.Relative));
        using var denied = await noRole.Client.GetAsync(new Uri($"/Imports?handler=Original&id={id}", UriKind.Relative));
        using var api = await withoutToken.GetAsync(new Uri($"/api/imports/{id}/file", UriKind.Relative));
        using var apiWithCookieButNoRole = await noRole.Client.GetAsync(new Uri($"/api/imports/{id}/file", UriKind.Relative));
        using var apiUnconfigured = await noTokenConfigured.CreateClient().GetAsync(new Uri($"/api/imports/{id}/file", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiWithCookieButNoRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, apiUnconfigured.StatusCode);
    }

    [Fact]
    public async Task Imports_PageFiltersByStatus()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var html = await browser.GetHtmlAsync("/Imports?status=rejected");

        Assert.DoesNotContain("data-status=\"accepted\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-status=\"restored\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AFaultMidTransactionLeavesTheYearAsItWas()
    {
        var client = factory.CreateClientWithToken();
        await PutAsync(client, 2081, "city,consulates", "beijing,1", "shanghai,2");
        Guid version;
        await using (var db = factory.CreateDbContext())
        {
            version = (await db.Set<DataYear>().SingleAsync(y => y.Year == 2081)).Version;
        }

        var fault = new FailOnSecondSaveInterceptor();
        using var faulty = factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteCityExchangeDbContext>(options => options.AddInterceptors(fault))));
        var faultyClient = faulty.CreateClient();
        faultyClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", CityExchangeFactory.ApiToken);
        fault.Armed = true;

        var response = await faultyClient.PutAsync(Api(2081), Csv.Content("city,consulates", "tianjin,7"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(2, fault.Calls);
        Assert.Equal(["beijing:consulates=1", "shanghai:consulates=2"], await StoredAsync(2081));
        await using var after = factory.CreateDbContext();
        Assert.Equal(version, (await after.Set<DataYear>().SingleAsync(y => y.Year == 2081)).Version);
        Assert.Equal(1, await after.Set<ImportRecord>().CountAsync(i => i.Year == 2081));
    }

    [Fact]
    public async Task Import_Gb18030AndUtf8BomFilesGiveIdenticalData()
    {
        string[] lines = ["城市,consulates,外籍人员居民人数,source", "北京,61,\"175,129\",北京统计年鉴", "上海市,75,NA,上海外办", "Guangzhou,64,12.5,"];
        var client = factory.CreateClientWithToken();
        (await client.PutAsync(Api(2082), Csv.Bytes(Encoded.Gb18030(lines)))).EnsureSuccessStatusCode();
        (await client.PutAsync(Api(2083), Csv.Bytes(Encoded.Utf8Bom(lines)))).EnsureSuccessStatusCode();

        await using var db = factory.CreateDbContext();
        var gb = await db.Set<IndicatorValue>().Where(v => v.Year == 2082).OrderBy(v => v.CityCode).ThenBy(v => v.IndicatorCode)
            .Select(v => new { v.CityCode, v.IndicatorCode, v.Value, v.SourceNote }).ToListAsync();
        var bom = await db.Set<IndicatorValue>().Where(v => v.Year == 2083).OrderBy(v => v.CityCode).ThenBy(v => v.IndicatorCode)
            .Select(v => new { v.CityCode, v.IndicatorCode, v.Value, v.SourceNote }).ToListAsync();

        Assert.Equal(5, gb.Count);
        Assert.Equal(gb, bom);
        Assert.Contains(gb, v => v is { CityCode: "beijing", IndicatorCode: "foreign_residents", Value: 175129, SourceNote: "北京统计年鉴" });
    }

    [Fact]
    public async Task Upload_Gb18030FileIsReadAsChineseOnThePreview()
    {
        using var browser = await BrowserSession.SignInAsAdminAsync(factory);

        var (_, html) = await browser.PreviewAsync(Encoded.Gb18030("城市,consulates,source", "北京,61,北京统计年鉴"), 2082, "gbk.csv");

        Assert.Contains("GB18030", html, StringComparison.Ordinal);
        Assert.Contains("北京统计年鉴", html, StringComparison.Ordinal);
    }

    public static TheoryData<byte[], string, int, string?> ErrorKinds => new()
    {
        { Encoded.Utf8("city,consulates", "Gotham,1"), "UnknownCity", 2, "city" },
        { Encoded.Utf8("city,consulates,bogus", "beijing,1,2"), "UnknownColumn", 1, "bogus" },
        { Encoded.Utf8("city,consulates,consulates", "beijing,1,2"), "DuplicateColumn", 1, "consulates" },
        { Encoded.Utf8("town,consulates", "beijing,1"), "MissingCityColumn", 1, "city" },
        { Encoded.Utf8("city,consulates", "beijing,many"), "NotANumber", 2, "consulates" },
        { Encoded.Utf8("city,consulates", "beijing,-3"), "Negative", 2, "consulates" },
        { Encoded.Utf8("city,consulates", "beijing,1", "北京,2"), "DuplicateCity", 3, "city" },
        { Encoded.Utf8("city,consulates", "beijing,1,7"), "RaggedRow", 2, null },
        { Encoded.Utf8("city,year,consulates", "beijing,2069,1"), "YearMismatch", 2, "year" },
        { Encoded.Utf8("city,year,consulates", "beijing,20x0,1"), "YearInvalid", 2, "year" },
        { [], "EmptyFile", 1, null },
        { Encoded.Utf8("city,consulates"), "HeaderOnly", 1, null },
        { [0x00, 0x01, 0x02, 0x03, 0x63, 0x69, 0x74, 0x79], "BinaryFile", 1, null },
        // The start of a workbook and nothing more: read as one (by content), and refused as unreadable.
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "WorkbookUnreadable", 1, null },
        { [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "WorkbookUnreadable", 1, null },
        { Encoded.Utf8("city,consulates", "beijing,\"1\"2\""), "BadQuote", 2, null },
        { Encoded.Utf8("city,consulates", ",1"), "MissingCity", 2, "city" },
        { Encoded.Utf8("city,consulates", "beijing,NA"), "NoValues", 1, null },
        { Encoded.Utf8("city,consulates,source:odi", "beijing,1,x"), "SourceForUnknownIndicator", 1, "source:odi" },
    };

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public async Task Put_EachErrorKindIs400WithTheErrorLocated(byte[] file, string code, int row, string? column)
    {
        var client = factory.CreateClientWithToken();
        var before = await StoredAsync(2070);

        var response = await client.PutAsync(Api(2070), Csv.Bytes(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors, e => e.GetProperty("code").GetString() == code);
        Assert.Equal(row, error.GetProperty("row").GetInt32());
        Assert.Equal(column, error.GetProperty("column").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(before, await StoredAsync(2070));
    }

    [Fact]
    public async Task Put_MoreThanTheRowLimitIs400TooManyRows()
    {
        var client = factory.CreateClientWithToken();
        var lines = new List<string> { "city,consulates" };
        lines.AddRange(Enumerable.Repeat("beijing,1", 100_001));

        var response = await client.PutAsync(Api(2070), Csv.Content([.. lines]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray();
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "TooManyRows");
    }

    /// <summary>Each row of a diff table as "city|indicator|change|stored|new", as a reader sees it.</summary>
    private static List<string> DiffRows(string html) =>
        [.. Dom.Parse(html).QuerySelectorAll("tr").Where(r => r.ClassList.Any(c => c.StartsWith("diff-", StringComparison.Ordinal)))
            .Select(r => string.Join("|", r.QuerySelectorAll("td")
                .Select(c => c.TextContent.Trim())
                .Select((text, i) => i == 1 ? text.Split(' ')[0] : text)))];

    /// <summary>The ids of the history rows marked live.</summary>
    private static List<long> LiveRows(string html) =>
        [.. Dom.Parse(html).QuerySelectorAll("tr[data-live='true']")
            .Select(r => long.Parse(r.Id!["import-".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    private static string Version(string html) => Dom.InputValue(html, "Input.Version") ?? "";

    [GeneratedRegex("[?&]done=(\\d+)")]
    private static partial Regex Done();

    /// <summary>Counts SaveChanges once armed and throws on the second: mid-transaction, after the year row was updated.</summary>
    private sealed class FailOnSecondSaveInterceptor : SaveChangesInterceptor
    {
        private int _calls;

        public bool Armed { get; set; }

        public int Calls => _calls;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && Interlocked.Increment(ref _calls) == 2)
            {
                throw new InvalidOperationException("Injected fault mid-transaction.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
