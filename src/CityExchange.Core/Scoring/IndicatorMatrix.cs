using CityExchange.Core.Framework;

namespace CityExchange.Core.Scoring;

/// <summary>
/// One year's raw values: <see cref="CityCount"/> cities × the framework's indicators, stored indicator-major
/// (all cities' values of indicator 0, then indicator 1, …) so each indicator's normalisation scans contiguous memory.
/// A missing value is <see cref="double.NaN"/>.
/// </summary>
public sealed class IndicatorMatrix
{
    public IndicatorMatrix(IndicatorFramework framework, int cityCount)
        : this(framework, cityCount, CreateMissing(framework.Count * cityCount))
    {
    }

    public IndicatorMatrix(IndicatorFramework framework, int cityCount, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cityCount);
        if (values.Length != framework.Count * cityCount)
        {
            throw new ArgumentException("The value array must hold indicators × cities values.", nameof(values));
        }

        Framework = framework;
        CityCount = cityCount;
        Values = values;
    }

    public IndicatorFramework Framework { get; }

    public int CityCount { get; }

    public double[] Values { get; }

    /// <summary>
    /// Optional group label of each city (the region), used by group-median imputation; null or blank entries
    /// belong to no group.
    /// </summary>
    public IReadOnlyList<string?>? Groups
    {
        get;
        init => field = value is null || value.Count == CityCount
            ? value
            : throw new ArgumentException("Groups must give one label per city.", nameof(value));
    }

    public double this[int indicator, int city]
    {
        get => Values[(indicator * CityCount) + city];
        set => Values[(indicator * CityCount) + city] = value;
    }

    public ReadOnlySpan<double> Column(int indicator) => Values.AsSpan(indicator * CityCount, CityCount);

    public IndicatorMatrix Clone() => new(Framework, CityCount, (double[])Values.Clone()) { Groups = Groups };

    private static double[] CreateMissing(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
