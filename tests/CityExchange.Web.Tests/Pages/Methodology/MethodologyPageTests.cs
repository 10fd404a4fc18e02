using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Methodology;

[Collection(WebTestGroup.Name)]
public sealed class MethodologyPageTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("en", "Number of foreign consular missions in the city.", "Weights in force")]
    [InlineData("zh-CN", "外国驻该城市的领事机构数量", "现行权重")]
    public async Task Methodology_ListsTheFrameworkFromTheDatabaseInEitherLanguage(string culture, string definition, string weights)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Methodology", culture);

        var framework = PageHtml.Section(html, "framework-heading");
        Assert.Equal(17, Regex.Count(framework, "<td><code>[a-z_]+</code></td>"));
        Assert.Equal(4, Regex.Count(framework, "scope=\"rowgroup\""));
        Assert.Contains(definition, framework, StringComparison.Ordinal);
        Assert.Contains(weights, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methodology_WeightsAreAQuarterPerDomainSharedByItsIndicators()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Methodology", "en");

        var weights = PageHtml.Section(html, "weights-heading");
        // Social and trade have 5 indicators (0.25 / 5), culture 3 (0.25 / 3), politics 4 (0.25 / 4).
        Assert.Equal(4, Regex.Count(weights, "<td class=\"num\">0.25</td>"));
        Assert.Equal(2, Regex.Count(weights, "<td class=\"num\">0.05</td>"));
        Assert.Contains("<td class=\"num\">0.0833</td>", weights, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.0625</td>", weights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methodology_WorkedExampleGivesTheDocumentedResults()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Methodology", "en");

        var example = PageHtml.Section(html, "example-heading");
        var results = example[example.IndexOf("Domain scores, overall score and rank", StringComparison.Ordinal)..];
        List<string> Cells(string city) =>
            [.. Regex.Matches(Regex.Match(results, $"<th scope=\"row\">{city}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value, "<td class=\"num\">([^<]*)</td>")
                .Select(m => m.Groups[1].Value)];

        // docs/methodology.md: social, culture, trade, politics, overall, rank, coverage.
        Assert.Equal(["—", "—", "100.0", "75.0", "87.5", "1", "3 of 17"], Cells("Shanghai"));
        Assert.Equal(["100.0", "—", "50.0", "75.0", "75.0", "2", "4 of 17"], Cells("Guangzhou"));
        Assert.Equal(["50.0", "—", "—", "50.0", "50.0", "3", "3 of 17"], Cells("Chengdu"));
        Assert.Equal(["0.0", "—", "0.0", "25.0", "8.3", "4", "4 of 17"], Cells("Beijing"));
    }

    [Theory]
    [InlineData("en", "Synthetic demo data", "Nantong (<span lang=\"zh-CN\">南通</span>)")]
    [InlineData("zh-CN", "合成演示数据", "南通的社会领域排名为第 25 位")]
    public async Task Methodology_ListsTheDataYearsAndTheReportsInconsistencies(string culture, string demo, string inconsistency)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Methodology", culture);

        var years = PageHtml.Section(html, "years-heading");
        Assert.Contains("<a href=\"/Rankings?year=2013\">2013</a>", years, StringComparison.Ordinal);
        Assert.Contains(demo, years, StringComparison.Ordinal);
        Assert.Contains(inconsistency, PageHtml.Section(html, "inconsistencies-heading"), StringComparison.Ordinal);
    }
}
