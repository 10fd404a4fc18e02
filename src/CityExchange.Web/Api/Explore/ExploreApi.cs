using System.Globalization;
using CityExchange.Web.Explore;

namespace CityExchange.Web.Api.Explore;

/// <summary>Helpers shared by the Explore endpoints: reading parameters and turning failures into problem details.</summary>
internal static class ExploreApi
{
    public static Func<string, string?> Query(HttpRequest request) =>
        key => request.Query.TryGetValue(key, out var values) ? values.ToString() : null;

    public static IResult Problem<T>(ExploreResult<T> result, ExploreService explore)
        where T : class => Problem(result.Status, result.Error ?? "", explore);

    public static IResult Problem(int status, string detail, ExploreService explore) =>
        Results.Problem(
            statusCode: status,
            title: status == StatusCodes.Status404NotFound ? explore.Text["Not found"] : explore.Text["Invalid request"],
            detail: detail);

    /// <summary>An optional whole number; false (with the message) when present but not one, or out of range.</summary>
    public static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    /// <summary>An optional finite number; false when present but not one.</summary>
    public static bool TryDouble(string? text, double fallback, out double value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));
    }

    public static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
