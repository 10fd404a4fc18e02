using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CityExchange.Web.Hosting;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Hosting;

/// <summary>Response compression, static cache lifetimes and the transfer size of /Rankings.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class TransferTests(CityExchangeFactory factory)
{
    /// <summary>The issue's budget for /Rankings: HTML, CSS, JS and Chart.js, compressed.</summary>
    private const long RankingsBudgetBytes = 250 * 1024;

    [Fact]
    public async Task VersionedStaticFile_IsCachedForAYearAsImmutable()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/css/site.css?v=abc123", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task UnversionedStaticFile_IsCachedBriefly()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/js/shared/charts.js", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.False(response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"));
    }

    [Theory]
    [InlineData("/Rankings?year=2015", "br")]
    [InlineData("/api/rankings/2015", "gzip")]
    [InlineData("/css/site.css", "br")]
    public async Task AnonymousHttpsResponses_AreCompressed(string url, string encoding)
    {
        var client = Https();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/Rankings?year=2015", "ranking-table")]
    [InlineData("/api/rankings/2015", "\"cities\"")]
    public async Task CachedResponses_ComeInTheEncodingEachClientAskedFor(string url, string marker)
    {
        // The output cache keeps responses compressed: one entry per Accept-Encoding, never one client's encoding for
        // another. A query value of its own starts the URL with an empty cache, so the first request of each encoding
        // must be a miss (an entry of its own, stored compressed) and the second a hit.
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "probe=" + Guid.NewGuid().ToString("N");
        var client = Https();
        string?[] asked = [null, "br", "gzip", null, "br", "gzip"];
        for (var i = 0; i < asked.Length; i++)
        {
            var encoding = asked[i];
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            }

            var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var wire = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
            // The output cache adds an Age header to what it replays.
            Assert.Equal(i >= 3, response.Headers.Age is not null);
            using Stream decoded = encoding switch
            {
                "br" => new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress),
                _ => new MemoryStream(wire),
            };
            Assert.Contains(marker, await new StreamReader(decoded).ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignedInHttpsResponses_AreNotCompressed()
    {
        var client = Https();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Rankings?year=2015", UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.Add("Cookie", PerformanceSetup.AuthCookie + "=anything");

        var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task RankingsPage_TransfersUnderTheBudgetCompressed()
    {
        var client = Https();
        var (html, htmlBytes) = await FetchAsync(client, "/Rankings?year=2015");
        var assets = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in AssetPattern().Matches(html))
        {
            assets.Add(m.Groups["url"].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        }

        // Chart.js is fetched when the chart is scrolled to; a reader who does so transfers it too.
        foreach (Match m in ChartJsSourcePattern().Matches(html))
        {
            assets.Add(m.Groups["url"].Value);
        }

        // So is the map's geo plugin (city-map.js reads its path from the map's config block).
        foreach (Match m in MapScriptPattern().Matches(html))
        {
            assets.Add(m.Groups["url"].Value.Replace("\\u0026", "&", StringComparison.Ordinal));
        }

        Assert.Contains(assets, a => a.StartsWith("/lib/chart.js/dist/chart.umd.min.js?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/chartjs-chart-geo/build/index.umd.min.js?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
        var total = htmlBytes;
        var pending = new Queue<string>(assets);
        while (pending.TryDequeue(out var url))
        {
            var (body, bytes) = await FetchAsync(client, url);
            total += bytes;
            // ES modules import their neighbours (e.g. ../shared/charts.js): count those once too.
            if (url.Contains(".js", StringComparison.Ordinal) && !url.Contains("/lib/", StringComparison.Ordinal))
            {
                foreach (Match m in ImportPattern().Matches(body))
                {
                    var resolved = new Uri(new Uri("https://localhost" + url), m.Groups["url"].Value).PathAndQuery;
                    if (assets.Add(resolved))
                    {
                        pending.Enqueue(resolved);
                    }
                }
            }
        }

        Assert.InRange(total, 1, RankingsBudgetBytes);
    }

    private HttpClient Https() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>Fetches with Brotli accepted; returns the decoded text and the bytes on the wire.</summary>
    private static async Task<(string Text, long Bytes)> FetchAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var wire = await response.Content.ReadAsByteArrayAsync();
        var encoded = response.Content.Headers.ContentEncoding.Contains("br");
        using var stream = encoded
            ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress)
            : new MemoryStream(wire);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync(), wire.LongLength);
    }

    [GeneratedRegex("""(?:<link[^>]+rel="stylesheet"[^>]+href|<script[^>]+src)="(?<url>/[^"]+)""")]
    private static partial Regex AssetPattern();

    [GeneratedRegex("""<script type="application/json" id="chartjs-src">"(?<url>/[^"]+)"</script>""")]
    private static partial Regex ChartJsSourcePattern();

    [GeneratedRegex(@"""geo"":""(?<url>/[^""]+)""")]
    private static partial Regex MapScriptPattern();

    [GeneratedRegex("""(?:import|from)\s*['"](?<url>\.{1,2}/[^'"]+)['"]""")]
    private static partial Regex ImportPattern();
}
