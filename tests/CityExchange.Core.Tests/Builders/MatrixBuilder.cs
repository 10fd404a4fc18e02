using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Builders;

/// <summary>Builds an <see cref="IndicatorMatrix"/> column by column; <c>null</c> is a missing value.</summary>
public sealed class MatrixBuilder(IndicatorFramework framework, int cityCount)
{
    private readonly IndicatorMatrix _matrix = new(framework, cityCount);

    public MatrixBuilder Column(string indicator, params double?[] values)
    {
        if (values.Length != cityCount)
        {
            throw new ArgumentException($"Expected {cityCount} values.", nameof(values));
        }

        var j = framework.IndexOf(indicator);
        for (var c = 0; c < cityCount; c++)
        {
            _matrix[j, c] = values[c] ?? double.NaN;
        }

        return this;
    }

    public IndicatorMatrix Build() => _matrix;
}
