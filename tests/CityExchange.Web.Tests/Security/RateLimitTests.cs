using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// Each test runs its own app instance (own limiters) on the shared database with tight limits; the shared factory
/// itself has limits too generous for any other test to reach.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class RateLimitTests(CityExchangeFactory factory)
{
    private static readonly Uri Imports = new("/api/imports", UriKind.Relative);

    [Fact]
    public async Task WrongBearerTokens_AfterTheLimitAre429WithRetryAfter_EvenForTheRightToken()
    {
        using var app = Limited(failedTokens: 3);
        var wrong = Client(app, "wrong-token");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(Imports)).StatusCode);
        }

        var refused = await wrong.GetAsync(Imports);
        AssertTooManyRequests(refused, maxSeconds: 60);
        // The limit holds before the token is even compared: the right token from the same client waits too.
        AssertTooManyRequests(await Client(app, CityExchangeFactory.ApiToken).GetAsync(Imports), maxSeconds: 60);
    }

    [Fact]
    public async Task RightBearerTokens_AreNotCountedAsFailures()
    {
        using var app = Limited(failedTokens: 2);
        var right = Client(app, CityExchangeFactory.ApiToken);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await right.GetAsync(Imports)).StatusCode);
        }

        var wrong = Client(app, "wrong-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(Imports)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(Imports)).StatusCode);
        AssertTooManyRequests(await wrong.GetAsync(Imports), maxSeconds: 60);
    }

    [Fact]
    public async Task LoginPosts_AfterTheLimitAre429WithRetryAfter_WhileTheFormStillShows()
    {
        using var app = Limited(logins: 3);
        using var browser = new BrowserSession(app);

        for (var i = 0; i < 3; i++)
        {
            var attempt = await browser.LoginAsync("nobody@cityexchange.test", "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await browser.LoginAsync(CityExchangeFactory.AdminEmail, CityExchangeFactory.AdminPassword);
        AssertTooManyRequests(refused, maxSeconds: 60);
        // A person at the form sees a page in their language, not the API's JSON (issue 18, finding 10).
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = Dom.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请求过多", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("此地址的尝试次数过多，或服务器正忙。请稍候再试。", page.GetElementById("too-many")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/Account/Login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ApiUploads_AfterTheLimitAre429WithRetryAfter()
    {
        using var app = Limited(uploads: 2);
        var client = Client(app, CityExchangeFactory.ApiToken);
        var url = new Uri("/api/years/2090/indicators", UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(url, Csv.Content("city,consulates", "beijing,1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(url, Csv.Content("city,consulates", "beijing,2"))).StatusCode);
        var refused = await client.PutAsync(url, Csv.Content("city,consulates", "beijing,3"));

        AssertTooManyRequests(refused, maxSeconds: 60);
        await using var db = factory.CreateDbContext();
        Assert.Equal(2, db.Set<CityExchange.Web.Store.IndicatorValue>().Single(v => v.Year == 2090 && v.CityCode == "beijing").Value);
    }

    [Fact]
    public async Task PageUploads_AreLimitedPerUser()
    {
        using var app = Limited(uploads: 2);
        using var browser = await BrowserSession.SignInAsAdminAsync(app);
        var file = Encoded.Utf8("city,consulates", "beijing,4");

        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadAsync(file, "a.csv", 2091)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadAsync(file, "b.csv", 2091)).StatusCode);
        AssertTooManyRequests(await browser.UploadAsync(file, "c.csv", 2091), maxSeconds: 60);
        // Only the file post counts: the page and its other handlers still answer.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/Upload", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AreNeverLimited(string path)
    {
        using var app = Limited(failedTokens: 1, logins: 1, uploads: 1);
        var client = Client(app, "wrong-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Imports)).StatusCode);
        AssertTooManyRequests(await client.GetAsync(Imports), maxSeconds: 60);

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task RetryAfter_FollowsTheConfiguredWindow()
    {
        using var app = Limited(failedTokens: 1, windowSeconds: 5);
        var client = Client(app, "wrong-token");
        await client.GetAsync(Imports);

        AssertTooManyRequests(await client.GetAsync(Imports), maxSeconds: 5);
    }

    private static void AssertTooManyRequests(HttpResponseMessage response, int maxSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        var seconds = int.Parse(retryAfter, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, maxSeconds);
    }

    private WebApplicationFactory<Program> Limited(int failedTokens = 1000, int logins = 1000, int uploads = 1000, int windowSeconds = 60) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:FailedTokenAttemptsPerMinute", failedTokens.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:LoginAttemptsPerMinute", logins.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:UploadsPerMinute", uploads.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:WindowSeconds", windowSeconds.ToString(CultureInfo.InvariantCulture));
        });

    private static HttpClient Client(WebApplicationFactory<Program> app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
