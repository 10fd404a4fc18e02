using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Analysis;

/// <summary>
/// /Analysis/Scenarios on the bundled demo year 2015 (46 cities): the page's ranks checked against ranks recomputed here
/// from the ranking API's domain scores, sorting by a column, the published year's notice and the downloads.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ScenarioPageTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("zh-CN", "情景分析：排名取决于什么", "去掉的领域：经贸领域")]
    [InlineData("en", "Scenarios: what the ranking rests on", "Domain left out: Trade")]
    public async Task Page_NamesEveryScenario_InTheReadersLanguage(string culture, string heading, string tradeLeftOut)
    {
        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Scenarios?year=2015", culture));

        Assert.StartsWith(heading, page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#scenario-shifts tbody tr").ToDictionary(r => r.GetAttribute("data-scenario")!);
        Assert.Contains(tradeLeftOut, rows["domain:trade"].QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        foreach (var key in new[] { "method:zscore", "method:rank", "aggregation:geometric", "missing:median", "winsorise:true", "weights:pca", "weights:entropy", "indicator:consulates", "domain:social" })
        {
            Assert.True(rows.ContainsKey(key), key);
        }

        // The nominal construction's own alternatives move nothing.
        Assert.Equal("0.00", rows["method:minmax"].QuerySelectorAll("td")[0].TextContent.Trim().Replace(',', '.'));
        Assert.Equal(46, page.QuerySelectorAll("#scenario-ranks tbody tr").Length);
    }

    [Fact]
    public async Task DomainLeftOut_RanksAsTheMeanOfTheOtherThreeDomainScores_FromTheRankingApi()
    {
        using var client = factory.CreateClient();
        var ranking = await client.GetFromJsonAsync<JsonElement>("/api/rankings/2015");
        // Independently: the mean of the social, culture and politics scores of each city, ranked (competition ranking).
        var means = ranking.GetProperty("cities").EnumerateArray().ToDictionary(
            c => c.GetProperty("code").GetString()!,
            c => new[] { "social", "culture", "politics" }.Average(d => c.GetProperty("domains").GetProperty(d).GetProperty("score").GetDouble()));
        var expected = means.ToDictionary(m => m.Key, m => 1 + means.Values.Count(v => v > m.Value + 1e-9));
        var nominal = ranking.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("rank").GetInt32());

        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Scenarios?year=2015", "en"));
        var headers = page.QuerySelectorAll("#scenario-ranks thead tr:last-child th").Select(h => h.QuerySelector("a")!.GetAttribute("aria-label") ?? h.TextContent.Trim()).ToList();
        var column = headers.FindIndex(h => h == "Domain left out: Trade");
        Assert.True(column > 1);
        foreach (var row in page.QuerySelectorAll("#scenario-ranks tbody tr"))
        {
            var code = row.GetAttribute("data-city")!;
            var cells = row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(nominal[code].ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(expected[code].ToString(CultureInfo.InvariantCulture), cells[column]);
        }

        // Its mean absolute shift, as the page prints it.
        var shift = expected.Average(e => Math.Abs(e.Value - nominal[e.Key]));
        var printed = page.QuerySelector("#scenario-shifts tr[data-scenario='domain:trade'] td")!.TextContent.Trim();
        Assert.Equal(shift.ToString("0.00", CultureInfo.InvariantCulture), printed);
    }

    [Fact]
    public async Task SortingByAScenario_OrdersTheCitiesByTheirRankThere_AndAgainTurnsItRound()
    {
        var first = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Scenarios?year=2015", "en"));
        var link = first.QuerySelectorAll("#scenario-ranks thead a").First(a => a.GetAttribute("aria-label") == "Normalisation: rank score");
        var href = link.GetAttribute("href")!;

        var sorted = Dom.Parse(await PageHtml.GetOkAsync(factory, href, "en"));
        var index = sorted.QuerySelectorAll("#scenario-ranks thead tr:last-child th").ToList().FindIndex(h => h.GetAttribute("aria-sort") == "ascending");
        Assert.True(index > 1);
        var ranks = sorted.QuerySelectorAll("#scenario-ranks tbody tr").Select(r => int.Parse(r.QuerySelectorAll("th, td")[index].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(1, ranks[0]);
        Assert.Equal(ranks.Order(), ranks);

        var back = sorted.QuerySelectorAll("#scenario-ranks thead tr:last-child th")[index].QuerySelector("a")!.GetAttribute("href")!;
        Assert.EndsWith("&dir=desc", back, StringComparison.Ordinal);
        var descending = Dom.Parse(await PageHtml.GetOkAsync(factory, back, "en"));
        var reversed = descending.QuerySelectorAll("#scenario-ranks tbody tr").Select(r => int.Parse(r.QuerySelectorAll("th, td")[index].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ranks.OrderDescending(), reversed);
    }

    [Fact]
    public async Task PublishedYear_SaysItCannotBeRescored()
    {
        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Scenarios?year=2013", "en"));

        Assert.Contains("holds the report's published domain scores only", page.GetElementById("scenarios-published")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("scenario-ranks"));
    }

    [Fact]
    public async Task Downloads_HoldEveryCityAndScenario_AndTheMeanShifts()
    {
        using var client = factory.CreateClient();
        var page = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Scenarios?year=2015", "en"));
        var scenarios = page.QuerySelectorAll("#scenario-shifts tbody tr").Length;

        using var csv = await client.GetAsync(new Uri(page.GetElementById("scenarios-csv")!.GetAttribute("href") + "&culture=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var (header, rows) = Csv.ParseTable(await csv.Content.ReadAsStringAsync());
        Assert.Equal(5 + scenarios, header.Count);
        Assert.Equal(47, rows.Count);
        Assert.Equal("Mean absolute rank shift", rows[^1][3]);
        Assert.All(rows, r => Assert.Equal("true", r[1]));

        using var xlsx = await client.GetAsync(new Uri(page.GetElementById("scenarios-xlsx")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("cityexchange-scenarios-2015-demo.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }
}
