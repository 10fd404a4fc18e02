using System.Net;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Hosting;

/// <summary>The interactive reference at /api/docs: served from the app (no CDN, no external font), with a CSP of its own.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class OpenApiReferenceTests(CityExchangeFactory factory)
{
    private const string SiteCsp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    [Fact]
    public async Task TheReference_AnswersFromThisOrigin_WithANonceCsp()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/docs/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch(ExternalUrl(), html);
        var nonces = Nonce().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        Assert.Equal(3, Nonce().Count(html));
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Equal(
            $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        // A fresh nonce per page.
        var again = await factory.CreateClient().GetStringAsync(new Uri("/api/docs/", UriKind.Relative));
        Assert.DoesNotContain(nonce, again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/docs/scalar.js")]
    [InlineData("/api/docs/scalar.aspnetcore.js")]
    public async Task TheReferenceScripts_AreServedByTheApp(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Rankings")]
    [InlineData("/api/rankings/2013")]
    [InlineData("/openapi/v1.json")]
    public async Task EverythingElse_KeepsTheSiteCsp(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SiteCsp, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [GeneratedRegex("https?://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex("nonce=\"([A-Za-z0-9+/=_-]+)\"")]
    private static partial Regex Nonce();
}
