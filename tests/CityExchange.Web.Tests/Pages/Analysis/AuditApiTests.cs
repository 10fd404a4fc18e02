using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Pages.Analysis;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Pages.Analysis;

/// <summary>
/// <c>GET /api/analysis/{year}/audit</c>: the JSON contract, and its numbers against SciPy 1.10.1 / numpy 1.24
/// computed outside the app from the bundled files (data/demo/indicators_2015.csv, data/siis2015_published.csv; cities
/// in code order, min–max scores with the mean of the available indicators per domain, as the engine scores).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class AuditApiTests(CityExchangeFactory factory)
{
    private static readonly string[] IndicatorKeys =
        ["code", "domain", "n", "missing", "min", "max", "mean", "median", "sd", "skew", "kurtosis", "outlier", "withDomain", "withOverall", "flags"];

    private readonly HttpClient _client = factory.CreateClient();

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static JsonElement Indicator(JsonElement body, string code) =>
        body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static int IndexOf(JsonElement body, string code) =>
        body.GetProperty("correlations").GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList().IndexOf(code);

    [Fact]
    public async Task IndicatorYear_HasEveryKeyOfTheContract()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2015/audit");

        Assert.Equal(["year", "indicators", "correlations", "cronbach", "pca", "coverage"], Keys(body));
        Assert.Equal(2015, body.GetProperty("year").GetInt32());
        var indicators = body.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(17, indicators.Count);
        Assert.All(indicators, i => Assert.Equal(IndicatorKeys, Keys(i)));
        Assert.Equal(["codes", "n", "pearson", "pearsonP", "spearman", "spearmanP"], Keys(body.GetProperty("correlations")));
        foreach (var matrix in new[] { "n", "pearson", "pearsonP", "spearman", "spearmanP" })
        {
            var rows = body.GetProperty("correlations").GetProperty(matrix);
            Assert.Equal(17, rows.GetArrayLength());
            Assert.All(rows.EnumerateArray(), row => Assert.Equal(17, row.GetArrayLength()));
        }

        Assert.Equal(["social", "culture", "trade", "politics", "overall"], Keys(body.GetProperty("cronbach")));
        Assert.Equal(["social", "culture", "trade", "politics"], Keys(body.GetProperty("pca")));
        Assert.All(body.GetProperty("pca").EnumerateObject(), p => Assert.Equal(["firstShare", "loadings"], Keys(p.Value)));
        Assert.Equal(
            ["leader_visits", "consulates", "intl_orgs", "sister_cities"],
            Keys(body.GetProperty("pca").GetProperty("politics").GetProperty("loadings")));
        var coverage = body.GetProperty("coverage").EnumerateArray().ToList();
        Assert.Equal(46, coverage.Count);
        Assert.All(coverage, c => Assert.Equal(["code", "coverage", "missing"], Keys(c)));
    }

    [Fact]
    public async Task IndicatorYear_MatchesSciPy()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2015/audit");

        // Consulates: n, missing, min, max, mean, median, sd (ddof = 1), scipy.stats.skew/kurtosis(bias=False).
        var consulates = Indicator(body, "consulates");
        Assert.Equal("politics", consulates.GetProperty("domain").GetString());
        Assert.Equal(44, consulates.GetProperty("n").GetInt32());
        Assert.Equal(2, consulates.GetProperty("missing").GetInt32());
        Assert.Equal(4.0, consulates.GetProperty("min").GetDouble());
        Assert.Equal(96.0, consulates.GetProperty("max").GetDouble());
        Assert.Equal(29.681818181818183, consulates.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(26.5, consulates.GetProperty("median").GetDouble(), 9);
        Assert.Equal(20.83018017012003, consulates.GetProperty("sd").GetDouble(), 9);
        Assert.Equal(1.2133631793623314, consulates.GetProperty("skew").GetDouble(), 9);
        Assert.Equal(1.5599697469337714, consulates.GetProperty("kurtosis").GetDouble(), 9);
        Assert.False(consulates.GetProperty("outlier").GetBoolean());
        // pearsonr with the politics score and with the mean of the four domain scores.
        Assert.Equal(0.9810697431696409, consulates.GetProperty("withDomain").GetDouble(), 9);
        Assert.Equal(0.8799737707864896, consulates.GetProperty("withOverall").GetDouble(), 9);
        Assert.Equal(["collinear"], consulates.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var odi = Indicator(body, "odi");
        Assert.Equal(-0.07839613488704755, odi.GetProperty("skew").GetDouble(), 9);
        Assert.Equal(-0.9752762257365886, odi.GetProperty("kurtosis").GetDouble(), 9);
        Assert.Empty(odi.GetProperty("flags").EnumerateArray());

        // consulates–intl_orgs on the 43 cities with both: pearsonr and spearmanr with their p-values.
        var correlations = body.GetProperty("correlations");
        int i = IndexOf(body, "consulates"), j = IndexOf(body, "intl_orgs");
        Assert.Equal(43, correlations.GetProperty("n")[i][j].GetInt32());
        Assert.Equal(0.9273577128528707, correlations.GetProperty("pearson")[i][j].GetDouble(), 9);
        Assert.Equal(1, correlations.GetProperty("pearsonP")[i][j].GetDouble() / 4.1699977478110854e-19, 6);
        Assert.Equal(0.9475616560904315, correlations.GetProperty("spearman")[j][i].GetDouble(), 9);
        Assert.Equal(1, correlations.GetProperty("spearmanP")[i][j].GetDouble() / 6.346362108476198e-22, 6);
        Assert.Equal(1.0, correlations.GetProperty("pearson")[i][i].GetDouble());

        // Cronbach's alpha on the min–max scores with the pairwise-complete covariance matrix.
        Assert.Equal(0.9874972784769122, body.GetProperty("cronbach").GetProperty("politics").GetDouble(), 9);
        Assert.Equal(0.9653171445057683, body.GetProperty("cronbach").GetProperty("overall").GetDouble(), 9);

        // numpy.linalg.svd of the standardised politics indicators over the 40 complete cities, signed to a positive sum.
        var politics = body.GetProperty("pca").GetProperty("politics");
        Assert.Equal(0.9511241636916358, politics.GetProperty("firstShare").GetDouble(), 9);
        Assert.Equal(0.5029000145474496, politics.GetProperty("loadings").GetProperty("consulates").GetDouble(), 9);
        Assert.Equal(0.4965307744367105, politics.GetProperty("loadings").GetProperty("intl_orgs").GetDouble(), 9);

        // 15 of the 46 cities lack a value; Hohhot lacks two of the 17.
        var coverage = body.GetProperty("coverage").EnumerateArray().ToList();
        Assert.Equal(15, coverage.Count(c => c.GetProperty("coverage").GetDouble() < 1));
        var hohhot = coverage.Single(c => c.GetProperty("code").GetString() == "hohhot");
        Assert.Equal(15.0 / 17, hohhot.GetProperty("coverage").GetDouble(), 12);
        Assert.Equal(["foreign_residents", "leader_visits"], hohhot.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task PublishedYear_DescribesTheFourDomainScores_WithNullsWhereUndefined()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/audit");

        Assert.Equal(["year", "indicators", "correlations", "cronbach", "pca", "coverage"], Keys(body));
        Assert.Equal(["social", "culture", "trade", "politics"], body.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.All(body.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(IndicatorKeys, Keys(i)));

        // The published trade scores: mean, median, sd, scipy skew/kurtosis(bias=False), pearsonr with the equal-weight mean.
        var trade = Indicator(body, "trade");
        Assert.Equal(46, trade.GetProperty("n").GetInt32());
        Assert.Equal(45.60434782608696, trade.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(42.17, trade.GetProperty("median").GetDouble(), 9);
        Assert.Equal(24.058207714917298, trade.GetProperty("sd").GetDouble(), 9);
        Assert.Equal(0.23900627731788238, trade.GetProperty("skew").GetDouble(), 9);
        Assert.Equal(-0.823605594730636, trade.GetProperty("kurtosis").GetDouble(), 9);
        Assert.Equal(1.0, trade.GetProperty("withDomain").GetDouble(), 12);
        Assert.Equal(0.79987999231153, trade.GetProperty("withOverall").GetDouble(), 9);

        // social–culture: spearmanr 0.631757609966802.
        Assert.Equal(0.631757609966802, body.GetProperty("correlations").GetProperty("spearman")[0][1].GetDouble(), 9);

        // One column per domain: alpha is undefined there (null, not NaN); over the four, 0.8631759365577822.
        var cronbach = body.GetProperty("cronbach");
        Assert.Equal(JsonValueKind.Null, cronbach.GetProperty("social").ValueKind);
        Assert.Equal(JsonValueKind.Null, cronbach.GetProperty("politics").ValueKind);
        Assert.Equal(0.8631759365577822, cronbach.GetProperty("overall").GetDouble(), 9);
        Assert.Equal(46, body.GetProperty("coverage").GetArrayLength());
        Assert.All(body.GetProperty("coverage").EnumerateArray(), c => Assert.Empty(c.GetProperty("missing").EnumerateArray()));
    }

    [Fact]
    public async Task UndefinedStatistics_AreNull()
    {
        // Three cities; foreign_tax has one value (no sd, skew, r), consulates is constant (no r, no PCA of politics).
        var upload = await factory.CreateClientWithToken().PutAsync(new Uri("/api/years/2057/indicators", UriKind.Relative), Csv.Content(
            "city,intl_flights,foreign_language,trade_volume,foreign_tax,consulates",
            "beijing,10,10,10,5,3",
            "shanghai,20,30,40,,3",
            "guangzhou,30,20,10,,3"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2057/audit");

        var tax = Indicator(body, "foreign_tax");
        Assert.Equal(1, tax.GetProperty("n").GetInt32());
        Assert.Equal(2, tax.GetProperty("missing").GetInt32());
        foreach (var key in new[] { "sd", "skew", "kurtosis", "withDomain", "withOverall", "outlier" })
        {
            Assert.Equal(JsonValueKind.Null, tax.GetProperty(key).ValueKind);
        }

        var absent = Indicator(body, "odi");
        Assert.Equal(0, absent.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, absent.GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("pca").GetProperty("politics").GetProperty("firstShare").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("pca").GetProperty("politics").GetProperty("loadings").GetProperty("consulates").ValueKind);
        int i = IndexOf(body, "consulates"), j = IndexOf(body, "intl_flights");
        Assert.Equal(JsonValueKind.Null, body.GetProperty("correlations").GetProperty("pearson")[i][j].ValueKind);
        Assert.Equal(3, body.GetProperty("correlations").GetProperty("n")[i][j].GetInt32());
    }

    [Theory]
    [InlineData("/api/analysis/1999/audit")]
    [InlineData("/api/analysis/0/audit")]
    public async Task UnknownYear_IsNotFound(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ANonNumericYear_DoesNotMatchTheRoute()
    {
        var response = await _client.GetAsync(new Uri("/api/analysis/latest/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheAudit_IsComputedOncePerDataVersion()
    {
        var audits = factory.Services.GetRequiredService<AuditReports>();
        var first = await _client.GetStringAsync(new Uri("/api/analysis/2014/audit?culture=en", UriKind.Relative));
        var computed = audits.Computed;
        var again = await _client.GetStringAsync(new Uri("/api/analysis/2014/audit?culture=zh-CN", UriKind.Relative));

        Assert.Equal(first, again);
        Assert.Equal(computed, audits.Computed);
    }
}
