using System.Globalization;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Cities;

/// <summary>
/// The bundled coordinates (GeoNames, data/README.md) checked against city-reference-positions.csv, a table written
/// down independently (each city centre to one decimal), so a mismatched city (抚州 for 福州) or swapped lat/lon shows.
/// </summary>
public sealed class CityCoordinatesTests
{
    private static Dictionary<string, (double Lat, double Lon)> Reference() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Cities", "city-reference-positions.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));

    [Fact]
    public void EveryBundledCity_HasCoordinatesInsideChina_AndWithinHalfADegreeOfTheReference()
    {
        var reference = Reference();

        Assert.Equal(46, TestData.Cities.Count);
        Assert.Equal(46, reference.Count);
        foreach (var city in TestData.Cities)
        {
            Assert.True(city.HasLocation, $"{city.Code} has no coordinates");
            Assert.InRange(city.Latitude!.Value, 18, 54);
            Assert.InRange(city.Longitude!.Value, 73, 135);
            var (lat, lon) = reference[city.Code];
            Assert.True(Math.Abs(city.Latitude.Value - lat) <= 0.5 && Math.Abs(city.Longitude.Value - lon) <= 0.5,
                $"{city.Code} is at {city.Latitude}, {city.Longitude}; the reference puts it at {lat}, {lon}");
        }
    }

    [Fact]
    public void BundledCoordinates_HaveAtMostFourDecimals_AndFuzhouIsFujiansNotJiangxis()
    {
        foreach (var city in TestData.Cities)
        {
            Assert.Equal(Math.Round(city.Latitude!.Value, 4), city.Latitude.Value);
            Assert.Equal(Math.Round(city.Longitude!.Value, 4), city.Longitude.Value);
        }

        // 福州 (Fujian) 26.06, 119.31; 抚州 (Jiangxi) is at 27.95, 116.36.
        var fuzhou = TestData.Cities.Single(c => c.Code == "fuzhou");
        Assert.Equal((26.0614, 119.3061), (fuzhou.Latitude!.Value, fuzhou.Longitude!.Value));
    }
}
