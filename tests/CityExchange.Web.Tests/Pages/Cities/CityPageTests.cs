using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using MathNet.Numerics.Statistics;

namespace CityExchange.Web.Tests.Pages.Cities;

[Collection(WebTestGroup.Name)]
public sealed class CityPageTests(CityExchangeFactory factory)
{
    private static readonly string[] Indicators =
    [
        "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports", "intl_performances", "foreign_language",
        "foreign_restaurants", "trade_volume", "foreign_firms", "joint_ventures", "foreign_tax", "odi", "leader_visits", "consulates", "intl_orgs", "sister_cities",
    ];

    [Theory]
    [InlineData("en", "Chengdu", "Foreign consulates", "Rank history")]
    [InlineData("zh-CN", "成都", "领事馆数量", "历年排名")]
    public async Task City_ShowsScoresIndicatorsAndHistoryInEitherLanguage(string culture, string name, string indicator, string history)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/chengdu?year=2016", culture);
        var chengdu = (await PageHtml.ApiCitiesAsync(factory, 2016)).Single(c => c.Code() == "chengdu");

        Assert.Contains($"<h1>{name} ", html, StringComparison.Ordinal);
        Assert.Contains(indicator, html, StringComparison.Ordinal);
        Assert.Contains(history, html, StringComparison.Ordinal);
        Assert.Contains("demo-banner", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"stat\">{chengdu.GetProperty("score").GetDouble().ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}</p>", html, StringComparison.Ordinal);
        Assert.Matches("<canvas id=\"city-radar\"[^>]* role=\"img\"", html);
        foreach (var year in new[] { 2013, 2014, 2015, 2016 })
        {
            Assert.Matches($"<th scope=\"row\">\\s*<a href=\"/Cities/chengdu\\?year={year}\"[^>]*>{year}</a>\\s", html);
        }
    }

    [Fact]
    public async Task City_IndicatorTableHasRawValueRankAndTheYearsMedianForEveryIndicator()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/chengdu?year=2016", "en");
        var values = PageHtml.DemoValues(2016);

        var table = PageHtml.Section(html, "indicators-heading");
        foreach (var code in Indicators)
        {
            var column = values[code];
            if (!column.TryGetValue("chengdu", out var raw))
            {
                continue;
            }

            var rank = 1 + column.Values.Count(v => v > raw);
            var median = column.Values.Median();
            Assert.Contains($"<td class=\"num\">{PageHtml.Value(raw, "en")}</td>", table, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{rank} of {column.Count}</td>", table, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"num\">{PageHtml.Value(median, "en")}</td>", table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task City_StrengthsAreTheIndicatorsFurthestAboveTheMedianCity()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/chengdu?year=2016", "en");
        var names = System.Text.RegularExpressions.Regex.Matches(
                PageHtml.Section(html, "indicators-heading"), "<th scope=\"row\">([^<]+)</th>")
            .Select(m => m.Groups[1].Value).ToList();

        // Independently: min–max normalise every indicator from the demo file and compare Chengdu with the median city.
        var values = PageHtml.DemoValues(2016);
        var differences = Indicators.Select((code, k) =>
        {
            var column = values[code];
            var (min, max) = (column.Values.Min(), column.Values.Max());
            var normalised = column.ToDictionary(p => p.Key, p => 100 * (p.Value - min) / (max - min));
            return (Name: names[k], Difference: normalised.TryGetValue("chengdu", out var s) ? s - normalised.Values.Median() : double.NaN);
        }).Where(x => !double.IsNaN(x.Difference)).ToList();
        var strengths = differences.Where(x => x.Difference > 0).OrderByDescending(x => x.Difference).Take(3).Select(x => x.Name);

        var section = PageHtml.Section(html, "sw-heading");
        var shown = System.Text.RegularExpressions.Regex.Matches(section, "</span>([^<:]+): <strong class=\"up\">").Select(m => m.Groups[1].Value);
        Assert.Equal(strengths, shown);
    }

    [Theory]
    [InlineData("en", "The report published no raw indicator values for 2013", "Rank in the report", "13 of 46", "Rank by score 15 of 46 (derived)")]
    [InlineData("zh-CN", "报告未公布 2013 年的原始指标数值", "报告排名", "13 / 46", "按得分第 15 名（共 46 个城市，推算）")]
    public async Task City_PublishedYearHeadlinesTheReportsRankWithTheDerivedOneBesideItAndNoRawValues(string culture, string noValues, string reportRank, string printed, string derived)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/dalian?year=2013", culture);

        Assert.Contains(noValues, html, StringComparison.Ordinal);
        // siis2015_published.csv: Dalian is 13th in Figure 3; the mean of its domain scores (52.3) ranks 15th.
        var card = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"card published-rank\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"<h2>{reportRank}</h2>", card, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"stat\">{printed}</p>", card, StringComparison.Ordinal);
        Assert.Contains(derived, html, StringComparison.Ordinal);
        // Dalian social 69.39 (report's social rank 7), politics 22.83.
        Assert.Contains("<td class=\"num\">69.4</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">22.8</td>", html, StringComparison.Ordinal);
        // The published figures are not demo data; the tools below, on a demo year, carry their own banner.
        Assert.DoesNotContain("demo-banner", html[..html.IndexOf("id=\"tools-year\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"indicators\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en",
        "2013 is a published year: the report printed domain scores, not the indicator values that the what-if and the targets work on. Below they use 2016, the latest year with indicator values. The values of 2016 are synthetic demo data, not real statistics.",
        "Beijing, 2016: the city's values and the values to try")]
    [InlineData("zh-CN",
        "2013 年为报告公布年份：报告只公布了各领域得分，没有假设分析和目标测算所需的指标原始值。下方因此使用 2016 年，即有指标值的最近年份。 2016 年的数值为合成演示数据，并非真实统计。",
        "北京，2016 年：城市的数值与要尝试的数值")]
    public async Task City_PublishedYearSaysWhichYearTheWhatIfAndTargetsUse(string culture, string notice, string whatIfCaption)
    {
        // An app of its own: other tests here upload later years, which would become the latest with indicator values.
        await using var app = new CityExchangeFactory();
        // Asked for 2013, and opened without a year (2013, the latest real year, is the default): the same tools, named.
        foreach (var url in new[] { "/Cities/beijing?year=2013", "/Cities/beijing" })
        {
            var html = await PageHtml.GetOkAsync(app, url, culture);

            Assert.Contains("<span class=\"year-tag\">2013</span>", html, StringComparison.Ordinal);
            var shown = System.Text.RegularExpressions.Regex.Replace(
                WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<p class=\"notice\" id=\"tools-year\">(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value),
                @"\s+", " ").Trim();
            Assert.Equal(notice, shown);
            Assert.Contains(whatIfCaption, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.Contains("data-targets data-city=\"beijing\" data-year=\"2016\"", html, StringComparison.Ordinal);
            Assert.True(html.IndexOf("id=\"tools-year\"", StringComparison.Ordinal) < html.IndexOf("data-whatif ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task City_YearWithIndicatorValuesNamesNoOtherYearForItsTools()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/beijing?year=2015", "en");

        Assert.DoesNotContain("id=\"tools-year\"", html, StringComparison.Ordinal);
        Assert.Contains("data-targets data-city=\"beijing\" data-year=\"2015\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Cities/atlantis", "en", "Not found")]
    [InlineData("/Cities/atlantis", "zh-CN", "未找到")]
    [InlineData("/Cities/beijing?year=1850", "en", "Not found")]
    [InlineData("/Cities/beijing?year=1850", "zh-CN", "未找到")]
    public async Task City_UnknownCityOrYearIsALocalisedNotFoundPage(string url, string culture, string title)
    {
        var (status, html) = await PageHtml.GetAsync(factory, url, culture);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{culture}\"", html, StringComparison.Ordinal);
    }
}
