using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// A published year's pages headline the report's own ranks (Figures 3–7), keep the derived mean and its rank beside
/// them labelled as derived, and mark with both numbers every place where a printed rank is not the rank of its score.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed partial class PublishedFiguresPageTests(CityExchangeFactory factory)
{
    /// <summary>Figure 3's first ten (the report's text lists them in this order).</summary>
    private static readonly string[] Figure3TopTen = ["beijing", "shanghai", "guangzhou", "wuhan", "chongqing", "hangzhou", "tianjin", "chengdu", "qingdao", "shenzhen"];

    [Theory]
    [InlineData("en", "Rank (as published)", "Rank by score (derived)")]
    [InlineData("zh-CN", "排名（报告原文）", "按得分排名（推算）")]
    public async Task Rankings_OpensInTheReportsOrderWithThePrintedRankFirstAndTheDerivedRankBesideIt(string culture, string rank, string derived)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2013", culture);

        Assert.Equal(Figure3TopTen, PageHtml.RankingRows(html).Take(10));
        Assert.Contains($"aria-sort=\"ascending\"><a href=\"/Rankings?year=2013&dir=desc\">{rank} ", html, StringComparison.Ordinal);
        Assert.Contains(derived, html, StringComparison.Ordinal);
        var qingdao = PageHtml.RankingRowOf(html, "qingdao");
        Assert.Equal("9", PageHtml.Cell(qingdao, "rank-cell"));
        Assert.Equal("12", PageHtml.Cell(qingdao, "derived"));
        // The derived rank differs from the printed one for 31 of the 46 cities.
        var rows = PageHtml.RankingRows(html).Select(code => PageHtml.RankingRowOf(html, code)).ToList();
        Assert.Equal(46, rows.Count);
        Assert.Equal(31, rows.Count(r => PageHtml.Cell(r, "rank-cell") != PageHtml.Cell(r, "derived")));
    }

    [Fact]
    public async Task Rankings_MarksEachOfTheFiftyTwoDomainPlacesWithBothNumbers()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2013", "en");

        Assert.Equal(52, RankConflict().Count(html));
        Assert.Contains("In 52 city-domain places the report's printed domain rank is not the rank of its own printed domain score.", html, StringComparison.Ordinal);
        // Figure 7: Guangzhou 4th (score 66.30, ranks 5th), Nanning 6th (66.47, ranks 4th).
        Assert.Contains("66.3 <span class=\"muted\">(4)</span>", PageHtml.RankingRowOf(html, "guangzhou"), StringComparison.Ordinal);
        Assert.Contains("The report printed rank 4; the score shown ranks 5.", PageHtml.RankingRowOf(html, "guangzhou"), StringComparison.Ordinal);
        Assert.Contains("66.5 <span class=\"muted\">(6)</span>", PageHtml.RankingRowOf(html, "nanning"), StringComparison.Ordinal);
        Assert.Contains("The report printed rank 6; the score shown ranks 4.", PageHtml.RankingRowOf(html, "nanning"), StringComparison.Ordinal);
        // Nantong's tied social rank as printed, with a note.
        Assert.Contains("6.5 <span class=\"muted\">(25)</span>", PageHtml.RankingRowOf(html, "nantong"), StringComparison.Ordinal);
        Assert.Contains("Nantong's social rank is printed as 25", html, StringComparison.Ordinal);
        Assert.Contains("for 31 of 46 cities", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rankings_ByADomainOrdersByThePrintedDomainRank()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2013&domain=politics", "en");

        // The report's text: politics top ten Beijing, Shanghai, Hangzhou, Guangzhou, Chengdu, Nanning, …
        Assert.Equal(["beijing", "shanghai", "hangzhou", "guangzhou", "chengdu", "nanning"], PageHtml.RankingRows(html).Take(6));
        var guangzhou = PageHtml.RankingRowOf(html, "guangzhou");
        Assert.Equal(("4", "66.3", "5"), (PageHtml.Cell(guangzhou, "rank-cell"), PageHtml.Cell(guangzhou, "score"), PageHtml.Cell(guangzhou, "derived")));
    }

    [Theory]
    [InlineData("/Rankings?year=2013", "f-method", "Normalisation: not used for a published year, whose domain scores are shown as printed.")]
    [InlineData("/Cities/dalian?year=2013", "method-city", "Normalisation: not used for a published year, whose domain scores are shown as printed.")]
    public async Task MethodControl_IsDisabledForAPublishedYearWithTheReasonOnScreen(string url, string id, string reason)
    {
        var html = await PageHtml.GetOkAsync(factory, url, "en");

        Assert.Matches($"<select id=\"{id}\" name=\"method\" disabled=\"disabled\" aria-describedby=\"{id}-note\">", html);
        Assert.Contains($"<p id=\"{id}-note\" class=\"field-note form-note\">{reason}</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Rankings?year=2016", "f-method")]
    [InlineData("/Cities/dalian?year=2016", "method-city")]
    public async Task MethodControl_IsEnabledForAnIndicatorYear(string url, string id)
    {
        var html = await PageHtml.GetOkAsync(factory, url, "en");

        Assert.Contains($"<select id=\"{id}\" name=\"method\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{id}-note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_TopTenIsTheReportsTopTen()
    {
        var html = await PageHtml.GetOkAsync(factory, "/?year=2013", "en");

        var top = PageHtml.Section(html, "top-heading");
        Assert.Equal(
            ["Beijing", "Shanghai", "Guangzhou", "Wuhan", "Chongqing", "Hangzhou", "Tianjin", "Chengdu", "Qingdao", "Shenzhen"],
            RowHeaders().Matches(top).Select(m => m.Groups[1].Value));
        Assert.Contains("Rank (as published)", top, StringComparison.Ordinal);
        Assert.Contains("Score (derived)", top, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_HeadlinesThePrintedRanksAndMarksThePoliticsDisagreement()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Compare?a=guangzhou&b=nanning&year=2013", "en");

        Assert.Contains("Rank in the report: 3 of 46", html, StringComparison.Ordinal);
        Assert.Contains("Rank in the report: 24 of 46", html, StringComparison.Ordinal);
        Assert.Contains("66.3 <span class=\"muted\">(4)</span>", html, StringComparison.Ordinal);
        Assert.Contains("The report printed rank 4; the score shown ranks 5.", html, StringComparison.Ordinal);
        Assert.Contains("The report printed rank 6; the score shown ranks 4.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "In 52 city-domain places the report's printed domain rank is not the rank of its own printed domain score.", "5 / 4 (+1)")]
    [InlineData("zh-CN", "报告中有 52 处城市—领域的排名与其自身公布的领域得分的排名不一致。", "5 / 4 (+1)")]
    public async Task Report_CountsAndMarksTheFiftyTwoPlacesWithBothNumbers(string culture, string count, string guangzhouPolitics)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Analysis/Report", culture);

        Assert.Contains(count, html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"num differs\">{guangzhouPolitics}", html, StringComparison.Ordinal);
        // 52 domain cells and 31 overall cells are marked.
        Assert.Equal(52 + 31, Regex.Count(html, "<td class=\"num differs\">"));
    }

    [GeneratedRegex("<span class=\"rank-conflict\"")]
    private static partial Regex RankConflict();

    [GeneratedRegex("<th scope=\"row\"><a [^>]*>([^<]+)</a></th>")]
    private static partial Regex RowHeaders();
}
