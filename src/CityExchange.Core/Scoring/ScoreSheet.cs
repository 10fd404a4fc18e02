using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// A year's scores for <see cref="CityCount"/> cities, in the order of the input. Arrays are domain- or indicator-major;
/// a missing score is NaN and a missing rank is 0. A sheet is never changed after scoring, so it may be shared (cached)
/// across threads; its arrays must not be written to.
/// </summary>
public sealed class ScoreSheet
{
    private readonly int _cells;
    private double[]? _normalised;
    private Func<double[]>? _normalise;
    private bool[]? _imputed;
    private bool[]? _winsorised;
    private int[] _excluded = [];

    internal ScoreSheet(int cityCount, int indicatorCount)
    {
        CityCount = cityCount;
        IndicatorCount = indicatorCount;
        _cells = indicatorCount * cityCount;
        // Every entry of these is written by the engine, so they skip the zeroing.
        DomainScores = GC.AllocateUninitializedArray<double>(Domains.Count * cityCount);
        DomainRanks = GC.AllocateUninitializedArray<int>(Domains.Count * cityCount);
        Overall = GC.AllocateUninitializedArray<double>(cityCount);
        OverallRanks = GC.AllocateUninitializedArray<int>(cityCount);
        Coverage = GC.AllocateUninitializedArray<double>(cityCount);
        if (indicatorCount == 0)
        {
            _normalised = [];
        }
    }

    public int CityCount { get; }

    /// <summary>The number of indicators scored; 0 for a published year (no indicator scores).</summary>
    public int IndicatorCount { get; }

    /// <summary>True when the sheet has indicator-level scores (<see cref="Normalised"/>, <see cref="TreatedValues"/>): not for a published year.</summary>
    public bool HasIndicatorScores => IndicatorCount > 0;

    /// <summary>
    /// Normalised indicator scores, indicator-major; empty for published years. Computed on first use (the engine
    /// aggregates each indicator's column as it normalises it, without keeping them all), from
    /// <see cref="TreatedValues"/> as they are then: the same bits as during scoring as long as the scored matrix is not
    /// changed in between.
    /// </summary>
    public double[] Normalised
    {
        get
        {
            if (_normalised is { } computed)
            {
                return computed;
            }

            var fresh = _normalise?.Invoke() ?? new double[_cells];
            return Interlocked.CompareExchange(ref _normalised, fresh, null) ?? fresh;
        }

        internal set => _normalised = value;
    }

    public double[] DomainScores { get; }

    public int[] DomainRanks { get; }

    public double[] Overall { get; }

    public int[] OverallRanks { get; }

    /// <summary>Share (0–1) of the framework's indicators the city has a value for (published years: of the four domain scores).</summary>
    public double[] Coverage { get; }

    public IReadOnlyList<ScoringWarning> Warnings { get; internal set; } = [];

    /// <summary>The positions of the cities left out by the coverage threshold (ascending); their scores are missing and ranks 0.</summary>
    public IReadOnlyList<int> Excluded => _excluded;

    public bool IsExcluded(int city) => _excluded.Length > 0 && Array.BinarySearch(_excluded, city) >= 0;

    /// <summary>With conditional winsorisation, what was done to each indicator (framework order) and its changed cells; else empty.</summary>
    public IReadOnlyList<IndicatorWinsorisation> Treatments { get; internal set; } = [];

    /// <summary>Cells filled by group-median imputation, indicator-major; all false unless that option is on.</summary>
    public bool[] Imputed => _imputed ?? Flags(ref _imputed);

    /// <summary>Cells changed by the outlier treatment (clipped, or log-transformed), indicator-major; all false unless that option is on.</summary>
    public bool[] Winsorised => _winsorised ?? Flags(ref _winsorised);

    /// <summary>The values that were normalised (after imputation and winsorisation), indicator-major; empty for published years.</summary>
    public double[] TreatedValues { get; internal set; } = [];

    public bool IsImputed(int indicator, int city) => _imputed is { } imputed && imputed[(indicator * CityCount) + city];

    public bool IsWinsorised(int indicator, int city) => _winsorised is { } winsorised && winsorised[(indicator * CityCount) + city];

    public double DomainScore(Domain domain, int city) => DomainScores[((int)domain * CityCount) + city];

    public int DomainRank(Domain domain, int city) => DomainRanks[((int)domain * CityCount) + city];

    public double NormalisedScore(int indicator, int city) => Normalised[(indicator * CityCount) + city];

    internal void SetExcluded(int[] excluded) => _excluded = excluded;

    /// <summary>Sets how <see cref="Normalised"/> is computed when first read.</summary>
    internal void NormaliseLater(Func<double[]> normalise) => _normalise = normalise;

    /// <summary>A flag array created on first use (only imputation and winsorisation set flags), published once across threads.</summary>
    private bool[] Flags(ref bool[]? field)
    {
        var fresh = new bool[_cells];
        return Interlocked.CompareExchange(ref field, fresh, null) ?? fresh;
    }
}
