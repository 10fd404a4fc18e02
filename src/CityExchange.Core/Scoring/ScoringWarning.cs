namespace CityExchange.Core.Scoring;

public enum ScoringWarningKind
{
    /// <summary>Fewer than two cities have a value (in the pool, with panel goalposts): every method leaves the indicator out.</summary>
    TooFewValues,

    /// <summary>Every city has the same value (max = min): min–max and z-scores are undefined (rank scores keep it, 100/n each).</summary>
    Constant,
}

/// <summary>An indicator left out of a year's scoring, and why.</summary>
public sealed record ScoringWarning(string IndicatorCode, ScoringWarningKind Kind, int ValueCount);
