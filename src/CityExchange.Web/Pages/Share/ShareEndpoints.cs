using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Compare;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Share;

/// <summary>
/// The share card PNGs that the pages' <c>og:image</c> names: <c>/Cities/{code}/card.png</c>, <c>/Compare/card.png</c>
/// and the site's <c>/card.png</c>, each with the query of its page (<c>year</c>, <c>method</c>, <c>minCoverage</c>, <c>a</c>, <c>b</c>) and
/// <c>culture</c>. Not part of the JSON API (no OpenAPI entry). Drawing one costs a few milliseconds of CPU, so they
/// share the analyses' concurrency limit and are kept by the output cache per version of the year they show; nothing in
/// the query changes the size of the work (one or two cities, 1200×630).
/// </summary>
public static class ShareEndpoints
{
    /// <summary>Crawlers fetch a card once per share; five minutes keeps a card no older than a data upload by much.</summary>
    private const string CacheControl = "public, max-age=300";

    public static IEndpointRouteBuilder MapShareEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Cities/{code}/card.png", CityCardAsync).WithName("GetCityCard").AsAnalysisRead(YearRule.LatestReal).ExcludeFromDescription();
        app.MapGet("/Compare/card.png", CompareCardAsync).WithName("GetCompareCard").AsAnalysisRead(YearRule.LatestReal).ExcludeFromDescription();
        app.MapGet("/card.png", SiteCardAsync).WithName("GetSiteCard").AsAnalysisRead(YearRule.LatestReal).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CityCardAsync(string code, int? year, string? method, string? minCoverage, HttpContext http, ShareCards cards, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        Png(http, renderer, await cards.CityAsync(code, new CityQuery(year, method, minCoverage), cancellationToken));

    private static async Task<IResult> CompareCardAsync(string? a, string? b, int? year, string? method, string? minCoverage, HttpContext http, ShareCards cards, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        Png(http, renderer, await cards.CompareAsync(new CompareQuery(a, b, year, method, minCoverage), cancellationToken));

    private static async Task<IResult> SiteCardAsync(HttpContext http, ShareCards cards, ShareCardRenderer renderer, CancellationToken cancellationToken) =>
        Png(http, renderer, await cards.SiteAsync(cancellationToken));

    private static IResult Png(HttpContext http, ShareCardRenderer renderer, ShareCard? card)
    {
        if (card is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(renderer.Render(card), "image/png");
    }
}
