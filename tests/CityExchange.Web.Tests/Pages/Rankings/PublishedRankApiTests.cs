using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Rankings;

/// <summary>
/// <c>publishedRank</c> and <c>publishedDisagrees</c> beside <c>rank</c>, which stays the rank of <c>score</c>:
/// the report's printed ranks (Figures 3–7) against the ranks of its printed scores (siis2015_published.csv).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PublishedRankApiTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] DomainCodes = ["social", "culture", "trade", "politics"];

    private async Task<Dictionary<string, JsonElement>> CitiesAsync(string url)
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>(url);
        return ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task Published2013_RankStaysTheRankOfTheScoreAndPublishedRankIsFigure3()
    {
        var cities = await CitiesAsync("/api/rankings/2013");

        // Qingdao: 9th in Figure 3; the mean of its published domain scores ranks 12th.
        var qingdao = cities["qingdao"];
        Assert.Equal((12, 9, true), (qingdao.GetProperty("rank").GetInt32(), qingdao.GetProperty("publishedRank").GetInt32(), qingdao.GetProperty("publishedDisagrees").GetBoolean()));
        Assert.Equal((1, 1, false), (cities["beijing"].GetProperty("rank").GetInt32(), cities["beijing"].GetProperty("publishedRank").GetInt32(), cities["beijing"].GetProperty("publishedDisagrees").GetBoolean()));
        Assert.Equal(31, cities.Values.Count(c => c.GetProperty("publishedDisagrees").GetBoolean()));
        Assert.All(cities.Values, c => Assert.Equal(
            c.GetProperty("publishedRank").GetInt32() != c.GetProperty("rank").GetInt32(), c.GetProperty("publishedDisagrees").GetBoolean()));
    }

    [Fact]
    public async Task Published2013_FiftyTwoDomainPlacesDisagreeAmongThemGuangzhouAndNanningInPolitics()
    {
        var cities = await CitiesAsync("/api/rankings/2013");

        var disagreeing = cities.Values.Sum(c => DomainCodes.Count(d => Domain(c, d).GetProperty("publishedDisagrees").GetBoolean()));
        Assert.Equal(52, disagreeing);
        // Figure 7 ranks Guangzhou 4th and Nanning 6th; their printed scores are 66.30 and 66.47.
        var guangzhou = Domain(cities["guangzhou"], "politics");
        var nanning = Domain(cities["nanning"], "politics");
        Assert.Equal((66.30, 5, 4, true), (guangzhou.GetProperty("score").GetDouble(), guangzhou.GetProperty("rank").GetInt32(), guangzhou.GetProperty("publishedRank").GetInt32(), guangzhou.GetProperty("publishedDisagrees").GetBoolean()));
        Assert.Equal((66.47, 4, 6, true), (nanning.GetProperty("score").GetDouble(), nanning.GetProperty("rank").GetInt32(), nanning.GetProperty("publishedRank").GetInt32(), nanning.GetProperty("publishedDisagrees").GetBoolean()));
        // Nantong's tied social rank is given as printed.
        Assert.Equal((46, 25), (Domain(cities["nantong"], "social").GetProperty("rank").GetInt32(), Domain(cities["nantong"], "social").GetProperty("publishedRank").GetInt32()));
    }

    [Fact]
    public async Task Published2013_WithOtherDomainWeightsRankFollowsTheScoreAndPublishedRankStays()
    {
        var cities = await CitiesAsync("/api/rankings/2013?weights=social:0.7,culture:0.1,trade:0.1,politics:0.1");

        Assert.Equal(9, cities["qingdao"].GetProperty("publishedRank").GetInt32());
        Assert.All(cities.Values, c => Assert.Equal(
            c.GetProperty("publishedRank").GetInt32() != c.GetProperty("rank").GetInt32(), c.GetProperty("publishedDisagrees").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/rankings/2013", false)]
    [InlineData("/api/rankings/2016", true)]
    [InlineData("/api/rankings/2014?method=rank", true)]
    public async Task Ranking_SaysWhetherItsYearIsDemoData(string url, bool demo)
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(demo, ranking.GetProperty("demo").GetBoolean());
    }

    [Theory]
    [InlineData("/api/rankings/2016")]
    [InlineData("/api/rankings/2014?method=rank")]
    public async Task IndicatorYear_HasNoPublishedRankAndNothingDisagrees(string url)
    {
        var cities = await CitiesAsync(url);

        Assert.All(cities.Values, c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("publishedRank").ValueKind);
            Assert.False(c.GetProperty("publishedDisagrees").GetBoolean());
            Assert.All(DomainCodes, d => Assert.Equal((JsonValueKind.Null, false), (Domain(c, d).GetProperty("publishedRank").ValueKind, Domain(c, d).GetProperty("publishedDisagrees").GetBoolean())));
        });
    }

    [Fact]
    public async Task WhatIf_SharesTheRecordWithNoPublishedRankInAnIndicatorYear()
    {
        var response = await _client.PostAsJsonAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), new { overrides = new[] { new { city = "beijing", indicator = "consulates", value = 1 } } });
        response.EnsureSuccessStatusCode();
        var city = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cities")[0];

        Assert.Equal(JsonValueKind.Null, city.GetProperty("publishedRank").ValueKind);
        Assert.False(Domain(city, "trade").GetProperty("publishedDisagrees").GetBoolean());
    }

    private static JsonElement Domain(JsonElement city, string domain) => city.GetProperty("domains").GetProperty(domain);
}
