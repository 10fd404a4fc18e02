using CityExchange.Web.Pages.Explore;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Rankings;

public static class RankingEndpoints
{
    public static RouteGroupBuilder MapRankingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings/{year:int}", GetRankingAsync).WithName("GetRanking").CacheOutput(PerformanceSetup.PublicCachePolicy)
            .WithMetadata(new YearScopeAttribute(YearRule.LatestReal));
        return api;
    }

    /// <summary>
    /// <c>?method=&amp;aggregation=&amp;scale=&amp;missing=&amp;winsorise=&amp;preset=&amp;weights=social:0.4,consulates:3</c>;
    /// all optional, the defaults are the report's method (docs/api.md).
    /// </summary>
    private static async Task<IResult> GetRankingAsync(int year, HttpRequest request, ExploreService explore, CancellationToken cancellationToken)
    {
        var parsed = await explore.ParseAsync(ExploreApi.Query(request), false, cancellationToken);
        if (parsed.Value is not { } settings)
        {
            return ExploreApi.Problem(parsed, explore);
        }

        var result = await explore.ScoreAsync(year, settings, cancellationToken);
        return result.Value is { } scores ? Results.Ok(scores.ToResponse()) : ExploreApi.Problem(result, explore);
    }
}
