using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Hosting;

/// <summary>
/// problem+json bodies in the reader's language (the culture of the request: <c>?culture=</c>, cookie, zh-CN default).
/// The title and detail are the English keys of <typeparamref name="TText"/>'s resources; the problems every feature can
/// answer with are here, with their keys in HostingText.zh-CN.resx.
/// </summary>
public static class ApiProblem
{
    public const int FirstYear = 1900;
    public const int LastYear = 2200;

    public static IResult Localised<TText>(HttpContext http, int status, string title, string detail, params object[] arguments)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<TText>>();
        return Results.Problem(statusCode: status, title: text[title], detail: text[detail, arguments]);
    }

    /// <summary>A localised title over a detail already in the reader's language (e.g. a Core limit's message).</summary>
    public static IResult Titled<TText>(HttpContext http, int status, string title, string localisedDetail) =>
        Results.Problem(statusCode: status, title: http.RequestServices.GetRequiredService<IStringLocalizer<TText>>()[title], detail: localisedDetail);

    public static IResult NoData(HttpContext http, int? year) =>
        Localised<HostingText>(http, StatusCodes.Status404NotFound, "No data for this year", "There is no data for {0}.", year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>An upload's year outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static bool IsYearOutOfRange(int year) => year is < FirstYear or > LastYear;

    public static IResult YearOutOfRange(HttpContext http) =>
        Localised<HostingText>(http, StatusCodes.Status400BadRequest, "Year out of range", "Years run from {0} to {1}.", FirstYear, LastYear);

    public static IResult TooLarge(HttpContext http, long maxBytes) =>
        Localised<HostingText>(http, StatusCodes.Status413PayloadTooLarge, "File too large", "Uploads are limited to {0} MB.", maxBytes / (1024 * 1024));
}
