using System.Net;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Site;

/// <summary>A page never sends its reader to a file of the source repository ("see docs/analysis.md"): it links a page the app serves.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class RepositoryReferenceTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Rankings?year=2016")]
    [InlineData("/Compare?a=beijing&b=shanghai&year=2016")]
    [InlineData("/Cities/beijing?year=2013")]
    [InlineData("/Cities/beijing?year=2016")]
    [InlineData("/Methodology")]
    [InlineData("/Analysis")]
    [InlineData("/Analysis/Clusters?year=2013")]
    [InlineData("/Analysis/Groups?year=2013")]
    [InlineData("/Analysis/Correlations?year=2013")]
    [InlineData("/Analysis/Regression?year=2016")]
    [InlineData("/Analysis/Report")]
    [InlineData("/Analysis/Audit?year=2015")]
    [InlineData("/Explore?year=2016")]
    [InlineData("/Explore/City/beijing?year=2016")]
    public async Task Page_NamesNoRepositoryFile(string url)
    {
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            var html = await factory.CreateClient().GetStringAsync(new Uri($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}", UriKind.Relative));

            var text = WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(html, " "), " "));
            Assert.DoesNotMatch(RepositoryFile(), text);
        }
    }

    [Theory]
    [InlineData("en", "Every linkage against Figure 9")]
    [InlineData("zh-CN", "各种联接方法与图表 9 的比较")]
    public async Task Report_LinksTheClusteringComparisonThatTheAppServes(string culture, string label)
    {
        var client = factory.CreateClient();

        var report = await client.GetStringAsync(new Uri($"/Analysis/Report?culture={culture}", UriKind.Relative));
        var clusters = await client.GetStringAsync(new Uri($"/Analysis/Clusters?year=2013&culture={culture}", UriKind.Relative));

        Assert.Contains($"<a href=\"/Analysis/Clusters?year=2013#figure9-heading\">{label}</a>", report, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"figure9-heading\">", clusters, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bdocs/|\b[\w-]+\.md\b|\bREADME\b")]
    private static partial Regex RepositoryFile();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();
}
