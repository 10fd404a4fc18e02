namespace CityExchange.Core.Scoring;

/// <summary>One raw value replaced: <see cref="City"/> and <see cref="Indicator"/> are positions in the matrix.</summary>
public sealed record ValueOverride(int City, int Indicator, double Value);

/// <summary>"What if" a city's values were different: the overrides are applied to a copy and the copy is rescored.</summary>
public static class WhatIf
{
    /// <summary>A copy of <paramref name="matrix"/> with the overrides applied (later overrides of the same cell win).</summary>
    public static IndicatorMatrix Apply(IndicatorMatrix matrix, IEnumerable<ValueOverride> overrides)
    {
        var copy = matrix.Clone();
        foreach (var o in overrides)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(o.City);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(o.City, matrix.CityCount);
            ArgumentOutOfRangeException.ThrowIfNegative(o.Indicator);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(o.Indicator, matrix.Framework.Count);
            if (!double.IsFinite(o.Value) || o.Value < 0)
            {
                throw new ArgumentException("An override must be a finite, non-negative number.", nameof(overrides));
            }

            copy[o.Indicator, o.City] = o.Value;
        }

        return copy;
    }

    /// <summary>Applies the overrides and scores the copy with <paramref name="score"/> (which may rebuild panel goalposts).</summary>
    public static ScoreSheet Score(IndicatorMatrix matrix, IEnumerable<ValueOverride> overrides, Func<IndicatorMatrix, ScoreSheet> score) =>
        score(Apply(matrix, overrides));
}
