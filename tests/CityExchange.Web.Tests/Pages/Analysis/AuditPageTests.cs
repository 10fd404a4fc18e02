using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Analysis;

/// <summary>
/// /Analysis/Audit shows what GET /api/analysis/{year}/audit answers: the descriptives (sortable), the heatmap with its
/// values and flag marks, alpha and PCA, the availability table; values are SciPy's (see <see cref="AuditApiTests"/>).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class AuditPageTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task IndicatorYear_ShowsEveryTableWithTheApisValues()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Audit?year=2015", "en"));

        var rows = document.QuerySelectorAll("#audit-descriptives tbody tr").ToList();
        Assert.Equal(17, rows.Count);
        var consulates = rows.Single(r => r.QuerySelector("th")!.TextContent == "Foreign consulates");
        var cells = consulates.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // No., domain, N, missing, min, max, mean, median, sd, skew, kurtosis, r with domain, r with overall, flags.
        Assert.Equal(["15", "Politics", "44", "2", "4", "96", "29.68", "26.5", "20.83", "1.213", "1.56", "0.981", "0.880", "collinear"], cells);

        // consulates (15) × intl_orgs (16): r = 0.927 (scipy.stats.pearsonr), collinear within politics.
        var heat = document.QuerySelectorAll("#audit-correlations tbody tr").ToList();
        Assert.Equal(17, heat.Count);
        var cell = heat[14].QuerySelectorAll("td")[15];
        Assert.Equal("heat-p9", cell.ClassName);
        Assert.StartsWith("0.927", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("◆", cell.QuerySelector(".flag-mark")!.TextContent);
        Assert.Equal("collinear", cell.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal(["Social", "Culture", "Trade", "Politics"], document.QuerySelectorAll("#audit-correlations th[scope=colgroup]").Select(t => t.TextContent.Trim()));
        var pairs = JsonDocument.Parse(document.GetElementById("audit-correlations-data")!.TextContent).RootElement.GetProperty("rows");
        Assert.Equal(17 * 16 / 2, pairs.GetArrayLength());

        Assert.Equal(6, document.QuerySelectorAll("table[aria-labelledby=flagged-heading] tbody tr").Length);
        var coherence = document.QuerySelectorAll("#audit-coherence tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(coherence, r => r.Contains("Politics", StringComparison.Ordinal) && r.Contains("0.987", StringComparison.Ordinal) && r.Contains("95%", StringComparison.Ordinal));
        Assert.Contains(coherence, r => r.Contains("All columns", StringComparison.Ordinal) && r.Contains("0.965", StringComparison.Ordinal));

        // Hohhot lacks foreign residents (1) and leader visits (14): 15 of 17, 88 %, among the least covered first.
        var availability = document.QuerySelectorAll("#audit-availability tbody tr").ToList();
        Assert.Equal(46, availability.Count);
        var hohhot = availability.Single(r => r.QuerySelector("th")!.TextContent == "Hohhot");
        Assert.Equal("88%", hohhot.QuerySelector("td")!.TextContent);
        var marks = hohhot.QuerySelectorAll("td").Skip(1).Select(c => c.ClassName).ToList();
        Assert.Equal([0, 13], marks.Select((m, i) => (m, i)).Where(x => x.m == "avail-no").Select(x => x.i));
        Assert.Equal("value missing", hohhot.QuerySelectorAll("td")[1].QuerySelector(".visually-hidden")!.TextContent);
        Assert.Null(document.GetElementById("availability-capped"));
        Assert.Equal(5, document.QuerySelectorAll("[data-table-tools][data-chart-table]").Length);
    }

    [Theory]
    [InlineData("en", "Pearson's r", "Spearman's ρ")]
    [InlineData("zh-CN", "Pearson 相关系数 r", "Spearman 等级相关系数 ρ")]
    public async Task Heatmap_SwitchesToSpearman_KeepingTheSortAndTheFlags(string culture, string pearson, string spearman)
    {
        var first = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Audit?year=2015&sort=skew&dir=desc", culture));
        Assert.Equal(pearson, first.QuerySelector("#coefficient-switch strong[aria-current]")!.TextContent);
        var link = first.QuerySelector("#coefficient-switch a")!;
        Assert.Equal(spearman, link.TextContent);
        Assert.Equal("/Analysis/Audit?year=2015&sort=skew&dir=desc&coefficient=spearman#correlations-heading", link.GetAttribute("href"));

        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Audit?year=2015&sort=skew&dir=desc&coefficient=spearman", culture));
        Assert.Equal(spearman, document.QuerySelector("#coefficient-switch strong[aria-current]")!.TextContent);
        // consulates (15) × intl_orgs (16): scipy.stats.spearmanr 0.9476 on the 43 cities with both; still flagged
        // collinear, by Pearson's r (0.927) as COINr flags.
        var cell = document.QuerySelectorAll("#audit-correlations tbody tr")[14].QuerySelectorAll("td")[15];
        Assert.StartsWith("0.948", cell.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("heat-p9", cell.ClassName);
        Assert.Equal("◆", cell.QuerySelector(".flag-mark")!.TextContent);
        // The descriptives keep their sort, and their sort links keep the coefficient.
        Assert.Equal("/Analysis/Audit?year=2015&sort=skew&dir=asc&coefficient=spearman", document.QuerySelector("#audit-descriptives th[aria-sort] a")!.GetAttribute("href"));
        // The flagged pairs name Spearman's ρ beside Pearson's r: the collinear pair is the one with r 0.927.
        var flagged = document.QuerySelectorAll("table[aria-labelledby=flagged-heading] tbody tr")
            .Single(r => r.QuerySelectorAll("td")[1].TextContent.Trim() == "0.927");
        Assert.Equal("0.948", flagged.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task Descriptives_SortByAColumn_AndTheSameColumnAgainFlipsIt()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Audit?year=2015&sort=skew&dir=desc", "en"));

        var names = document.QuerySelectorAll("#audit-descriptives tbody th").Select(t => t.TextContent).ToList();
        // scipy.stats.skew(bias=False): international organisations 1.239 is the largest, ODI −0.078 the smallest.
        Assert.Equal("International organisations", names[0]);
        Assert.Equal("Outward direct investment", names[^1]);
        var header = document.QuerySelector("#audit-descriptives th[aria-sort]")!;
        Assert.Equal("descending", header.GetAttribute("aria-sort"));
        Assert.Equal("/Analysis/Audit?year=2015&sort=skew&dir=asc", header.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PublishedYear_AuditsTheFourDomainScores()
    {
        var document = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Analysis/Audit?year=2013", "zh-CN"));

        Assert.Equal(["社会领域", "文化领域", "经贸领域", "政治领域"], document.QuerySelectorAll("#audit-descriptives tbody th").Select(t => t.TextContent));
        Assert.Contains("2013 年为报告公布年份", document.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, document.QuerySelectorAll("#audit-correlations tbody tr").Length);
        Assert.Equal("没有被标记的列对。", document.QuerySelector("#flagged-heading + p")!.TextContent);
    }
}
