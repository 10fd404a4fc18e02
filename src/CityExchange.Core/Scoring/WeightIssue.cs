using CityExchange.Core.Resources;

namespace CityExchange.Core.Scoring;

public enum WeightProblem
{
    /// <summary>NaN or ±∞.</summary>
    NotFinite,

    Negative,

    /// <summary>Above <see cref="ScoringWeights.MaxWeight"/>.</summary>
    TooLarge,
}

/// <summary>
/// A weight outside its documented range. <see cref="Field"/> is the domain code (<c>social</c>, <c>culture</c>,
/// <c>trade</c>, <c>politics</c>) or the indicator code, as the API spells the weight's key.
/// </summary>
public sealed record WeightIssue(string Field, double Value, WeightProblem Problem)
{
    /// <summary>The message key, also the machine-readable error code (<see cref="LimitMessages"/>).</summary>
    public string Key => Problem switch
    {
        WeightProblem.NotFinite => LimitMessages.WeightNotFinite,
        WeightProblem.Negative => LimitMessages.WeightNegative,
        _ => LimitMessages.WeightTooLarge,
    };

    /// <summary>The message in the current UI culture.</summary>
    public string Message => LimitMessages.Format(Key, Field, Value, ScoringWeights.MaxWeight);
}

/// <summary>
/// The engine was given a weight it cannot use (not finite or negative): nothing was scored. An
/// <see cref="ArgumentException"/>, so existing handlers still catch it; <see cref="Issue"/> names the field for a 400.
/// </summary>
public sealed class InvalidWeightException(WeightIssue issue) : ArgumentException(issue.Message, "weights")
{
    public WeightIssue Issue { get; } = issue;
}
