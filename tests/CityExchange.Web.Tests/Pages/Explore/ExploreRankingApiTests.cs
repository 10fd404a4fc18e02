using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Explore;

/// <summary>GET /api/rankings/{year} with user weights and methods (issue 6).</summary>
[Collection(WebTestGroup.Name)]
public sealed class ExploreRankingApiTests(CityExchangeFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Weights_OnlySocialGivesTheSocialScoreAsOverall()
    {
        var ranking = await GetAsync("/api/rankings/2014?weights=social:1,culture:0,trade:0,politics:0");

        foreach (var city in ranking.GetProperty("cities").EnumerateArray())
        {
            var social = city.GetProperty("domains").GetProperty("social").GetProperty("score");
            if (social.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(social.GetDouble(), city.GetProperty("score").GetDouble(), 9);
            }
        }
    }

    [Fact]
    public async Task Weights_DomainWeightsApplyToThePublishedDomainScores()
    {
        var ranking = await GetAsync("/api/rankings/2013?weights=social:0.4,culture:0.2,trade:0.2,politics:0.2");

        Assert.Equal("published", ranking.GetProperty("method").GetString());
        var dalian = City(ranking, "dalian");
        // Dalian's published domain scores 69.39, 39.13, 77.83, 22.83.
        Assert.Equal((0.4 * 69.39) + (0.2 * (39.13 + 77.83 + 22.83)), dalian.GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public async Task Weights_IndicatorLevelOptionsOnAPublishedYearAreIgnoredWithAWarning()
    {
        var ranking = await GetAsync("/api/rankings/2013?weights=consulates:3&method=rank");
        var plain = await GetAsync("/api/rankings/2013");

        var ignored = ranking.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("code").GetString() == "ignored").Select(w => w.GetProperty("indicator").GetString()).ToList();
        Assert.Equal(["method", "consulates"], ignored);
        Assert.Equal(City(plain, "dalian").GetProperty("score").GetDouble(), City(ranking, "dalian").GetProperty("score").GetDouble(), 12);
    }

    [Fact]
    public async Task Weights_TheReportsWeightsWrittenOutReproduceTheDefault()
    {
        var explicitWeights = await GetAsync("/api/rankings/2015?weights=social:0.25,culture:0.25,trade:0.25,politics:0.25,consulates:1,odi:1");
        var plain = await GetAsync("/api/rankings/2015");

        Assert.Equal(Ranks(plain), Ranks(explicitWeights));
    }

    [Fact]
    public async Task Weights_IndicatorWeightIsRelativeWithinItsDomain()
    {
        var ranking = await GetAsync("/api/rankings/2015?weights=leader_visits:0,intl_orgs:0,sister_cities:0");
        var consulatesOnly = await GetAsync("/api/rankings/2015?weights=social:0,culture:0,trade:0,politics:1,leader_visits:0,intl_orgs:0,sister_cities:0");

        // With the other politics indicators at 0, politics is the consulates score alone; overall is then that score.
        foreach (var city in consulatesOnly.GetProperty("cities").EnumerateArray())
        {
            var politics = City(ranking, city.GetProperty("code").GetString()!).GetProperty("domains").GetProperty("politics").GetProperty("score");
            if (politics.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(politics.GetDouble(), city.GetProperty("score").GetDouble(), 9);
            }
        }
    }

    [Theory]
    [InlineData("weights=bogus:1")]
    [InlineData("weights=social:-0.1")]
    [InlineData("weights=social:abc")]
    [InlineData("weights=social")]
    [InlineData("weights=social:1,social:2")]
    [InlineData("weights=social:0,culture:0,trade:0,politics:0")]
    [InlineData("aggregation=harmonic")]
    [InlineData("scale=decade")]
    [InlineData("missing=zero")]
    [InlineData("preset=magic")]
    [InlineData("method=zscore&aggregation=geometric")]
    public async Task BadParameterIs400WithAMessage(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/rankings/2014?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task UnknownWeightKeyMessageIsInEnglishWhenAsked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rankings/2014?weights=bogus:1");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await _client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("Unknown weight key 'bogus'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("method=zscore", "zscore")]
    [InlineData("method=rank&aggregation=geometric", "rank")]
    [InlineData("scale=panel", "minmax")]
    [InlineData("missing=median&winsorise=true", "minmax")]
    [InlineData("winsorise=conditional&winmax=2&minCoverage=0.5", "minmax")]
    [InlineData("preset=entropy", "minmax")]
    [InlineData("preset=critic", "minmax")]
    [InlineData("preset=pca", "minmax")]
    public async Task Options_KeepTheResponseShape(string query, string method)
    {
        var ranking = await GetAsync($"/api/rankings/2014?{query}");

        Assert.Equal(["year", "demo", "method", "warnings", "cities", "minCoverage", "excluded", "treatments"], ranking.EnumerateObject().Select(p => p.Name));
        Assert.Equal(method, ranking.GetProperty("method").GetString());
        var city = ranking.GetProperty("cities")[0];
        Assert.Equal(["code", "nameZh", "nameEn", "region", "score", "rank", "publishedRank", "publishedDisagrees", "coverage", "domains"], city.EnumerateObject().Select(p => p.Name));
        Assert.Equal(46, ranking.GetProperty("cities").GetArrayLength());
        var ranks = Ranks(ranking).Values.Order().ToList();
        Assert.Equal(1, ranks[0]);
    }

    [Fact]
    public async Task Panel_ScoresStayWithinTheScaleAndDifferFromPerYear()
    {
        var panel = await GetAsync("/api/rankings/2014?scale=panel");
        var year = await GetAsync("/api/rankings/2014");

        var panelScores = Scores(panel);
        Assert.All(panelScores.Values, s => Assert.InRange(s, 0, 100));
        Assert.NotEqual(Scores(year).Values.Order().ToList(), panelScores.Values.Order().ToList());
    }

    [Fact]
    public async Task MissingMedian_ReportsTheImputedCells()
    {
        var ranking = await GetAsync("/api/rankings/2014?missing=median");

        var imputed = ranking.GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("code").GetString() == "imputed").ToList();
        Assert.NotEmpty(imputed);
    }

    private async Task<JsonElement> GetAsync(string url) => await _client.GetFromJsonAsync<JsonElement>(url);

    private static JsonElement City(JsonElement ranking, string code) =>
        ranking.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static Dictionary<string, int> Ranks(JsonElement ranking) =>
        ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("rank").GetInt32());

    private static Dictionary<string, double> Scores(JsonElement ranking) =>
        ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("score").GetDouble());
}
