namespace CityExchange.Web.Pages.Explore;

/// <summary>Why an Explore request has no result; the endpoints map each kind to its HTTP status.</summary>
public enum ExploreFailure
{
    None,

    /// <summary>The request is malformed or asks for something the year cannot do (a published year's what-if).</summary>
    Invalid,

    /// <summary>The year or city asked for has no data.</summary>
    NotFound,
}

/// <summary>A value, or why there is none: the kind of failure and a localised message.</summary>
public sealed record ExploreResult<T>(T? Value, ExploreFailure Failure, string? Error)
    where T : class
{
    public ExploreResult<TOther> Cast<TOther>()
        where TOther : class => new(null, Failure, Error);
}

public static class ExploreResult
{
    public static ExploreResult<T> Success<T>(T value)
        where T : class => new(value, ExploreFailure.None, null);

    public static ExploreResult<T> Fail<T>(ExploreFailure failure, string message)
        where T : class => new(null, failure, message);
}
