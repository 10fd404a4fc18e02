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

    /// <summary>
    /// Outlier treatment before normalising: none, a clip at the 5th and 95th percentiles (R-7, linear interpolation), or
    /// COINr's conditional winsorisation with at most <see cref="WinMax"/> points.
    /// </summary>
    public Winsorisation Winsorise { get; init; }

    /// <summary>The most points conditional winsorisation may winsorise per indicator (COINr's <c>winmax</c>).</summary>
    public int WinMax { get; init; } = ConditionalWinsorisation.DefaultWinMax;

    /// <summary>
    /// The data-availability threshold (0–1): a city whose coverage is below it is left out before anything else
    /// (<see cref="CoverageScreen"/>), so it sets no goalpost; 0 keeps every city.
    /// </summary>
    public double MinCoverage { get; init; }

    /// <summary>True when an indicator-level option (normalisation, scale, missing data, winsorisation, coverage threshold) departs from the report's method; a published year cannot honour these.</summary>
    public bool UsesIndicatorLevelOptions =>
        Method != NormalisationMethod.MinMax || Scale != ScoreScale.Year || Missing != MissingDataTreatment.AvailableMean
        || Winsorise != Winsorisation.None || MinCoverage > 0;
}
