using CityExchange.Core.Cities;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Cities;

public sealed class CitySuggestionsTests
{
    private static List<string> Suggest(string typed, IEnumerable<City>? cities = null, int limit = CitySuggestions.DefaultLimit) =>
        [.. CitySuggestions.Closest(cities ?? TestData.Cities, typed, limit).Select(c => c.Code)];

    [Theory]
    [InlineData("北惊", new[] { "beijing", "beihai" })]
    [InlineData("shangai", new[] { "shanghai" })]
    [InlineData("Shenzen", new[] { "shenzhen" })]
    [InlineData("biejing", new[] { "beijing" })]
    [InlineData("GUANGZOU", new[] { "guangzhou" })]
    [InlineData("xi an", new[] { "xian" })]
    [InlineData("Xi-An", new[] { "xian" })]
    [InlineData("Beijing City", new[] { "beijing" })]
    [InlineData("北京大学", new[] { "beijing" })]
    [InlineData("东京", new[] { "beijing", "nanjing" })]
    [InlineData("乌鲁木齐市区", new[] { "urumqi" })]
    [InlineData("哈尔宾", new[] { "harbin" })]
    public void Closest_FindsTheCityMeantByATypoInAnyOfItsNames(string typed, string[] expected)
    {
        Assert.Equal(expected, Suggest(typed));
    }

    [Fact]
    public void Closest_NamesStartingWithTheTextComeBeforeNamesContainingIt()
    {
        // "nan" starts the codes of 南京, 南通, 南昌 and 南宁 (file order) and is inside jinan (济南, earlier in the file).
        Assert.Equal(["nanjing", "nantong", "nanchang", "nanning", "jinan"], Suggest("nan"));
        // "zhou" starts no name and is inside five codes: the first five of the file, no more.
        Assert.Equal(["hangzhou", "wenzhou", "fuzhou", "zhengzhou", "guangzhou"], Suggest("zhou"));
        // "zh" starts three codes; of those containing it, shijiazhuang and hangzhou come first in the file.
        Assert.Equal(["zhengzhou", "zhuhai", "zhanjiang", "shijiazhuang", "hangzhou"], Suggest("zh"));
    }

    [Fact]
    public void Closest_EquallyCloseCitiesKeepTheOrderTheyWereGivenIn()
    {
        var reversed = TestData.Cities.Reverse().ToList();

        Assert.Equal(["beihai", "beijing"], Suggest("北惊", reversed));
    }

    [Theory]
    [InlineData("atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Closest_NothingCloseSuggestsNothing(string? typed)
    {
        Assert.Empty(CitySuggestions.Closest(TestData.Cities, typed));
    }

    [Fact]
    public void Closest_StopsAtTheLimit()
    {
        Assert.Equal(["hangzhou", "wenzhou"], Suggest("zhou", limit: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitySuggestions.Closest(TestData.Cities, "x", 0));
    }
}
