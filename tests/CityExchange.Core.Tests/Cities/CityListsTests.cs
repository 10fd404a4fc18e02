using CityExchange.Core.Cities;

namespace CityExchange.Core.Tests.Cities;

public sealed class CityListsTests
{
    private static City City(string code) => new(code, code, code, "", "", "", "", CityLevels.Other, null, null);

    [Theory]
    [InlineData(5)]
    [InlineData(20000)]
    public void IndexOfCode_FindsEveryCityIgnoringCase_AndMissesAbsentOnes_ShortOrLong(int count)
    {
        List<City> cities = [.. Enumerable.Range(0, count).Select(i => City($"c{i}"))];

        Assert.Equal(0, cities.IndexOfCode("c0"));
        Assert.Equal(count - 1, cities.IndexOfCode($"C{count - 1}"));
        Assert.Equal(3, cities.IndexOfCode("c3"));
        Assert.Equal(-1, cities.IndexOfCode("nowhere"));
        Assert.Equal(-1, cities.IndexOfCode($"c{count}"));
    }

    [Fact]
    public void IndexOfCode_ARepeatedCode_IsTheFirst()
    {
        List<City> cities = [.. Enumerable.Range(0, 40).Select(i => City(i == 30 ? "c7" : $"c{i}"))];

        Assert.Equal(7, cities.IndexOfCode("c7"));
    }
}
