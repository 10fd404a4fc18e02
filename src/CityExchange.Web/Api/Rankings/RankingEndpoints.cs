using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Api.Rankings;

public static class RankingEndpoints
{
    public static IEndpointRouteBuilder MapRankingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rankings/{year:int}", GetRankingAsync).WithName("GetRanking");
        return app;
    }

    private static async Task<IResult> GetRankingAsync(int year, string? method, RankingService rankings, CancellationToken cancellationToken)
    {
        if (!NormalisationMethods.TryParse(method, out var normalisation))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown method",
                detail: $"Unknown method '{method}'. Use 'minmax' or 'rank'.");
        }

        var scores = await rankings.ScoreAsync(year, new ScoringOptions(normalisation), cancellationToken);
        return scores is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No data for this year", detail: $"There is no data for {year}.")
            : Results.Ok(RankingResponse.From(scores));
    }
}
