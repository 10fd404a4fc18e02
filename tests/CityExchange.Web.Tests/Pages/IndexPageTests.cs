using System.Net;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages;

[Collection(WebTestGroup.Name)]
public sealed class IndexPageTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Index_ShowsThePublishedRankingInChineseByDefault()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/?year=2013", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("北京", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SwitchesToEnglishFromTheQueryString()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/?year=2013&culture=en", UriKind.Relative));

        Assert.Contains("Beijing", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }
}
