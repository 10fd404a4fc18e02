using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Pages.Imports;

namespace CityExchange.Web.Tests.Pages.Shared;

/// <summary>
/// The city map (_CityMap.cshtml) on the overview, /Rankings and the city page: its data holds points only, one per
/// city, the page's own city marked, and a city without coordinates listed beside the map. A database of its own:
/// year 2161 has a city uploaded without lat/lon.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class CityMapTests(IsolatedAppFixture app) : IClassFixture<IsolatedAppFixture>
{
    private const string Header = "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south";

    private static readonly string[] BoundaryWords = ["Polygon", "MultiPolygon", "LineString", "topology", "arcs"];

    private static readonly Uri Cities = new("/api/cities", UriKind.Relative);

    private static (JsonElement Table, JsonElement Config, string Data) MapOf(string html)
    {
        var dom = Dom.Parse(html);
        var table = dom.QuerySelector("script#city-map-data")!.TextContent;
        var config = dom.QuerySelector("script#city-map-config")!.TextContent;
        return (JsonDocument.Parse(table).RootElement, JsonDocument.Parse(config).RootElement, table + config);
    }

    private static List<string> Codes(JsonElement table) => [.. table.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()!)];

    private static void AssertPointsOnly(string data)
    {
        foreach (var word in BoundaryWords)
        {
            Assert.DoesNotContain(word, data, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task UploadUnlocatedYearAsync()
    {
        var client = app.Factory.CreateClientWithToken();
        var cities = await client.PutAsync(Cities, Csv.Content(Header + ",lat,lon", "nowhere,无处城,Nowhere,测试省,Test Province,华东,East China,other,east,,,"));
        Assert.Equal(HttpStatusCode.OK, cities.StatusCode);
        var values = await client.PutAsync(new Uri("/api/years/2161/indicators", UriKind.Relative),
            Csv.Content("city,consulates", "beijing,40", "shanghai,30", "fuzhou,20", "nowhere,10"));
        Assert.Equal(HttpStatusCode.OK, values.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "示意图：仅示城市位置，不含行政边界", "福州")]
    [InlineData("en", "Schematic: city locations only, no boundaries", "Fuzhou")]
    public async Task Overview_MapHasEveryCityAsAPoint_WithTheCaption_AndNoBoundaryGeometry(string culture, string caption, string fuzhou)
    {
        var html = await PageHtml.GetOkAsync(app.Factory, "/?year=2015", culture);
        var (table, config, data) = MapOf(html);

        Assert.Equal(46, table.GetProperty("rows").GetArrayLength());
        Assert.Equal(2015, config.GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("highlight").ValueKind);
        var row = table.GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "fuzhou");
        Assert.Equal((fuzhou, 26.0614, 119.3061), (row[1].GetString(), row[4].GetDouble(), row[5].GetDouble()));
        Assert.Contains(caption, html, StringComparison.Ordinal);
        Assert.Contains("https://www.geonames.org/", html, StringComparison.Ordinal);
        Assert.Contains("data-chart-table=\"city-map-data\"", html, StringComparison.Ordinal);
        Assert.Null(Dom.Parse(html).QuerySelector(".city-map-unlocated"));
        AssertPointsOnly(data);
    }

    [Fact]
    public async Task Rankings_MapFollowsTheFilters_EveryMatchingCityAndTheChosenDomain()
    {
        var html = await PageHtml.GetOkAsync(app.Factory, "/Rankings?year=2015&region=东北&domain=trade", "en");
        var (table, config, data) = MapOf(html);

        Assert.Equal(["changchun", "dalian", "harbin", "shenyang"], Codes(table).Order(StringComparer.Ordinal));
        Assert.Equal("trade", config.GetProperty("domain").GetString());
        Assert.Contains("Map of the cities: Trade score, 2015", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#ranking-table\"", html, StringComparison.Ordinal);
        AssertPointsOnly(data);
    }

    [Fact]
    public async Task CityPage_MapMarksTheCityAmongTheYearsCities()
    {
        var html = await PageHtml.GetOkAsync(app.Factory, "/Cities/fuzhou?year=2015", "zh-CN");
        var (table, config, data) = MapOf(html);

        Assert.Equal("fuzhou", config.GetProperty("highlight").GetString());
        Assert.Equal(46, table.GetProperty("rows").GetArrayLength());
        Assert.Contains("城市分布图：综合得分，2015 年", html, StringComparison.Ordinal);
        AssertPointsOnly(data);
    }

    [Fact]
    public async Task ACityWithoutCoordinates_IsListedBesideTheMap_NeverAPointAtZero()
    {
        await UploadUnlocatedYearAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, "/?year=2161", "en");
        var (table, _, data) = MapOf(html);

        Assert.Equal(["beijing", "shanghai", "fuzhou", "nowhere"], Codes(table));
        var nowhere = table.GetProperty("rows")[3];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (nowhere[4].ValueKind, nowhere[5].ValueKind));
        var aside = Dom.Parse(html).QuerySelector(".city-map-unlocated")!;
        Assert.Contains("Not on the map: location unknown", aside.TextContent, StringComparison.Ordinal);
        Assert.Equal(["nowhere"], aside.QuerySelectorAll("li[data-city]").Select(li => li.GetAttribute("data-city")));
        Assert.Contains("/Cities/nowhere?year=2161", aside.InnerHtml, StringComparison.Ordinal);
        AssertPointsOnly(data);

        var api = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/cities?q=nowhere");
        var city = api.GetProperty("cities")[0];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (city.GetProperty("lat").ValueKind, city.GetProperty("lon").ValueKind));
    }

    [Fact]
    public async Task PutCities_StoresLatLon_KeepsThemWhenAFileHasNoSuchColumns_AndRefusesOutOfRange()
    {
        var client = app.Factory.CreateClientWithToken();

        var located = await client.PutAsync(Cities, Csv.Content(Header + ",lat,lon", "mapville,地图城,Mapville,测试省,Test Province,华东,East China,other,east,,31.5,120.25"));
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
        var renamed = await client.PutAsync(Cities, Csv.Content(Header, "mapville,地图城,Mapville Town,测试省,Test Province,华东,East China,other,east,"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var api = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/cities?q=mapville");
        var city = api.GetProperty("cities")[0];
        Assert.Equal(("Mapville Town", 31.5, 120.25), (city.GetProperty("nameEn").GetString(), city.GetProperty("lat").GetDouble(), city.GetProperty("lon").GetDouble()));

        var bad = await client.PutAsync(Cities, Csv.Content(Header + ",lat,lon", "mapville,地图城,Mapville,测试省,Test Province,华东,East China,other,east,,31.5,200"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal((2, "lon", "CoordinateOutOfRange"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task ApiCities_GivesTheBundledCoordinates()
    {
        var api = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/cities?q=urumqi");
        var city = api.GetProperty("cities")[0];

        Assert.Equal((43.801, 87.6005), (city.GetProperty("lat").GetDouble(), city.GetProperty("lon").GetDouble()));
    }
}
