using System.Globalization;
using System.Net;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// The per-client budget of anonymous requests (issue 18: one address in a loop cannot take the cores from everyone
/// else). The app runs as behind its documented reverse proxy: every request arrives from the proxy 10.0.0.5, which
/// is trusted, and names its client in <c>X-Forwarded-For</c>; each test has its own app instance and limiters.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ClientRateLimitTests(CityExchangeFactory factory)
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task AClientOverItsBurst_Gets429WithRetryAfter_InTheReadersLanguage_WhileAnotherClientIsServed()
    {
        using var app = Limited(perSecond: 1, burst: 3, queue: 0);
        var greedy = Client(app, "198.51.100.7");
        var other = Client(app, "198.51.100.8");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync(new Uri("/api/years", UriKind.Relative))).StatusCode);
        }

        using var refused = await greedy.GetAsync(new Uri("/api/years", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 2);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"title\":\"请求过多\"", body, StringComparison.Ordinal);
        Assert.Contains("此客户端的尝试次数过多", body, StringComparison.Ordinal);

        // Another address has its own bucket.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/years", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task APageOverTheBudget_IsTheLocalisedStatusPage_NotJson()
    {
        using var app = Limited(perSecond: 1, burst: 1, queue: 0);
        var client = Client(app, "198.51.100.9");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Methodology?culture=en", UriKind.Relative))).StatusCode);

        using var refused = await client.GetAsync(new Uri("/Methodology?culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = Dom.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many requests", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task RequestsOverTheRate_WithinTheQueue_WaitAndAreServed_NotRefused()
    {
        using var app = Limited(perSecond: 20, burst: 1, queue: 4);
        var client = Client(app, "198.51.100.10");

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.GetAsync(new Uri("/api/years", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task SignedInUsers_AreNotCounted()
    {
        using var app = Limited(perSecond: 1, burst: 3, queue: 0);
        // Signing in costs the anonymous client two of its three requests (the form, the post).
        using var browser = await BrowserSession.SignInAsAdminAsync(app);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(new Uri("/Imports", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task HealthChecks_AreNeverCounted()
    {
        using var app = Limited(perSecond: 1, burst: 1, queue: 0);
        var client = Client(app, "198.51.100.12");

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/years", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri("/api/years", UriKind.Relative))).StatusCode);
    }

    private WebApplicationFactory<Program> Limited(int perSecond, int burst, int queue) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:RequestsPerSecondPerClient", perSecond.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:RequestBurstPerClient", burst.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:RequestQueuePerClient", queue.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Proxy:KnownProxies:0", Proxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromProxy()));
        });

    /// <summary>A client as the app sees it behind the proxy: the proxy's address, the client's in X-Forwarded-For.</summary>
    private static HttpClient Client(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>
    /// The test server has no remote address; this makes every request arrive from the trusted proxy, before the
    /// app's forwarded-headers middleware (a request without X-Forwarded-For is the proxy's own).
    /// </summary>
    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
