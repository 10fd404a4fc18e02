using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

/// <summary>The optional lat/lon columns of a city file: both or neither, in range, located errors.</summary>
public sealed class CityCsvCoordinatesTests
{
    private const string Header = "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south";

    [Fact]
    public void Parse_LatLonAreRead_FullWidthToo_AndABlankPairIsAnUnknownLocation()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(
            Header + ",lat,lon",
            "kunming,昆明,Kunming,云南,Yunnan,西南,Southwest China,capital,west,,25.0389,102.7183",
            "a,甲,A,省,P,华东,East,other,east,south,,",
            "b,乙,B,省,P,华东,East,other,east,south,２２．５,１１４．１"));

        Assert.True(result.IsValid);
        Assert.True(result.HasCoordinates);
        Assert.Equal(
            new City("kunming", "昆明", "Kunming", "云南", "Yunnan", "西南", "Southwest China", "capital", "west", null, 25.0389, 102.7183),
            result.Cities[0]);
        Assert.Equal((null, null, false), (result.Cities[1].Latitude, result.Cities[1].Longitude, result.Cities[1].HasLocation));
        Assert.Equal((22.5, 114.1), (result.Cities[2].Latitude!.Value, result.Cities[2].Longitude!.Value));
    }

    [Fact]
    public void Parse_WithoutTheColumns_TheFileIsValid_AndSaysItHasNoCoordinates()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, "a,甲,A,省,P,华东,East,other,east,south"));

        Assert.True(result.IsValid);
        Assert.False(result.HasCoordinates);
        Assert.Null(Assert.Single(result.Cities).Latitude);
    }

    [Theory]
    [InlineData("91,100", "lat", MessageKey.CoordinateOutOfRange)]
    [InlineData("-90.5,100", "lat", MessageKey.CoordinateOutOfRange)]
    [InlineData("30,180.01", "lon", MessageKey.CoordinateOutOfRange)]
    [InlineData("north,100", "lat", MessageKey.NotANumber)]
    [InlineData("30,", "lon", MessageKey.CoordinateHalf)]
    [InlineData(",100", "lat", MessageKey.CoordinateHalf)]
    public void Parse_BadCoordinatesAreLocated(string coordinates, string column, string code)
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header + ",lat,lon", "a,甲,A,省,P,华东,East,other,east,south," + coordinates));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, column, code), (error.Row, error.Column, error.Code));
        Assert.Empty(result.Cities);
    }

    [Fact]
    public void Parse_LatWithoutLon_IsAMissingLonColumn()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header + ",lat", "a,甲,A,省,P,华东,East,other,east,south,30"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "lon", MessageKey.MissingColumn), (error.Row, error.Column, error.Code));
    }

    [Theory]
    [InlineData("en", "'95' is outside -90 to 90 degrees.")]
    [InlineData("zh-CN", "“95”超出 -90 至 90 度的范围。")]
    public void Parse_OutOfRangeMessage_InBothLanguages(string culture, string expected)
    {
        using var _ = UiCulture.Use(culture);

        var result = CityCsvParser.Parse(CsvFile.Utf8(Header + ",lat,lon", "a,甲,A,省,P,华东,East,other,east,south,95,100"));

        Assert.Equal(expected, Assert.Single(result.Errors).Message);
    }
}
