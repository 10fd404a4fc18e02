namespace CityExchange.Core.Scoring;

/// <summary>
/// How a year's raw indicator values become scores. Null weights mean the report's equal weights. The defaults of every
/// property are the report's method: per-year min–max, arithmetic means, available-indicator means, no winsorisation.
/// </summary>
public sealed record ScoringOptions(NormalisationMethod Method = NormalisationMethod.MinMax, ScoringWeights? Weights = null)
{
    public static ScoringOptions Default { get; } = new();

    public AggregationMethod Aggregation { get; init; } = AggregationMethod.Arithmetic;

    public ScoreScale Scale { get; init; } = ScoreScale.Year;

    public MissingDataTreatment Missing { get; init; } = MissingDataTreatment.AvailableMean;

    /// <summary>Clip each indicator's values at its 5th and 95th percentiles (R-7, linear interpolation) before normalising.</summary>
    public bool Winsorise { get; init; }

    /// <summary>True when an indicator-level option (normalisation, scale, missing data, winsorisation) departs from the report's method; a published year cannot honour these.</summary>
    public bool UsesIndicatorLevelOptions =>
        Method != NormalisationMethod.MinMax || Scale != ScoreScale.Year || Missing != MissingDataTreatment.AvailableMean || Winsorise;
}
