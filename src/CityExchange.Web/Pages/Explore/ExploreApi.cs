
namespace CityExchange.Web.Pages.Explore;

/// <summary>Helpers shared by the Explore endpoints: reading parameters and turning failures into problem details.</summary>
internal static class ExploreApi
{
    public static Func<string, string?> Query(HttpRequest request) =>
        key => request.Query.TryGetValue(key, out var values) ? values.ToString() : null;

    public static IResult Problem<T>(ExploreResult<T> result, ExploreService explore)
        where T : class => Problem(
            result.Failure == ExploreFailure.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, result.Error ?? "", explore);

    public static IResult Problem(int status, string detail, ExploreService explore) =>
        Results.Problem(
            statusCode: status,
            title: status == StatusCodes.Status404NotFound ? explore.Text["Not found"] : explore.Text["Invalid request"],
            detail: detail);
}
