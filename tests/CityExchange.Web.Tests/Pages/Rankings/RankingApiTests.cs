using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using MathNet.Numerics.Statistics;

namespace CityExchange.Web.Tests.Pages.Rankings;

[Collection(WebTestGroup.Name)]
public sealed class RankingApiTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_AnswersOkWhenTheDatabaseAnswers()
    {
        var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Years_ListsThePublishedYearAndTheDemoYears()
    {
        var years = await _client.GetFromJsonAsync<JsonElement>("/api/years");

        var byYear = years.EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal("published", byYear[2013].GetProperty("kind").GetString());
        Assert.Equal(46, byYear[2013].GetProperty("cities").GetInt32());
        Assert.False(byYear[2013].GetProperty("demo").GetBoolean());
        foreach (var demoYear in new[] { 2014, 2015, 2016 })
        {
            Assert.Equal("indicators", byYear[demoYear].GetProperty("kind").GetString());
            Assert.True(byYear[demoYear].GetProperty("demo").GetBoolean());
            Assert.Equal(46, byYear[demoYear].GetProperty("cities").GetInt32());
        }
    }

    [Fact]
    public async Task Rankings2013_PutsBeijingShanghaiGuangzhouFirst()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2013");

        Assert.Equal(2013, ranking.GetProperty("year").GetInt32());
        Assert.Equal("published", ranking.GetProperty("method").GetString());
        var codes = ranking.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(["beijing", "shanghai", "guangzhou"], codes.Take(3));
        Assert.Equal(46, codes.Count);
    }

    [Fact]
    public async Task Rankings2013_AgreesWithTheReportsFigure3()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2013");
        var published = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "siis2015_published.csv"))
            .Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));

        var cities = ranking.GetProperty("cities").EnumerateArray().ToList();
        var rho = Correlation.Spearman(
            cities.Select(c => (double)c.GetProperty("rank").GetInt32()),
            cities.Select(c => published[c.GetProperty("code").GetString()!]));

        Assert.True(rho >= 0.99, $"Spearman {rho:F4}");
    }

    [Fact]
    public async Task Rankings2013_DomainScoresAreThePublishedValuesUnrounded()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2013");

        var dalian = ranking.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "dalian");
        var domains = dalian.GetProperty("domains");
        Assert.Equal(69.39, domains.GetProperty("social").GetProperty("score").GetDouble());
        Assert.Equal(22.83, domains.GetProperty("politics").GetProperty("score").GetDouble());
        Assert.Equal((69.39 + 39.13 + 77.83 + 22.83) / 4, dalian.GetProperty("score").GetDouble(), 12);
        Assert.Equal(1.0, dalian.GetProperty("coverage").GetDouble());
        Assert.Equal("大连", dalian.GetProperty("nameZh").GetString());
        Assert.Equal("Dalian", dalian.GetProperty("nameEn").GetString());
        Assert.Equal("东北", dalian.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Rankings_CitiesAreSortedByRank()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2015?method=rank");

        var ranks = ranking.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal("rank", ranking.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Rankings_UnknownYearIs404()
    {
        var response = await _client.GetAsync(new Uri("/api/rankings/1999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rankings_UnknownMethodIs400()
    {
        var response = await _client.GetAsync(new Uri("/api/rankings/2014?method=median", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Rankings_ShapeIsTheContract()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2014");

        Assert.Equal(["year", "demo", "method", "warnings", "cities", "minCoverage", "excluded", "treatments"], ranking.EnumerateObject().Select(p => p.Name));
        var city = ranking.GetProperty("cities")[0];
        Assert.Equal(["code", "nameZh", "nameEn", "region", "score", "rank", "publishedRank", "publishedDisagrees", "coverage", "domains"], city.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["social", "culture", "trade", "politics"], city.GetProperty("domains").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["score", "rank", "publishedRank", "publishedDisagrees"], city.GetProperty("domains").GetProperty("trade").EnumerateObject().Select(p => p.Name));
        Assert.Equal("minmax", ranking.GetProperty("method").GetString());
    }
}
