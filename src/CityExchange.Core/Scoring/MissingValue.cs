namespace CityExchange.Core.Scoring;

/// <summary>The engine marks a missing score with NaN; views and JSON show it as null.</summary>
public static class MissingValue
{
    /// <summary>The value, or null when it is missing (NaN) or not finite.</summary>
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;
}
