using CityExchange.Web.Hosting;

namespace CityExchange.Web.Pages.Cities;

/// <summary>A city as <c>GET /api/cities</c> lists it; <c>lat</c>/<c>lon</c> (WGS84 degrees) are null when its location is unknown.</summary>
public sealed record CityMatch(string Code, string NameZh, string NameEn, double? Lat, double? Lon);

/// <summary>The cities <c>GET /api/cities</c> found, best matches first: at most <c>limit</c> of them, and how many match in all.</summary>
public sealed record CityMatches(IReadOnlyList<CityMatch> Cities, int Total);

public static class CityEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapCityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cities", GetCitiesAsync).WithName("GetCities").CacheOutput(PerformanceSetup.PublicCachePolicy)
            .WithSummary("Find cities by code or name")
            .WithDescription("Cities whose code, Chinese or English name contains q (case ignored), those starting with it first; with year, only cities with data that year, better-ranked first. total counts every match, so a caller knows whether the list was cut. lat/lon are a city's WGS84 coordinates, null when unknown.")
            .WithQueryParameters(
                new ApiQueryParameter("q", "Part of a code, Chinese or English name; empty matches every city."),
                new ApiQueryParameter("year", "Only cities with data in this year.", "integer"),
                new ApiQueryParameter("limit", $"How many cities to list at most (1–{MaxLimit}).", "integer", "20", 1, MaxLimit))
            .Produces<CityMatches>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// <c>?q=&amp;year=&amp;limit=</c>: cities whose code or name contains <c>q</c> (names starting with it first), only
    /// those with data in <c>year</c> when given, at most <c>limit</c> (20; 1–100), with the <c>total</c> that match.
    /// The compare page's pickers use it when a year has too many cities to list in the page.
    /// </summary>
    private static async Task<IResult> GetCitiesAsync(string? q, int? year, int? limit, HttpContext http, CitySearch search, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return ApiProblem.Localised<CityText>(http, StatusCodes.Status400BadRequest, "Invalid limit",
                "limit must be between 1 and {0}; it was {1}.", MaxLimit, limit);
        }

        // Every match, best first (a few hundred cities at most): the total counts them all, the page is cut here.
        var matches = await search.FindAsync(q, year, int.MaxValue, cancellationToken);
        return matches is null
            ? ApiProblem.NoData(http, year)
            : Results.Ok(new CityMatches(
                [.. matches.Take(limit ?? DefaultLimit).Select(c => new CityMatch(c.Code, c.NameZh, c.NameEn, c.Latitude, c.Longitude))], matches.Count));
    }
}
