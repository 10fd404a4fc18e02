using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Hosting;

/// <summary>
/// The OpenAPI contract: the document the app serves is the committed docs/openapi.json (so it cannot drift silently),
/// and it covers every API route. <c>CITYEX_OPENAPI_OUT=path</c> makes the first test write the document there
/// (scripts/openapi.sh uses it to update the copy).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class OpenApiDocumentTests(CityExchangeFactory factory)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task TheServedDocument_IsTheCommittedCopy()
    {
        var generated = Normalise(await DocumentAsync());
        if (Environment.GetEnvironmentVariable("CITYEX_OPENAPI_OUT") is { Length: > 0 } target)
        {
            // Updating the copy (scripts/openapi.sh): nothing to compare.
            await File.WriteAllTextAsync(target, generated);
            return;
        }

        var committedPath = Path.Combine(RepositoryRoot(), "docs", "openapi.json");
        var committed = File.Exists(committedPath) ? Normalise(JsonNode.Parse(await File.ReadAllTextAsync(committedPath))!) : "";
        if (generated != committed)
        {
            // Never over docs/: the generated document goes beside the test binaries, for a diff.
            var written = Path.Combine(AppContext.BaseDirectory, "openapi.generated.json");
            await File.WriteAllTextAsync(written, generated);
            Assert.Fail($"/openapi/v1.json differs from docs/openapi.json. The generated document is in {written}; if the change is meant, run scripts/openapi.sh to update the committed copy.");
        }
    }

    [Fact]
    public async Task EveryApiRoute_IsInTheDocument_WithASummary()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal) && !r.Path.StartsWith("/api/docs", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(25, routes.Count);
        foreach (var (path, methods) in routes)
        {
            // The document writes route constraints away: {year:int} is {year}.
            var documented = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/');
            Assert.True(paths.ContainsKey(documented), $"{path} is not in the OpenAPI document");
            foreach (var method in methods)
            {
                var operation = paths[documented]![method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is not in the OpenAPI document");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {path} has no summary");
            }
        }

        Assert.Equal(
            ["/api/analysis/{year}/audit", "/api/analysis/{year}/clusters", "/api/analysis/{year}/correlations", "/api/analysis/{year}/groups", "/api/analysis/{year}/published-weights", "/api/cities", "/api/datapackage.zip", "/api/imports",
             "/api/imports/{id}/file", "/api/imports/{id}/restore", "/api/rankchange/{city}", "/api/rankings/{year}", "/api/rankings/{year}/whatif",
             "/api/sensitivity/jobs/{id}", "/api/sensitivity/{year}", "/api/sensitivity/{year}/bounds", "/api/sensitivity/{year}/indices", "/api/tables/xlsx", "/api/targets/{year}", "/api/weights/{year}", "/api/years",
             "/api/years/{year}/covariates", "/api/years/{year}/indicators", "/api/years/{year}/template", "/health", "/health/live", "/health/ready"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (_, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["summary"]), $"{method} has no summary");
            }
        }
    }

    [Fact]
    public async Task TheRankingOptions_AreParametersOfTheRanking_WithTheirEnumsAndDefaults()
    {
        var ranking = (await DocumentAsync())["paths"]!["/api/rankings/{year}"]!["get"]!;
        var parameters = ranking["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!["schema"]!);

        Assert.Equal(["year", "method", "aggregation", "scale", "missing", "winsorise", "winmax", "minCoverage", "preset", "weights", "format"], parameters.Keys);
        Assert.Equal("minmax", (string?)parameters["method"]["default"]);
        Assert.Equal(["minmax", "rank", "zscore"], parameters["method"]["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["arithmetic", "geometric"], parameters["aggregation"]["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("year", (string?)parameters["scale"]["default"]);
        Assert.Equal("available", (string?)parameters["missing"]["default"]);
        Assert.Equal("false", (string?)parameters["winsorise"]["default"]);
        Assert.Equal(["false", "true", "conditional"], parameters["winsorise"]["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(5, (int)parameters["winmax"]["default"]!);
        Assert.Equal(1, (int)parameters["winmax"]["minimum"]!);
        Assert.Equal(20, (int)parameters["winmax"]["maximum"]!);
        Assert.Equal(0, (double)parameters["minCoverage"]["default"]!);
        Assert.Equal(1, (double)parameters["minCoverage"]["maximum"]!);
        Assert.Equal(["equal", "entropy", "critic", "pca"], parameters["preset"]["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["json", "xlsx"], parameters["format"]["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("#/components/schemas/RankingResponse", (string?)ranking["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        Assert.NotNull(ranking["responses"]!["200"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    }

    [Fact]
    public async Task RangesBodiesAndSecurity_AreAsDocsApiStatesThem()
    {
        var paths = (await DocumentAsync())["paths"]!;
        JsonNode Schema(string path, string name) =>
            paths[path]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == name)!["schema"]!;

        Assert.Equal("1", Schema("/api/sensitivity/{year}", "samples")["minimum"]!.ToJsonString());
        Assert.Equal("20000", Schema("/api/sensitivity/{year}", "samples")["maximum"]!.ToJsonString());
        Assert.Equal("1000", Schema("/api/sensitivity/{year}", "samples")["default"]!.ToJsonString());
        Assert.Equal("0", Schema("/api/sensitivity/{year}/bounds", "step")["exclusiveMinimum"]!.ToJsonString());
        Assert.Equal("0.25", Schema("/api/sensitivity/{year}/bounds", "step")["maximum"]!.ToJsonString());
        Assert.Equal("1", Schema("/api/analysis/{year}/clusters", "k")["minimum"]!.ToJsonString());
        Assert.Equal("100", Schema("/api/cities", "limit")["maximum"]!.ToJsonString());
        Assert.Equal("20", Schema("/api/cities", "limit")["default"]!.ToJsonString());

        var upload = paths["/api/years/{year}/indicators"]!["put"]!;
        Assert.Equal(
            ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"],
            upload["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal("#/components/schemas/ImportErrorResponse", (string?)upload["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.Equal("bearer", upload["security"]![0]!.AsObject().Single().Key);
        Assert.Null(paths["/api/rankings/{year}/whatif"]!["post"]!["security"]);
        Assert.NotNull(paths["/api/rankings/{year}/whatif"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["overrides"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Objects with their keys in ordinal order (arrays keep theirs: parameter and enum order mean something), indented.</summary>
    internal static string Normalise(JsonNode document) => Sorted(document)!.ToJsonString(Pretty) + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityExchange.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CityExchange.sln not found above " + AppContext.BaseDirectory);
    }
}
