using System.Net;
using System.Text;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// Every GET route the app maps (pages and API, enumerated from the endpoint data source, so a new one joins by itself),
/// requested thousands of times with random route values and query parameters drawn from every parameter the app
/// reads and from hostile values: never a 5xx. Bounds are the server's to enforce (ranges, limits, cancellation), so
/// hostile sizes are in the mix. A failure prints the seed and the URL to replay.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class EndpointFuzzTests(CityExchangeFactory factory)
{
    private const int Seed = 20261201;
    private const int Cases = 2500;

    private static readonly string[] Parameters =
    [
        "year", "method", "domain", "region", "group", "q", "sort", "dir", "p", "a", "b", "city", "rank", "k", "linkage",
        "samples", "seed", "sampling", "concentration", "spread", "vary", "mc", "min", "max", "step", "weights", "preset",
        "aggregation", "scale", "missing", "winsorise", "winmax", "minCoverage", "limit", "culture", "handler", "status", "user", "page", "x", "y",
        "indicator", "covariate", "from", "to", "intervals", "bounds", "n", "inputs", "boot", "coverageLow", "coverageHigh",
    ];

    private static readonly string[] Values =
    [
        "", " ", "0", "1", "-1", "2", "3", "5", "46", "100", "1000", "20000", "2147483647", "-2147483648", "99999999999999999999",
        "2013", "2014", "2015", "1899", "2201", "0.5", "0.0001", "1e-300", "1e308", "-1e308", "1e999", "NaN", "Infinity", "-0",
        "minmax", "rank", "zscore", "published", "geometric", "arithmetic", "ward", "average", "complete", "single", "centroid",
        "equal", "entropy", "critic", "pca", "dirichlet", "uniform", "yes", "true", "false", "conditional", "0.99", "20", "21", "social", "culture", "trade",
        "politics", "beijing", "上海", "Guangzhou", "北惊", "nowhere", "east", "capital", "华东", "asc", "desc", "score",
        "social:0.4,consulates:3", "consulates:1e308,sister_cities:1e308", "social:-1", "social:NaN", "odi:1e20", ":", ",,,",
        "zh-CN", "en", "fr", "Csv", "Template", "accepted", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\u0000",
        "weights,method", "winsorise,weights,missing", "\uFEFF", "\u202E", "💥", "../../etc/passwd", new string('x', 2000), "１２", "1,000", "[1,2]", "{\"a\":1}",
    ];

    // A NUL in the path is refused by the test client before it reaches the app (Kestrel answers 400); it stays in queries.
    private static readonly string[] PathValues = [.. Values.Where(v => !v.Contains('\0', StringComparison.Ordinal))];

    [Fact]
    public async Task EveryGetRoute_WithRandomParameters_NeverAnswers5xx()
    {
        var routes = GetRoutes();
        Assert.Contains(routes, r => r.StartsWith("api/sensitivity", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("Analysis/Clusters", StringComparison.Ordinal));
        var client = factory.CreateClient();
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < Cases && failures.Count < 5; i++)
        {
            var url = Url(routes[random.Next(routes.Count)], random);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"case {i} (seed {Seed}): {(int)response.StatusCode} GET {url}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>The GET routes: API endpoints and pages (a page's route template), without the health probes.</summary>
    private List<string> GetRoutes() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Where(r => !r.StartsWith("health", StringComparison.Ordinal) && !r.Contains("{**", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static string Url(string route, Random random)
    {
        var path = new StringBuilder("/");
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!segment.StartsWith('{'))
            {
                path.Append(segment).Append('/');
                continue;
            }

            // A route value: what its constraint accepts most of the time (else the route would not match at all).
            var value = segment.Contains(":int", StringComparison.Ordinal) || segment.Contains(":long", StringComparison.Ordinal)
                ? Pick(random, ["2013", "2014", "2015", "1", "0", "-5", "3000", "99999"])
                : Pick(random, PathValues);
            if (value.Length == 0 && segment.Contains('?', StringComparison.Ordinal))
            {
                continue;
            }

            path.Append(Uri.EscapeDataString(value.Length == 0 ? "x" : value)).Append('/');
        }

        var query = new StringBuilder();
        var count = random.Next(0, 7);
        for (var k = 0; k < count; k++)
        {
            query.Append(k == 0 ? '?' : '&')
                .Append(Pick(random, Parameters)).Append('=').Append(Uri.EscapeDataString(Pick(random, Values)));
        }

        return path.ToString().TrimEnd('/') + query;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
