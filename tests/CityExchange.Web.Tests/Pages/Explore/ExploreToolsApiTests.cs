using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Explore;

/// <summary>What-if, targets, rank uncertainty, preset weights and the score-change decomposition (issue 6).</summary>
[Collection(WebTestGroup.Name)]
public sealed class ExploreToolsApiTests(CityExchangeFactory factory)
{
    private static readonly string[] Indicators =
    [
        "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports", "intl_performances", "foreign_language",
        "foreign_restaurants", "trade_volume", "foreign_firms", "joint_ventures", "foreign_tax", "odi", "leader_visits", "consulates",
        "intl_orgs", "sister_cities",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task WhatIf_TheLastCityWithEveryValueAboveTheMaximumRanksFirst()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2015");
        var last = ranking.GetProperty("cities").EnumerateArray().Last().GetProperty("code").GetString()!;

        var result = await PostWhatIfAsync(2015, new { overrides = Indicators.Select(i => new { city = last, indicator = i, value = 1e9 }) });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var body = await result.Content.ReadFromJsonAsync<JsonElement>();
        var first = body.GetProperty("cities")[0];
        Assert.Equal(last, first.GetProperty("code").GetString());
        Assert.Equal(100, first.GetProperty("score").GetDouble(), 9);
        Assert.Equal(["year", "demo", "method", "warnings", "cities", "minCoverage", "excluded", "treatments"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WhatIf_WithoutOverridesIsTheRanking()
    {
        var plain = await _client.GetStringAsync(new Uri("/api/rankings/2015?method=rank", UriKind.Relative));

        var result = await PostWhatIfAsync(2015, new { overrides = Array.Empty<object>(), method = "rank" });

        Assert.Equal(plain, await result.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("Beijing")]
    [InlineData("beijing")]
    public async Task WhatIf_AcceptsACodeOrAChineseOrEnglishName(string city)
    {
        var result = await PostWhatIfAsync(2015, new { overrides = new[] { new { city, indicator = "consulates", value = 0.0 } } });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task WhatIf_LoweringAValueLowersTheScoreByTheWeightedMinMaxDifference()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2015?weights=social:0,culture:0,trade:0,politics:1,leader_visits:0,intl_orgs:0,sister_cities:0");
        var top = ranking.GetProperty("cities")[0];

        // Only consulates counts; setting the leader's consulates to the minimum (0 here or below every other value) makes its score 0.
        var result = await PostWhatIfAsync(2015, new
        {
            overrides = new[] { new { city = top.GetProperty("code").GetString(), indicator = "consulates", value = 0.0 } },
            weights = "social:0,culture:0,trade:0,politics:1,leader_visits:0,intl_orgs:0,sister_cities:0",
        });
        var body = await result.Content.ReadFromJsonAsync<JsonElement>();

        var city = body.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == top.GetProperty("code").GetString());
        Assert.Equal(0, city.GetProperty("score").GetDouble(), 9);
    }

    [Theory]
    [InlineData("""{ "overrides": [ { "city": "atlantis", "indicator": "consulates", "value": 1 } ] }""")]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "unicorns", "value": 1 } ] }""")]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "consulates", "value": -5 } ] }""")]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "consulates", "value": "many" } ] }""")]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "consulates" } ] }""")]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "consulates", "value": "12" } ] }""")]
    [InlineData("""{ "overrides": [], "weights": [ 0.4, 0.2, 0.2, 0.2 ] }""")]
    [InlineData("""{ "overrides": [ "beijing" ] }""")]
    [InlineData("""{ "overrides": "beijing" }""")]
    [InlineData("""{ "overrides": [], "weights": "social:-1" }""")]
    [InlineData("""{ "overrides": [], "method": "median" }""")]
    [InlineData("""not json""")]
    public async Task WhatIf_BadRequestIs400WithAMessage(string json)
    {
        var result = await _client.PostAsync(new Uri("/api/rankings/2015/whatif", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        var problem = await result.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("""{ "overrides": [ { "city": "beijing", "indicator": "consulates", "value": "12" } ] }""")]
    [InlineData("""{ "overrides": [], "weights": [ 0.4, 0.2, 0.2, 0.2 ] }""")]
    public async Task WhatIf_AStringValueOrAnArrayOfWeights_IsRefusedWithTheBodyMessage(string json)
    {
        // docs/api.md: a value is a number, weights a string or an object; both used to pass.
        var result = await _client.PostAsync(new Uri("/api/rankings/2015/whatif?culture=en", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        var problem = await result.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
        Assert.StartsWith("The body must be JSON: { \"overrides\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_TakesWeightsAsAnObjectAndSettingsAsTheQuerysStrings()
    {
        var result = await PostWhatIfAsync(2015, new
        {
            overrides = new[] { new { city = "beijing", indicator = "consulates", value = 1.0 } },
            weights = new { social = 1, culture = 0, trade = 0, politics = 0 },
            method = "rank",
            winsorise = true,
        });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task WhatIf_PublishedYearIs400AndUnknownYear404()
    {
        var body = new { overrides = new[] { new { city = "beijing", indicator = "consulates", value = 1.0 } } };

        Assert.Equal(HttpStatusCode.BadRequest, (await PostWhatIfAsync(2013, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostWhatIfAsync(1999, body)).StatusCode);
    }

    [Fact]
    public async Task Targets_ShapeIsTheContract()
    {
        var targets = await _client.GetFromJsonAsync<JsonElement>("/api/targets/2015?city=nanjing&rank=10");

        Assert.Equal(["city", "rank", "anyIndicatorSuffices", "indicators"], targets.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nanjing", targets.GetProperty("city").GetString());
        Assert.Equal(10, targets.GetProperty("rank").GetInt32());
        Assert.True(targets.GetProperty("anyIndicatorSuffices").GetBoolean());
        Assert.Equal(Indicators, targets.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicator").GetString()));
        Assert.All(targets.GetProperty("indicators").EnumerateArray(),
            i => Assert.Equal(["indicator", "current", "value", "wholeNumber"], i.EnumerateObject().Select(p => p.Name)));
        // framework.csv: every indicator is a count but the three money amounts.
        Assert.Equal(["trade_volume", "foreign_tax", "odi"],
            targets.GetProperty("indicators").EnumerateArray().Where(i => !i.GetProperty("wholeNumber").GetBoolean()).Select(i => i.GetProperty("indicator").GetString()));
    }

    [Fact]
    public async Task Targets_ForACountAreTheSmallestWholeNumberThatReachesTheRank()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2016");
        var city = ranking.GetProperty("cities")[20].GetProperty("code").GetString()!;
        var target = ranking.GetProperty("cities")[20].GetProperty("rank").GetInt32() - 2;

        var targets = await _client.GetFromJsonAsync<JsonElement>($"/api/targets/2016?city={city}&rank={target}");

        var counts = targets.GetProperty("indicators").EnumerateArray()
            .Where(i => i.GetProperty("wholeNumber").GetBoolean() && i.GetProperty("value").ValueKind == JsonValueKind.Number).Take(3).ToList();
        Assert.Equal(3, counts.Count);
        foreach (var t in counts)
        {
            var indicator = t.GetProperty("indicator").GetString()!;
            var value = t.GetProperty("value").GetDouble();
            Assert.Equal(Math.Round(value), value);
            Assert.InRange(await RankWithAsync(2016, city, indicator, value), 1, target);
            Assert.True(await RankWithAsync(2016, city, indicator, value - 1) > target, $"{indicator}: {value} − 1 still reaches {target}");
        }
    }

    [Fact]
    public async Task Targets_WhenNoIndicatorAloneSufficesSaySo()
    {
        // The last city of 2016 cannot pass Shanghai and Beijing with any one value: the best it can do with one
        // indicator is 100 on it while the leaders drop to 0 there, a few points each way against a gap of about 60.
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2016");
        var last = ranking.GetProperty("cities").EnumerateArray().Last().GetProperty("code").GetString()!;

        var targets = await _client.GetFromJsonAsync<JsonElement>($"/api/targets/2016?city={last}&rank=1");

        Assert.False(targets.GetProperty("anyIndicatorSuffices").GetBoolean());
        Assert.All(targets.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("value").ValueKind));
    }

    [Fact]
    public async Task Targets_ForAnAmountEachValueReachesTheRankAndOnePerMilleLessDoesNot()
    {
        var ranking = await _client.GetFromJsonAsync<JsonElement>("/api/rankings/2016");
        var city = ranking.GetProperty("cities")[20].GetProperty("code").GetString()!;
        var target = ranking.GetProperty("cities")[20].GetProperty("rank").GetInt32() - 2;

        var targets = await _client.GetFromJsonAsync<JsonElement>($"/api/targets/2016?city={city}&rank={target}");

        // The amounts (not whole numbers): to within the promised precision.
        var found = targets.GetProperty("indicators").EnumerateArray()
            .Where(i => !i.GetProperty("wholeNumber").GetBoolean() && i.GetProperty("value").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(found);
        foreach (var t in found)
        {
            var indicator = t.GetProperty("indicator").GetString();
            var value = t.GetProperty("value").GetDouble();
            Assert.InRange(await RankWithAsync(2016, city, indicator!, value), 1, target);
            Assert.True(await RankWithAsync(2016, city, indicator!, value * 0.999) > target, $"{indicator}: {value}·0.999 still reaches {target}");
        }
    }

    [Theory]
    [InlineData("/api/targets/2013?city=beijing&rank=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/targets/1999?city=beijing&rank=1", HttpStatusCode.NotFound)]
    [InlineData("/api/targets/2015?city=atlantis&rank=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/targets/2015?rank=1", HttpStatusCode.BadRequest)]
    [InlineData("/api/targets/2015?city=beijing&rank=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/targets/2015?city=beijing&rank=47", HttpStatusCode.BadRequest)]
    [InlineData("/api/targets/2015?city=beijing", HttpStatusCode.BadRequest)]
    public async Task Targets_BadRequests(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Sensitivity_ShapeIsTheContractAndIntervalsHoldTheMedian()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2015?samples=1000&seed=7");

        Assert.Equal(["samples", "cities"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1000, result.GetProperty("samples").GetInt32());
        var cities = result.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(46, cities.Count);
        Assert.All(cities, c =>
        {
            Assert.Equal(["code", "rank", "median", "p05", "p95"], c.EnumerateObject().Select(p => p.Name));
            Assert.InRange(c.GetProperty("median").GetDouble(), c.GetProperty("p05").GetDouble(), c.GetProperty("p95").GetDouble());
        });
        var ranks = cities.Select(c => c.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public async Task Sensitivity_SameSeedSameAnswer()
    {
        var first = await _client.GetStringAsync(new Uri("/api/sensitivity/2014?samples=500&seed=7&sampling=uniform&vary=true", UriKind.Relative));
        var second = await _client.GetStringAsync(new Uri("/api/sensitivity/2014?samples=500&seed=7&sampling=uniform&vary=true", UriKind.Relative));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Sensitivity_WorksOnThePublishedDomainScores()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2013?samples=200&seed=1");

        Assert.Equal("beijing", result.GetProperty("cities")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("concentration=0.003&samples=20000")]
    [InlineData("concentration=0.001&samples=20000")]
    [InlineData("concentration=0.001&samples=2000&vary=true")]
    public async Task Sensitivity_WithATinyConcentrationIsStillAnswered(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/sensitivity/2016?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cities = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(46, cities.Count);
        // Near a vertex of the simplex each sample weighs one domain: ranks spread, but every one is a rank.
        Assert.All(cities, c => Assert.InRange(c.GetProperty("p05").GetDouble(), 1, c.GetProperty("p95").GetDouble()));
        Assert.All(cities, c => Assert.InRange(c.GetProperty("p95").GetDouble(), c.GetProperty("median").GetDouble(), 46));
    }

    [Theory]
    [InlineData("samples=0")]
    [InlineData("samples=1000000")]
    [InlineData("seed=x")]
    [InlineData("sampling=normal")]
    [InlineData("weights=nope:1")]
    public async Task Sensitivity_BadParameterIs400(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/sensitivity/2015?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Bounds_BestAndWorstBracketTheNominalRank()
    {
        var result = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2013/bounds?min=0.1&max=0.4");

        Assert.True(result.GetProperty("approximate").GetBoolean());
        Assert.True(result.GetProperty("points").GetInt32() > 1000);
        Assert.All(result.GetProperty("cities").EnumerateArray(), c =>
            Assert.InRange(c.GetProperty("rank").GetInt32(), c.GetProperty("best").GetInt32(), c.GetProperty("worst").GetInt32()));
    }

    [Fact]
    public async Task Bounds_InfeasibleBoundsAre400()
    {
        var response = await _client.GetAsync(new Uri("/api/sensitivity/2013/bounds?min=0.3&max=0.4", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Weights_PresetDomainWeightsSumToOne()
    {
        foreach (var preset in new[] { "entropy", "critic", "pca" })
        {
            var weights = await _client.GetFromJsonAsync<JsonElement>($"/api/weights/2015?preset={preset}");

            Assert.Equal(1, weights.GetProperty("domains").EnumerateObject().Sum(d => d.Value.GetDouble()), 9);
            Assert.Equal(17, weights.GetProperty("indicators").EnumerateObject().Count());
        }
    }

    [Fact]
    public async Task Weights_DataDrivenPresetOnThePublishedYearIs400()
    {
        var response = await _client.GetAsync(new Uri("/api/weights/2013?preset=entropy", UriKind.Relative));
        var equal = await _client.GetFromJsonAsync<JsonElement>("/api/weights/2013?preset=equal");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0.25, equal.GetProperty("domains").GetProperty("trade").GetDouble());
    }

    [Fact]
    public async Task RankChange_ContributionsAddUpToTheChange()
    {
        var change = await _client.GetFromJsonAsync<JsonElement>("/api/rankchange/beijing?from=2014&to=2016");

        var domains = change.GetProperty("domains").EnumerateArray().ToList();
        Assert.Equal(change.GetProperty("change").GetDouble(), domains.Sum(d => d.GetProperty("contribution").GetDouble()), 9);
        Assert.Equal(change.GetProperty("scoreTo").GetDouble() - change.GetProperty("scoreFrom").GetDouble(), change.GetProperty("change").GetDouble(), 9);
        Assert.All(domains, d => Assert.Equal(
            d.GetProperty("contribution").GetDouble(), d.GetProperty("indicators").EnumerateArray().Sum(i => i.GetProperty("contribution").GetDouble()), 9));
    }

    private Task<HttpResponseMessage> PostWhatIfAsync(int year, object body) =>
        _client.PostAsJsonAsync(new Uri($"/api/rankings/{year}/whatif", UriKind.Relative), body);

    private async Task<int> RankWithAsync(int year, string city, string indicator, double value)
    {
        var result = await PostWhatIfAsync(year, new { overrides = new[] { new { city, indicator, value } } });
        var body = await result.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == city).GetProperty("rank").GetInt32();
    }
}
