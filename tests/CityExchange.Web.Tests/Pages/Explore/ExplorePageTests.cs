using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Explore;

[Collection(WebTestGroup.Name)]
public sealed class ExplorePageTests(CityExchangeFactory factory)
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Explore_RendersInChineseByDefault()
    {
        var html = await GetAsync("/Explore?year=2014");

        Assert.Contains("探索权重与方法", html, StringComparison.Ordinal);
        Assert.Contains("北京", html, StringComparison.Ordinal);
        Assert.Contains("演示数据", html, StringComparison.Ordinal);
        Assert.Contains("js/explore/explore.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Explore_RendersInEnglish()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en");

        Assert.Contains("Explore weights and methods", html, StringComparison.Ordinal);
        Assert.Contains("Beijing", html, StringComparison.Ordinal);
        Assert.Contains("Entropy", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_RendersTheStateOfTheQueryString()
    {
        var document = await DocumentAsync("/Explore?year=2014&culture=en&method=rank&w.social=1&w.culture=0.5&w.consulates=3");

        Assert.Equal("rank", Single(document, "#explore-method option[selected]").GetAttribute("value"));
        Assert.Equal("1", Single(document, "input[name='w.social']").GetAttribute("value"));
        Assert.Equal("0.5", Single(document, "input[name='w.culture']").GetAttribute("value"));
        Assert.Equal("3", Single(document, "input[name='w.consulates']").GetAttribute("value"));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Explore_ShowsRankChangesAgainstTheDefault()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en&w.social=1&w.culture=0&w.trade=0&w.politics=0");

        Assert.Contains("places up", html, StringComparison.Ordinal);
        Assert.Contains("places down", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_BadWeightShowsTheErrorAndTheDefaultRanking()
    {
        var html = await GetAsync("/Explore?year=2014&culture=en&w.social=-2");

        Assert.Contains("error-box", html, StringComparison.Ordinal);
        Assert.Contains("data-city=\"beijing\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_PublishedYearDisablesTheIndicatorOptions()
    {
        var document = await DocumentAsync("/Explore?year=2013&culture=en");

        Assert.Contains("This is a published year", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.True(Single(document, "#explore-method").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Explore_RunsTheUncertaintyAnalysisWithoutScript()
    {
        var document = await DocumentAsync("/Explore?year=2013&culture=en&mc=1&samples=200");

        Assert.Equal(46, document.QuerySelectorAll("#mc-rows tr").Length);
        Assert.Contains("weight vectors with every domain weight between 0.1 and 0.4", Single(document, "#mc-points").TextContent, StringComparison.Ordinal);
        Assert.Equal("200", Single(document, "#mc-samples").GetAttribute("value"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("true")]
    [InlineData("methods")]
    public async Task Explore_ShowsTheVaryBoxTickedWhenTheQueryVariesTheMethods(string vary)
    {
        // The API and the page read vary= with one parser: what varies the methods also ticks the box.
        var document = await DocumentAsync($"/Explore?year=2014&culture=en&mc=1&samples=20&vary={vary}");

        Assert.True(Single(document, "#mc-vary").HasAttribute("checked"));
        Assert.False(Single(document, "#mc-vary").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Explore_LeavesTheVaryBoxUntickedByDefault()
    {
        var document = await DocumentAsync("/Explore?year=2014&culture=en&mc=1&samples=20");

        Assert.False(Single(document, "#mc-vary").HasAttribute("checked"));
        Assert.Equal(("1000", "1", "0.1", "0.4"), (Single(document, "#mc-samples").GetAttribute("data-default"), Single(document, "#mc-seed").GetAttribute("data-default"),
            Single(document, "#mc-min").GetAttribute("data-default"), Single(document, "#mc-max").GetAttribute("data-default")));
    }

    [Fact]
    public async Task Explore_ShowsTheSamplesErrorOfTheApiOnThePage()
    {
        var document = await DocumentAsync("/Explore?year=2014&culture=en&mc=1&samples=0");

        Assert.Equal("samples must be a whole number between 1 and 20000.", Single(document, "#mc-status").TextContent.Trim());
        Assert.Empty(document.QuerySelectorAll("#mc-rows tr"));
    }

    [Theory]
    [InlineData("", "假如北京的数值不同会怎样？")]
    [InlineData("&culture=en", "What if Beijing's values were different?")]
    public async Task CityTools_RenderInBothLanguages(string culture, string title)
    {
        var html = await GetAsync($"/Explore/City/beijing?year=2015{culture}");

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("data-targets", html, StringComparison.Ordinal);
        Assert.Contains("data-rank-change", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityTools_ShowTheWhatIfAndTheTargetsWithoutScript()
    {
        var html = await GetAsync("/Explore/City/beijing?year=2015&culture=en&v.consulates=500&v.intl_orgs=500&rank=1&from=2014&to=2015");

        Assert.Contains("Beijing would pass: <a href=\"/Cities/shanghai?year=2015\">Shanghai</a>.", html, StringComparison.Ordinal);
        Assert.Contains("To reach rank 1", html, StringComparison.Ordinal);
        Assert.Contains("Score ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityTools_UnknownCityShowsAnError()
    {
        var html = await GetAsync("/Explore/City/atlantis?culture=en");

        Assert.Contains("Unknown city", html, StringComparison.Ordinal);
    }

    private static IElement Single(IDocument document, string selector) => Assert.Single(document.QuerySelectorAll(selector));

    [Theory]
    [InlineData("en", "Which construction choice drives the uncertainty?")]
    [InlineData("zh-CN", "哪项构建选择主导了排名的不确定性？")]
    public async Task Explore_HasTheSobolSection_AFormThatAsksTheApiWithoutScript(string culture, string heading)
    {
        var page = await DocumentAsync($"/Explore?year=2015&culture={culture}");

        Assert.Equal(heading, page.GetElementById("sobol-title")!.TextContent);
        var form = page.GetElementById("sobol-form")!;
        Assert.Equal("/api/sensitivity/2015/indices", form.GetAttribute("action"));
        Assert.Equal(["weights", "method", "aggregation", "missing", "winsorise"],
            form.QuerySelectorAll("input[name=inputs]").Select(i => i.GetAttribute("value")));
        Assert.Equal("1000", page.GetElementById("sobol-samples")!.GetAttribute("value"));
        Assert.True(page.GetElementById("sobol-progress-box")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task Explore_APublishedYear_SaysThereIsNothingToVary()
    {
        var page = await DocumentAsync("/Explore?year=2013&culture=en");

        Assert.Null(page.GetElementById("sobol-form"));
        Assert.StartsWith("A published year has only domain scores", page.GetElementById("sobol-unavailable")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<IDocument> DocumentAsync(string url) => await Parser.ParseDocumentAsync(await GetAsync(url));

    private async Task<string> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
