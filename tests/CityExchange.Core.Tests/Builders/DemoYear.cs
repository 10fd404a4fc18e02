using CityExchange.Core.Csv;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Builders;

/// <summary>A bundled demo year (synthetic values for the 46 cities, about 3% missing) as the app scores it, regions as groups.</summary>
public static class DemoYear
{
    public static IndicatorMatrix Matrix(int year)
    {
        var parsed = new IndicatorCsvParser(TestData.Framework, TestData.Directory)
            .Parse(File.ReadAllBytes(TestData.DataPath(Path.Combine("demo", $"indicators_{year}.csv"))), year);
        Assert.True(parsed.IsValid);
        var cities = parsed.Rows.Select(r => r.City!).ToList();
        var matrix = new IndicatorMatrix(TestData.Framework, cities.Count) { Groups = [.. cities.Select(c => c.RegionZh)] };
        var index = cities.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => p.i);
        foreach (var value in parsed.Values)
        {
            matrix[TestData.Framework.IndexOf(value.IndicatorCode), index[value.CityCode]] = value.Value;
        }

        return matrix;
    }
}
