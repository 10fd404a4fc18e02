using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Analysis;

/// <summary>
/// <c>GET /api/analysis/{year}/published-weights</c>: the expected numbers are scipy.optimize.linprog's (HiGHS) on the
/// bundled 2013 scores, as in Core's PublishedWeightsTests, and agree with docs/analysis.md's table to its 4 decimals.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PublishedWeightsApiTests(CityExchangeFactory factory)
{
    private static readonly string[] DomainCodes = ["social", "culture", "trade", "politics"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Report2013_TheWeightsThatReproduceEveryPrintedRank()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/published-weights");

        Assert.Equal(["year", "feasible", "weights", "ranges", "margin", "rankDifferences", "cities"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2013, body.GetProperty("year").GetInt32());
        Assert.True(body.GetProperty("feasible").GetBoolean());
        Assert.Equal(0.02860405560749668, body.GetProperty("margin").GetDouble(), 1e-9);
        Assert.Equal(0, body.GetProperty("rankDifferences").GetInt32());
        double[] weights = [0.29738558436076057, 0.1746964989244939, 0.29835581825281854, 0.22956209846192693];
        double[] min = [0.29196784028401734, 0.17354205914836, 0.2964985804841784, 0.22666190269843922];
        double[] max = [0.3022239142300567, 0.17994274096397717, 0.30027907990975594, 0.23146973395775433];
        Assert.Equal(DomainCodes, body.GetProperty("weights").EnumerateObject().Select(p => p.Name));
        Assert.Equal(DomainCodes, body.GetProperty("ranges").EnumerateObject().Select(p => p.Name));
        for (var d = 0; d < DomainCodes.Length; d++)
        {
            Assert.Equal(weights[d], body.GetProperty("weights").GetProperty(DomainCodes[d]).GetDouble(), 1e-9);
            var range = body.GetProperty("ranges").GetProperty(DomainCodes[d]);
            Assert.Equal(["min", "max"], range.EnumerateObject().Select(p => p.Name));
            Assert.Equal(min[d], range.GetProperty("min").GetDouble(), 1e-9);
            Assert.Equal(max[d], range.GetProperty("max").GetDouble(), 1e-9);
        }

        var cities = body.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(46, cities.Count);
        Assert.All(cities, c => Assert.Equal(["code", "published", "reproduced"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(Enumerable.Range(1, 46), cities.Select(c => c.GetProperty("published").GetInt32()));
        Assert.All(cities, c => Assert.Equal(c.GetProperty("published").GetInt32(), c.GetProperty("reproduced").GetInt32()));
        // Figure 3: Beijing first, Shanghai second.
        Assert.Equal(["beijing", "shanghai"], cities.Take(2).Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Report2013_MatchesTheFindingInDocsAnalysis()
    {
        var body = await _client.GetFromJsonAsync<JsonElement>("/api/analysis/2013/published-weights");
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "analysis.md"));

        // The table rows of the finding: "| social | 0.2974 | 0.2920 – 0.3022 |" …, and the margin sentence.
        foreach (var domain in DomainCodes)
        {
            var weight = body.GetProperty("weights").GetProperty(domain).GetDouble();
            var range = body.GetProperty("ranges").GetProperty(domain);
            var row = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {domain} | {weight:0.0000} | {range.GetProperty("min").GetDouble():0.0000} – {range.GetProperty("max").GetDouble():0.0000} |");
            Assert.Contains(row, docs, StringComparison.Ordinal);
        }

        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The margin is {body.GetProperty("margin").GetDouble():0.0000} points"), docs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/analysis/2015/published-weights?culture=en", "2015 has no published domain scores")]
    [InlineData("/api/analysis/2015/published-weights?culture=zh-CN", "2015 年没有公布的领域得分")]
    [InlineData("/api/analysis/2100/published-weights?culture=en", "2100 has no published domain scores")]
    public async Task AYearWithoutPublishedScores_Is404(string url, string detail)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "analysis.md")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("docs/analysis.md not found above the test binaries.");
    }
}
