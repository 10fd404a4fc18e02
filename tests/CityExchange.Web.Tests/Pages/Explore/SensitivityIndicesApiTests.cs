using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Explore;

/// <summary>
/// <c>GET /api/sensitivity/{year}/indices</c> answered within the request (46 cities): the contract, its parameters and
/// their refusals. The estimator itself is verified in Core against functions with known indices (SobolAnalysisTests);
/// the values here pin what the endpoint passes through for the bundled 2015 demo year.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class SensitivityIndicesApiTests(CityExchangeFactory factory)
{
    private static readonly string[] IndexKeys = ["name", "first", "total", "firstLow", "firstHigh", "totalLow", "totalHigh"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Defaults_AllFiveChoices_N1000_7000Runs_WithIntervals()
    {
        using var response = await _client.GetAsync(new Uri("/api/sensitivity/2015/indices", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["year", "samples", "runs", "output", "inputs"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2015, body.GetProperty("year").GetInt32());
        Assert.Equal(1000, body.GetProperty("samples").GetInt32());
        Assert.Equal(7000, body.GetProperty("runs").GetInt32());
        Assert.Equal("meanAbsoluteRankShift", body.GetProperty("output").GetString());
        var inputs = body.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(["weights", "method", "aggregation", "missing", "winsorise"], inputs.Select(i => i.GetProperty("name").GetString()));
        Assert.All(inputs, i => Assert.Equal(IndexKeys, i.EnumerateObject().Select(p => p.Name)));
        Assert.All(inputs, i =>
        {
            Assert.True(i.GetProperty("firstLow").GetDouble() <= i.GetProperty("firstHigh").GetDouble());
            Assert.True(i.GetProperty("totalLow").GetDouble() <= i.GetProperty("totalHigh").GetDouble());
        });
        var method = inputs[1];
        Assert.Equal(MethodFirst, method.GetProperty("first").GetDouble(), 1e-12);
        Assert.Equal(MethodTotal, method.GetProperty("total").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task TheSameSeed_GivesTheSameAnswer_AnotherSeedAnother()
    {
        var first = await _client.GetStringAsync(new Uri("/api/sensitivity/2014/indices?samples=300&seed=5&boot=20", UriKind.Relative));
        var again = await _client.GetStringAsync(new Uri("/api/sensitivity/2014/indices?boot=20&seed=5&samples=300", UriKind.Relative));
        var other = await _client.GetStringAsync(new Uri("/api/sensitivity/2014/indices?samples=300&seed=6&boot=20", UriKind.Relative));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task WeightsWithoutSpread_AreAConstantOutput_SoEveryIndexIsNull()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2015/indices?inputs=weights&spread=0&samples=100&boot=10");

        var weights = Assert.Single(body.GetProperty("inputs").EnumerateArray());
        Assert.Equal(300, body.GetProperty("runs").GetInt32());
        Assert.All(IndexKeys.Skip(1), key => Assert.Equal(JsonValueKind.Null, weights.GetProperty(key).ValueKind));
    }

    [Fact]
    public async Task ACity_MakesItsRankTheOutput_AndInputsKeepTheirOrder()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2015/indices?inputs=method,weights&city=北京&samples=200&boot=0");

        Assert.Equal("rank:beijing", body.GetProperty("output").GetString());
        Assert.Equal(800, body.GetProperty("runs").GetInt32());
        var inputs = body.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(["method", "weights"], inputs.Select(i => i.GetProperty("name").GetString()));
        // No bootstrap: the point estimates without bounds.
        Assert.All(inputs, i => Assert.Equal(JsonValueKind.Number, i.GetProperty("total").ValueKind));
        Assert.All(inputs, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("totalLow").ValueKind));
    }

    [Fact]
    public async Task MinCoverage_IsASixthInput_OnlyWhenListed_OverItsRange()
    {
        // 2015's cities miss some indicators (about 3 %): a threshold drawn from 0.9–1 leaves some of them out.
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2015/indices?inputs=minCoverage,method&samples=200&boot=0&coverageLow=0.9&coverageHigh=1");
        var inputs = body.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(["minCoverage", "method"], inputs.Select(i => i.GetProperty("name").GetString()));
        Assert.InRange(inputs[0].GetProperty("total").GetDouble(), 1e-6, 1.5);

        // Over 0–0.1 no city falls below the threshold: the input does nothing.
        var none = await _client.GetFromJsonAsync<JsonElement>("/api/sensitivity/2015/indices?inputs=minCoverage,method&samples=200&boot=0&coverageLow=0&coverageHigh=0.1");
        Assert.Equal(0.0, none.GetProperty("inputs")[0].GetProperty("total").GetDouble(), 12);
    }

    [Theory]
    [InlineData("coverageLow=2", "coverageLow", "coverageLow must be a number from 0 to 1.")]
    [InlineData("coverageLow=0.6&coverageHigh=0.5", "coverageHigh", "coverageHigh must be a number from coverageLow (0.6) to 1.")]
    [InlineData("inputs=unicorns", "inputs", "inputs must list distinct uncertain choices")]
    [InlineData("inputs=weights,weights", "inputs", "inputs must list distinct uncertain choices")]
    [InlineData("samples=99", "samples", "samples must be a whole number between 100 and 10000.")]
    [InlineData("samples=10001", "samples", "samples must be a whole number between 100 and 10000.")]
    [InlineData("samples=1e3", "samples", "samples must be a whole number between 100 and 10000.")]
    [InlineData("spread=1.5", "spread", "spread must be a number from 0 to 1.")]
    [InlineData("spread=NaN", "spread", "spread must be a number from 0 to 1.")]
    [InlineData("boot=-1", "boot", "boot must be a whole number between 0 and 1000.")]
    [InlineData("seed=x", "seed", "seed must be a whole number.")]
    public async Task AnInvalidParameter_Is400_NamingTheField(string query, string field, string detail)
    {
        using var response = await _client.GetAsync(new Uri($"/api/sensitivity/2015/indices?{query}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRefusal_IsInTheReadersLanguage()
    {
        using var response = await _client.GetAsync(new Uri("/api/sensitivity/2015/indices?samples=99&culture=zh-CN", UriKind.Relative));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请求无效", problem.GetProperty("title").GetString());
        Assert.Equal("samples 必须是 100 到 10000 之间的整数。", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/sensitivity/2013/indices?culture=en", HttpStatusCode.BadRequest, "2013 is a published year")]
    [InlineData("/api/sensitivity/2100/indices?culture=en", HttpStatusCode.NotFound, "There is no data for 2100.")]
    [InlineData("/api/sensitivity/2015/indices?city=atlantis&culture=en", HttpStatusCode.BadRequest, "Unknown city 'atlantis'.")]
    [InlineData("/api/sensitivity/jobs/0123456789abcdef?culture=en", HttpStatusCode.NotFound, "No sensitivity job '0123456789abcdef'")]
    public async Task WhatCannotBeAnswered_SaysWhy(string url, HttpStatusCode status, string detail)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // A regression pin (the estimator's own checks are Core's analytic tests): 2015, the defaults, winsorise with its
    // three alternatives (none, the percentile clip, conditional). With COINr's two the method's indices are 0.2667
    // and 0.4769, as scripts/sensitivity_peer.sh prints them beside COINr's (docs/performance.md).
    private const double MethodFirst = 0.25745192755154578;

    private const double MethodTotal = 0.48133426097515553;
}
