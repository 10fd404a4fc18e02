using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Security;

/// <summary>
/// Policies are endpoint metadata, so a new endpoint cannot skip them silently: every endpoint is enumerated and each
/// one that writes must say how it is limited and who may call it.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class EndpointPolicyTests(CityExchangeFactory factory)
{
    private static readonly string[] Writes = [HttpMethods.Put, HttpMethods.Post, HttpMethods.Delete, HttpMethods.Patch];

    /// <summary>Pages whose POST is meant for anonymous readers; anything else that posts must be authorised.</summary>
    private static readonly string[] AnonymousPosts = ["/Account/Login", "/Account/Logout", "/Status/Index", "/Error"];

    /// <summary>The error pages a failed POST is re-executed into: they write nothing and must answer without a token.</summary>
    private static readonly string[] StatusPages = ["/Status/Index", "/Error"];

    [Fact]
    public void EveryApiWrite_CarriesARateLimitAndAnAuthorisationPolicy()
    {
        var writes = ApiEndpoints().Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(Writes.Contains) == true).ToList();

        Assert.Equal(
            ["POST api/imports/{id:long}/restore", "POST api/rankings/{year:int}/whatif", "POST api/tables/xlsx", "PUT api/cities", "PUT api/years/{year:int}/covariates", "PUT api/years/{year:int}/indicators"],
            writes.Select(Describe).Order(StringComparer.Ordinal));
        foreach (var endpoint in writes.Where(e => !Describe(e).EndsWith("/whatif", StringComparison.Ordinal) && !Describe(e).StartsWith("POST api/tables/", StringComparison.Ordinal)))
        {
            Assert.True(endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null, $"{Describe(endpoint)} has no rate limit");
            Assert.True(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is "token"), $"{Describe(endpoint)} is not limited to the API token");
        }
    }

    [Fact]
    public void TheWhatIfAndTheChartWorkbook_AreTheApiPostsThatWriteNothing()
    {
        // The what-if scores a copy of the year's values, the chart workbook turns the posted table into a file: both
        // anonymous by design, like every GET, and under the analysis limiter (Analyses_ShareTheConcurrencyLimit…).
        foreach (var route in new[] { "POST api/rankings/{year:int}/whatif", "POST api/tables/xlsx" })
        {
            var endpoint = Assert.Single(ApiEndpoints(), e => Describe(e) == route);
            Assert.Empty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
        }
    }

    [Fact]
    public void EveryPagePost_IsAuthorisedOrOnTheAnonymousList_AndNoneSkipsAntiforgery()
    {
        var posting = Pages().Where(p => p.Page.HandlerMethods.Any(h => h.HttpMethod == "Post")).ToList();

        Assert.Contains(posting, p => p.Page.ViewEnginePath == "/Upload/Index");
        foreach (var (endpoint, page) in posting)
        {
            Assert.True(
                AnonymousPosts.Contains(page.ViewEnginePath) || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(),
                $"{page.ViewEnginePath} accepts posts from anyone");
            Assert.True(
                StatusPages.Contains(page.ViewEnginePath) || endpoint.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is null,
                $"{page.ViewEnginePath} skips antiforgery");
        }
    }

    [Theory]
    [InlineData("/Upload/Index", "upload")]
    [InlineData("/Account/Login", "login")]
    public void PagesThatTakeUploadsOrPasswords_CarryTheirRateLimit(string page, string policy)
    {
        var (endpoint, _) = Assert.Single(Pages(), p => p.Page.ViewEnginePath == page);

        Assert.Equal(policy, endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
    }

    [Fact]
    public void OutputCache_IsOnExactlyThePublicReadsAndTheAnalyses()
    {
        var cached = Endpoints()
            .Where(e => e.Metadata.GetMetadata<OutputCacheAttribute>() is not null || e.Metadata.GetMetadata<IOutputCachePolicy>() is not null)
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? Describe(e))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "/Analysis/Audit",
            "/Analysis/Clusters",
            "/Analysis/Correlations",
            "/Analysis/Groups",
            "/Analysis/Report",
            "/Analysis/Scenarios",
            "/Cities/Profile",
            "/Compare/Index",
            "/Data/Index",
            "/Embed/City",
            "/Embed/Compare",
            "/Embed/Map",
            "/Embed/Rankings",
            "/Explore/Index",
            "/Methodology/Index",
            "/Overview/Index",
            "/Rankings/Index",
            "GET Cities/{code}/card.png",
            "GET Compare/card.png",
            "GET api/analysis/{year:int}/audit",
            "GET api/analysis/{year:int}/clusters",
            "GET api/analysis/{year:int}/correlations",
            "GET api/analysis/{year:int}/groups",
            "GET api/analysis/{year:int}/published-weights",
            "GET api/cities",
            "GET api/datapackage.zip",
            "GET api/rankchange/{city}",
            "GET api/rankings/{year:int}",
            "GET api/sensitivity/{year:int}",
            "GET api/sensitivity/{year:int}/bounds",
            "GET api/sensitivity/{year:int}/indices",
            "GET api/targets/{year:int}",
            "GET api/weights/{year:int}",
            "GET api/years",
            "GET api/years/{year:int}/template",
            "GET card.png",
        ], cached);
    }

    [Fact]
    public void Analyses_ShareTheConcurrencyLimit_AndNothingElseDoes()
    {
        var limited = Endpoints()
            .Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == "analysis")
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath ?? Describe(e))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "/Analysis/Audit",
            "/Analysis/Clusters",
            "/Analysis/Scenarios",
            "/Data/Index",
            "/Explore/Index",
            "GET Cities/{code}/card.png",
            "GET Compare/card.png",
            "GET api/analysis/{year:int}/audit",
            "GET api/analysis/{year:int}/clusters",
            "GET api/analysis/{year:int}/correlations",
            "GET api/analysis/{year:int}/groups",
            "GET api/analysis/{year:int}/published-weights",
            "GET api/datapackage.zip",
            "GET api/rankchange/{city}",
            "GET api/sensitivity/{year:int}",
            "GET api/sensitivity/{year:int}/bounds",
            "GET api/sensitivity/{year:int}/indices",
            "GET api/targets/{year:int}",
            "GET api/weights/{year:int}",
            "GET card.png",
            "POST api/rankings/{year:int}/whatif",
            "POST api/tables/xlsx",
        ], limited);
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        Endpoints().Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true);

    private IEnumerable<(RouteEndpoint Endpoint, CompiledPageActionDescriptor Page)> Pages() =>
        Endpoints()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .Select(x => (x.Endpoint, x.Page!))
            .DistinctBy(x => x.Item2.ViewEnginePath);

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText?.TrimStart('/')}";
}
