namespace CityExchange.Core.Scoring;

public enum ScoringWarningKind
{
    /// <summary>Fewer than two cities have a value: min–max is undefined.</summary>
    TooFewValues,

    /// <summary>Every city has the same value (max = min): min–max is undefined.</summary>
    Constant,
}

/// <summary>An indicator left out of a year's min–max scoring, and why.</summary>
public sealed record ScoringWarning(string IndicatorCode, ScoringWarningKind Kind, int ValueCount);
