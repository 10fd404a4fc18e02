using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

[Collection(WebTestGroup.Name)]
public sealed class ImportApiTests(CityExchangeFactory factory)
{
    private static readonly string[] HandComputed =
    [
        "city,consulates,sister_cities,trade_volume,intl_flights",
        "beijing,10,20,100,5",
        "上海,30,20,300,NA",
        "Guangzhou,20,40,200,15",
        "chengdu,30,0,,10",
    ];

    private static Uri Year(int year) => new($"/api/years/{year}/indicators", UriKind.Relative);

    private static async Task<Dictionary<string, JsonElement>> RankingAsync(HttpClient client, int year, string method)
    {
        var ranking = await client.GetFromJsonAsync<JsonElement>($"/api/rankings/{year}?method={method}");
        Assert.Equal(method, ranking.GetProperty("method").GetString());
        return ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task Put_ValidCsvRanksAsTheMinMaxRulesSay()
    {
        var client = factory.CreateClientWithToken();
        var response = await client.PutAsync(Year(2031), Csv.Content(HandComputed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var cities = await RankingAsync(client, 2031, "minmax");

        // consulates 0,100,50,100 · sister 50,50,100,0 · trade 0,100,50,— · flights 0,—,100,50
        Assert.Equal(25.0 / 3, cities["beijing"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(87.5, cities["shanghai"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(75, cities["guangzhou"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(50, cities["chengdu"].GetProperty("score").GetDouble(), 9);
        Assert.Equal([4, 1, 2, 3], new[] { "beijing", "shanghai", "guangzhou", "chengdu" }.Select(c => cities[c].GetProperty("rank").GetInt32()));
        Assert.Equal(JsonValueKind.Null, cities["shanghai"].GetProperty("domains").GetProperty("social").GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, cities["chengdu"].GetProperty("domains").GetProperty("trade").GetProperty("rank").ValueKind);
        Assert.Equal(1, cities["shanghai"].GetProperty("domains").GetProperty("politics").GetProperty("rank").GetInt32());
        Assert.Equal(1, cities["guangzhou"].GetProperty("domains").GetProperty("politics").GetProperty("rank").GetInt32());
        Assert.Equal(3, cities["chengdu"].GetProperty("domains").GetProperty("politics").GetProperty("rank").GetInt32());
        Assert.Equal(3.0 / 17, cities["chengdu"].GetProperty("coverage").GetDouble(), 12);
        Assert.Equal(4, cities.Count);
    }

    [Fact]
    public async Task Put_ValidCsvRanksAsTheRankScoreRulesSay()
    {
        var client = factory.CreateClientWithToken();
        (await client.PutAsync(Year(2032), Csv.Content(HandComputed))).EnsureSuccessStatusCode();

        var cities = await RankingAsync(client, 2032, "rank");

        // consulates 25,75,50,75 · sister 50,50,100,25 · trade 100/3,100,200/3 · flights 100/3,100,200/3
        Assert.Equal(((100.0 / 3) + (100.0 / 3) + 37.5) / 3, cities["beijing"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(81.25, cities["shanghai"].GetProperty("score").GetDouble(), 9);
        Assert.Equal((100 + (200.0 / 3) + 75) / 3, cities["guangzhou"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(((200.0 / 3) + 50) / 2, cities["chengdu"].GetProperty("score").GetDouble(), 9);
        Assert.Equal([4, 1, 2, 3], new[] { "beijing", "shanghai", "guangzhou", "chengdu" }.Select(c => cities[c].GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task Put_ReturnsASummaryAndWarnsAboutDroppedIndicators()
    {
        var client = factory.CreateClientWithToken();

        var response = await client.PutAsync(Year(2033), Csv.Content("city,year,consulates,odi", "beijing,2033,3,5", "shanghai,2033,4,5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("cities").GetInt32());
        Assert.Equal(4, summary.GetProperty("values").GetInt32());
        var warning = Assert.Single(summary.GetProperty("warnings").EnumerateArray());
        Assert.Equal("odi", warning.GetProperty("indicator").GetString());
        Assert.Equal("constant", warning.GetProperty("code").GetString());
        var ranking = await client.GetFromJsonAsync<JsonElement>("/api/rankings/2033");
        Assert.Equal("odi", ranking.GetProperty("warnings")[0].GetProperty("indicator").GetString());
    }

    [Fact]
    public async Task Put_InvalidCsvIs400WithEveryErrorAndStoresNothing()
    {
        var client = factory.CreateClientWithToken();
        (await client.PutAsync(Year(2034), Csv.Content("city,consulates", "beijing,1", "shanghai,2"))).EnsureSuccessStatusCode();

        var response = await client.PutAsync(Year(2034), Csv.Content("city,consulates,embassies", "beijing,x,1", "Gotham,3,1", "tianjin,-2,1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString()))
            .ToList();
        Assert.Equal([(1, "embassies", "embassies"), (2, "consulates", "x"), (3, "city", "Gotham"), (4, "consulates", "-2")], errors);
        Assert.All(body.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));

        await using var db = factory.CreateDbContext();
        var stored = await db.Set<IndicatorValue>().Where(v => v.Year == 2034).OrderBy(v => v.CityCode).Select(v => v.Value).ToListAsync();
        Assert.Equal([1, 2], stored);
        var history = await db.Set<ImportRecord>().Where(i => i.Year == 2034).OrderBy(i => i.Id).Select(i => i.Status).ToListAsync();
        Assert.Equal([ImportRecord.Accepted, ImportRecord.Rejected], history);
    }

    [Fact]
    public async Task Put_ReplacesTheWholeYear()
    {
        var client = factory.CreateClientWithToken();
        (await client.PutAsync(Year(2035), Csv.Content("city,consulates,odi", "beijing,1,1", "shanghai,2,2"))).EnsureSuccessStatusCode();

        (await client.PutAsync(Year(2035), Csv.Content("city,sister_cities", "tianjin,5", "chengdu,6"))).EnsureSuccessStatusCode();

        await using var db = factory.CreateDbContext();
        var stored = await db.Set<IndicatorValue>().Where(v => v.Year == 2035).Select(v => v.CityCode + ":" + v.IndicatorCode).ToListAsync();
        Assert.Equal(["chengdu:sister_cities", "tianjin:sister_cities"], stored.Order());
    }

    [Fact]
    public async Task Put_YearColumnDifferentFromRouteIs400()
    {
        var client = factory.CreateClientWithToken();

        var response = await client.PutAsync(Year(2036), Csv.Content("city,year,consulates", "beijing,2035,1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Put_EmptyBodyIs400()
    {
        var client = factory.CreateClientWithToken();

        var response = await client.PutAsync(Year(2036), Csv.Bytes([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("EmptyFile", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Put_BodyOverTenMegabytesIs413()
    {
        var client = factory.CreateClientWithToken();
        var big = new byte[(10 * 1024 * 1024) + 10];
        Array.Fill(big, (byte)'1');

        var response = await client.PutAsync(Year(2037), Csv.Bytes(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("test-token-012345678")]
    public async Task Put_WithoutTheRightTokenIs401AndStoresNothing(string? token)
    {
        var client = factory.CreateClientWithToken(token);

        var response = await client.PutAsync(Year(2038), Csv.Content("city,consulates", "beijing,1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Set<DataYear>().AnyAsync(y => y.Year == 2038));
    }

    [Fact]
    public async Task Put_WhenNoTokenIsConfiguredIs403()
    {
        using var noToken = factory.WithWebHostBuilder(b => b.UseSetting("Import:ApiToken", ""));
        var client = noToken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "");

        var response = await client.PutAsync(Year(2039), Csv.Content("city,consulates", "beijing,1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Put_ErrorMessagesFollowTheRequestLanguage()
    {
        var client = factory.CreateClientWithToken();
        using var request = new HttpRequestMessage(HttpMethod.Put, Year(2040)) { Content = Csv.Content("city,consulates", "Gotham,1") };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var body = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.StartsWith("Unknown city", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
