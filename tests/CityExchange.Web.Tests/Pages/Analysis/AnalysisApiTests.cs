using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Analysis;

[Collection(WebTestGroup.Name)]
public sealed class AnalysisApiTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Figure 9 as bundled: city code → published cluster.</summary>
    private static Dictionary<string, int> Figure9()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "siis2015_published.csv"));
        var header = lines[0].Split(',');
        int code = Array.IndexOf(header, "code"), cluster = Array.IndexOf(header, "cluster");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[code], c => int.Parse(c[cluster], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Clusters2013_DefaultToWardAndFiveClustersThatAreFigure9()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/clusters");

        Assert.Equal(["k", "linkage", "clusters", "excluded"], Keys(body));
        Assert.Equal(5, body.GetProperty("k").GetInt32());
        Assert.Equal("ward", body.GetProperty("linkage").GetString());
        var clusters = body.GetProperty("clusters").EnumerateArray().ToList();
        Assert.All(clusters, c => Assert.Equal(["id", "cities"], Keys(c)));
        Assert.Equal([1, 2, 3, 4, 5], clusters.Select(c => c.GetProperty("id").GetInt32()));
        var ours = clusters.SelectMany(c => c.GetProperty("cities").EnumerateArray().Select(city => (City: city.GetString()!, Id: c.GetProperty("id").GetInt32())))
            .ToDictionary(x => x.City, x => x.Id);
        Assert.Equal(Figure9().OrderBy(x => x.Key), ours.OrderBy(x => x.Key));
        Assert.Empty(body.GetProperty("excluded").EnumerateArray());
    }

    [Theory]
    [InlineData("average", 3)]
    [InlineData("COMPLETE", 7)]
    [InlineData("single", 2)]
    public async Task Clusters_TakeLinkageAndK(string linkage, int k)
    {
        var body = await _client.GetFromJsonAsync<JsonElement>($"/api/analysis/2014/clusters?k={k}&linkage={linkage}");

        Assert.Equal(k, body.GetProperty("k").GetInt32());
        Assert.Equal(linkage.ToLowerInvariant(), body.GetProperty("linkage").GetString());
        Assert.Equal(k, body.GetProperty("clusters").GetArrayLength());
        Assert.Equal(46, body.GetProperty("clusters").EnumerateArray().Sum(c => c.GetProperty("cities").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/analysis/2013/clusters?k=0")]
    [InlineData("/api/analysis/2013/clusters?k=abc")]
    [InlineData("/api/analysis/2013/clusters?k=2.5")]
    [InlineData("/api/analysis/2013/clusters?k=47")]
    [InlineData("/api/analysis/2013/clusters?linkage=centroid")]
    public async Task Clusters_RefuseBadKOrLinkage(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/analysis/1999/clusters")]
    [InlineData("/api/analysis/1999/groups")]
    [InlineData("/api/analysis/1999/correlations")]
    public async Task UnknownYear_IsNotFound(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Groups2013_HaveTheContractShapeAndKeysOfCitiesCsv()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/groups");

        Assert.Equal(["groups"], Keys(body));
        var groups = body.GetProperty("groups").EnumerateArray().ToList();
        Assert.All(groups, g => Assert.Equal(["kind", "key", "cities", "overall", "domains"], Keys(g)));
        Assert.All(groups, g => Assert.Equal(["social", "culture", "trade", "politics"], Keys(g.GetProperty("domains"))));
        string[] Of(string kind) => [.. groups.Where(g => g.GetProperty("kind").GetString() == kind).Select(g => g.GetProperty("key").GetString()!)];
        Assert.Equal(["东北", "华北", "华东", "华中", "华南", "西南", "西北"], Of("region"));
        Assert.Equal(["east", "west", "unassigned"], Of("east_west"));
        Assert.Equal(["north", "south"], Of("north_south"));
        Assert.Equal(["municipality", "capital", "other"], Of("level"));

        // numpy 1.24 on the bundled files: the 21 eastern cities' mean overall score and mean trade score.
        var east = groups.Single(g => g.GetProperty("key").GetString() == "east");
        Assert.Equal(21, east.GetProperty("cities").GetInt32());
        Assert.Equal(49.295833333333334, east.GetProperty("overall").GetDouble(), 9);
        Assert.Equal(52.194761904761904, east.GetProperty("domains").GetProperty("trade").GetDouble(), 9);
        Assert.Equal(9, groups.Single(g => g.GetProperty("key").GetString() == "unassigned").GetProperty("cities").GetInt32());
    }

    [Fact]
    public async Task Correlations2013_HaveTheContractShapeAndSciPysValues()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/correlations");

        Assert.Equal(["domains", "r", "p", "n"], Keys(body));
        Assert.Equal(["social", "culture", "trade", "politics"], body.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(46, body.GetProperty("n").GetInt32());
        var r = body.GetProperty("r");
        var p = body.GetProperty("p");
        Assert.Equal(4, r.GetArrayLength());
        Assert.All(r.EnumerateArray(), row => Assert.Equal(4, row.GetArrayLength()));
        Assert.Equal(1.0, r[2][2].GetDouble());
        // scipy.stats.pearsonr(social, culture) on the published 2013 scores: r = 0.6543686252, p = 8.118745e-07.
        Assert.Equal(0.6543686252, r[0][1].GetDouble(), 9);
        Assert.Equal(r[0][1].GetDouble(), r[1][0].GetDouble());
        Assert.Equal(1, p[0][1].GetDouble() / 8.118745e-07, 5);
        // culture–trade: r = 0.4818516070, p = 6.973049e-04 (the report prints .482 and .001).
        Assert.Equal(0.4818516070, r[1][2].GetDouble(), 9);
        Assert.Equal(1, p[1][2].GetDouble() / 6.973049e-04, 5);
    }

    [Fact]
    public async Task IncompleteCity_IsExcludedFromClustersAndCorrelations()
    {
        // Four cities with one indicator in each domain; chengdu has no politics indicator.
        var upload = await factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2050/indicators", UriKind.Relative), Csv.Content(
            "city,intl_flights,foreign_language,trade_volume,consulates",
            "beijing,10,10,10,10",
            "shanghai,20,30,40,50",
            "guangzhou,30,20,10,20",
            "wuhan,5,40,20,30",
            "chengdu,40,10,30,"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var clusters = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2050/clusters?k=2");
        var correlations = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2050/correlations");
        var tooMany = await _client.GetAsync(new Uri("/api/analysis/2050/clusters?k=5", UriKind.Relative));

        Assert.Equal(["chengdu"], clusters.GetProperty("excluded").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(4, clusters.GetProperty("clusters").EnumerateArray().Sum(c => c.GetProperty("cities").GetArrayLength()));
        Assert.Equal(4, correlations.GetProperty("n").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
