using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// <c>?culture=</c> remembers the language in a cookie, but only when it changes; the response that sets it is cached
/// with it (PreEndpointCookies) apart from the one for readers who have it already.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class CultureCookieTests(CityExchangeFactory factory)
{
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    [Fact]
    public async Task CultureQuery_WithoutTheCookie_SetsIt()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/Rankings?year=2015&culture=en", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(EnglishCookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CultureQuery_WithoutTheCookie_IsServedFromTheCacheWithTheCookie()
    {
        // Two new readers: the client must not send back the cookie it was given.
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        HttpResponseMessage? last = null;
        for (var i = 0; i < 2; i++)
        {
            last = await client.GetAsync(new Uri("/Rankings?year=2014&culture=en&sort=name", UriKind.Relative));
            last.EnsureSuccessStatusCode();
            // A new reader following an English link gets the cookie, from the cache as from the page.
            Assert.Contains(last.Headers.GetValues("Set-Cookie"), c => c.StartsWith(EnglishCookie, StringComparison.Ordinal));
            Assert.Contains("lang=\"en\"", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(i == 1, last.Headers.Age is not null);
        }
    }

    [Fact]
    public async Task CultureQuery_MatchingTheCookie_SetsNothingAndIsServedFromTheCache()
    {
        var client = factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Rankings?year=2015&culture=en", UriKind.Relative));
            request.Headers.Add("Cookie", EnglishCookie);
            last = await client.SendAsync(request);
            last.EnsureSuccessStatusCode();
            Assert.False(last.Headers.Contains("Set-Cookie"));
            Assert.Contains("lang=\"en\"", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(last!.Headers.Age);
    }

    [Fact]
    public async Task CultureQuery_DifferingFromTheCookie_ReplacesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Rankings?year=2015&culture=zh-CN", UriKind.Relative));
        request.Headers.Add("Cookie", EnglishCookie);

        var response = await factory.CreateClient().SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN", StringComparison.Ordinal));
    }
}
