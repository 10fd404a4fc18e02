namespace CityExchange.Web.Explore;

/// <summary>A value, or why there is none: an HTTP status (400, 404) and a localised message.</summary>
public sealed record ExploreResult<T>(T? Value, int Status, string? Error)
    where T : class
{
    public ExploreResult<TOther> Cast<TOther>()
        where TOther : class => new(null, Status, Error);
}

public static class ExploreResult
{
    public static ExploreResult<T> Success<T>(T value)
        where T : class => new(value, StatusCodes.Status200OK, null);

    public static ExploreResult<T> Fail<T>(int status, string message)
        where T : class => new(null, status, message);
}
