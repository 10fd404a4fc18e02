using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// A year's scores for <see cref="CityCount"/> cities, in the order of the input. Arrays are domain- or indicator-major;
/// a missing score is NaN and a missing rank is 0.
/// </summary>
public sealed class ScoreSheet
{
    internal ScoreSheet(int cityCount, int indicatorCount)
    {
        CityCount = cityCount;
        Normalised = new double[indicatorCount * cityCount];
        DomainScores = new double[Domains.Count * cityCount];
        DomainRanks = new int[Domains.Count * cityCount];
        Overall = new double[cityCount];
        OverallRanks = new int[cityCount];
        Coverage = new double[cityCount];
        Imputed = new bool[indicatorCount * cityCount];
        Winsorised = new bool[indicatorCount * cityCount];
    }

    public int CityCount { get; }

    /// <summary>Normalised indicator scores, indicator-major; empty for published years.</summary>
    public double[] Normalised { get; internal set; }

    public double[] DomainScores { get; }

    public int[] DomainRanks { get; }

    public double[] Overall { get; }

    public int[] OverallRanks { get; }

    /// <summary>Share (0–1) of the framework's indicators the city has a value for (published years: of the four domain scores).</summary>
    public double[] Coverage { get; }

    public IReadOnlyList<ScoringWarning> Warnings { get; internal set; } = [];

    /// <summary>Cells filled by group-median imputation, indicator-major; all false unless that option is on.</summary>
    public bool[] Imputed { get; }

    /// <summary>Cells clipped by winsorisation, indicator-major; all false unless that option is on.</summary>
    public bool[] Winsorised { get; }

    /// <summary>The values that were normalised (after imputation and winsorisation), indicator-major; empty for published years.</summary>
    public double[] TreatedValues { get; internal set; } = [];

    public bool IsImputed(int indicator, int city) => Imputed[(indicator * CityCount) + city];

    public bool IsWinsorised(int indicator, int city) => Winsorised[(indicator * CityCount) + city];

    public double DomainScore(Domain domain, int city) => DomainScores[((int)domain * CityCount) + city];

    public int DomainRank(Domain domain, int city) => DomainRanks[((int)domain * CityCount) + city];

    public double NormalisedScore(int indicator, int city) => Normalised[(indicator * CityCount) + city];
}
