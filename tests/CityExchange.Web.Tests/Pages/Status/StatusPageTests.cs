using System.Net;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Status;

[Collection(WebTestGroup.Name)]
public sealed class StatusPageTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("en", "There is no city, year or page at this address.")]
    [InlineData("zh-CN", "此地址没有对应的城市、年份或页面。")]
    public async Task UnknownPage_IsALocalisedNotFoundPage(string culture, string text)
    {
        var (status, html) = await PageHtml.GetAsync(factory, "/no/such/page", culture);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiNotFound_StaysJsonProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/rankings/1999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownApiPath_IsNotTheHtmlPage()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
