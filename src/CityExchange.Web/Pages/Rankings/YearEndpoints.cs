using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;

namespace CityExchange.Web.Pages.Rankings;

/// <summary>A year with data, as <c>GET /api/years</c> lists it.</summary>
public sealed record YearSummary(int Year, string Kind, int Cities, bool Demo);

public static class YearEndpoints
{
    /// <summary><c>GET /api/years</c>: the years that can be ranked, oldest first.</summary>
    public static RouteGroupBuilder MapYearEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/years", GetYearsAsync).WithName("GetYears").CacheOutput(PerformanceSetup.PublicCachePolicy)
            .WithSummary("The years with data, oldest first")
            .WithDescription("kind is published (domain scores as the report printed them) or indicators (raw values scored by the engine); demo is true for synthetic demo data.");
        return api;
    }

    private static async Task<List<YearSummary>> GetYearsAsync(YearSummaries summaries, CancellationToken cancellationToken) =>
        [.. (await summaries.ListAsync(cancellationToken)).Select(y => new YearSummary(y.Year, y.Kind.Code(), y.Cities, y.IsDemo))];
}
