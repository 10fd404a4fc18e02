using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Core.Cities;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Tests.Pages.Imports;

/// <summary>A database of its own: city uploads change the reference data every other test relies on.</summary>
public sealed class IsolatedAppFixture : IAsyncLifetime
{
    public CityExchangeFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[Collection(WebTestGroup.Name)]
public sealed class CityApiTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    private const string Header = "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south";

    private static readonly Uri Cities = new("/api/cities", UriKind.Relative);

    [Fact]
    public async Task PutCities_AddsAndUpdatesByCodeAndTheNewCityCanBeUploadedAtOnce()
    {
        var client = app.Factory.CreateClientWithToken();

        var response = await client.PutAsync(Cities, Csv.Content(
            Header,
            "testville,测试城,Testville,测试省,Test Province,华东,East China,other,east,",
            "beijing,北京,Beijing,北京,Beijing Municipality,华北,North China,Municipality,east,north"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 1), (body.GetProperty("cities").GetInt32(), body.GetProperty("added").GetInt32(), body.GetProperty("updated").GetInt32()));
        await using (var db = app.Factory.CreateDbContext())
        {
            var added = await db.Set<City>().SingleAsync(c => c.Code == "testville");
            Assert.Equal(new City("testville", "测试城", "Testville", "测试省", "Test Province", "华东", "East China", "other", "east", null), added);
            Assert.Equal("Beijing Municipality", (await db.Set<City>().SingleAsync(c => c.Code == "beijing")).ProvinceEn);
            Assert.Equal(47, await db.Set<City>().CountAsync());
        }

        var indicators = await client.PutAsync(new Uri("/api/years/2085/indicators", UriKind.Relative), Csv.Content("city,consulates", "测试城,3", "beijing,4"));
        Assert.Equal(HttpStatusCode.OK, indicators.StatusCode);
    }

    [Fact]
    public async Task PutCities_InvalidFileIs400WithEveryErrorLocatedAndStoresNothing()
    {
        var client = app.Factory.CreateClientWithToken();

        var response = await client.PutAsync(Cities, Csv.Content(
            Header,
            "goodcity,好城,Goodcity,好省,Good,华东,East China,other,east,south",
            "Bad Code,坏城,Badcity,坏省,Bad,华东,East China,other,east,south",
            "villa,村,Villa,省,P,华东,East China,village,east,south",
            "mid,中,Mid,省,P,华东,East China,other,middle,south",
            "goodcity,好城,Goodcity,好省,Good,华东,East China,other,east,south",
            "noname,,Noname,省,P,华东,East China,other,east,south"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString()))
            .ToList();
        Assert.Equal(
            [(3, "code", "InvalidCode"), (4, "level", "InvalidValue"), (5, "east_west", "InvalidValue"), (6, "code", "DuplicateCode"), (7, "name_zh", "MissingValue")],
            errors);
        await using var db = app.Factory.CreateDbContext();
        Assert.False(await db.Set<City>().AnyAsync(c => c.Code == "goodcity"));
    }

    [Fact]
    public async Task PutCities_MissingColumnIs400()
    {
        var client = app.Factory.CreateClientWithToken();

        var response = await client.PutAsync(Cities, Csv.Content("code,name_zh,name_en", "x,甲,X"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("code").GetString() == "MissingColumn" && e.GetProperty("column").GetString() == "north_south");
        Assert.Equal(7, errors.Count(e => e.GetProperty("code").GetString() == "MissingColumn"));
    }

    [Fact]
    public async Task PutCities_OverTenMegabytesIs413()
    {
        var client = app.Factory.CreateClientWithToken();
        var big = new byte[(10 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');

        var response = await client.PutAsync(Cities, Csv.Bytes(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
