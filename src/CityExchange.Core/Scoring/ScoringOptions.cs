namespace CityExchange.Core.Scoring;

/// <summary>How a year's raw indicator values become scores. Null weights mean the report's equal weights.</summary>
public sealed record ScoringOptions(NormalisationMethod Method = NormalisationMethod.MinMax, ScoringWeights? Weights = null)
{
    public static ScoringOptions Default { get; } = new();
}
