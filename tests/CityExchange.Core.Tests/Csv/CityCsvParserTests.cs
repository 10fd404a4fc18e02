using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

public sealed class CityCsvParserTests
{
    private const string Header = "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south";

    [Fact]
    public void Parse_TheBundledCitiesFileIsValidAndComplete()
    {
        var result = CityCsvParser.Parse(File.ReadAllBytes(TestData.DataPath("cities.csv")));

        Assert.True(result.IsValid);
        Assert.Equal(TestData.Cities, result.Cities);
    }

    [Fact]
    public void Parse_ColumnsInAnyOrderAndValuesNormalised()
    {
        var result = CityCsvParser.Parse(CsvFile.Gb18030(
            "north_south,east_west,level,region_en,region_zh,province_en,province_zh,name_en,name_zh,code",
            ",West,CAPITAL,Southwest China,西南,Yunnan,云南,Kunming,昆明,kunming"));

        Assert.True(result.IsValid);
        Assert.Equal(new City("kunming", "昆明", "Kunming", "云南", "Yunnan", "西南", "Southwest China", "capital", "west", null), Assert.Single(result.Cities));
    }

    [Theory]
    [InlineData("Bad Code,甲,A,省,P,华东,East,other,east,south", "code", MessageKey.InvalidCode)]
    [InlineData(",甲,A,省,P,华东,East,other,east,south", "code", MessageKey.MissingValue)]
    [InlineData("a,,A,省,P,华东,East,other,east,south", "name_zh", MessageKey.MissingValue)]
    [InlineData("a,甲,A,省,P,华东,East,town,east,south", "level", MessageKey.InvalidValue)]
    [InlineData("a,甲,A,省,P,华东,East,other,centre,south", "east_west", MessageKey.InvalidValue)]
    [InlineData("a,甲,A,省,P,华东,East,other,east,up", "north_south", MessageKey.InvalidValue)]
    [InlineData("a,甲,A,省,P,华东,这是一个非常非常非常非常非常非常非常非常非常非常非常长的区域英文名字其实是中文写满六十四个字符以上的文本内容为了测试长度限制是否有效继续写一些字,other,east,south", "region_en", MessageKey.TooLong)]
    public void Parse_InvalidCellIsLocated(string row, string column, string code)
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, row));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, column, code), (error.Row, error.Column, error.Code));
        Assert.Empty(result.Cities);
    }

    [Fact]
    public void Parse_DuplicateCodeNamesTheFirstRow()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, "a,甲,A,省,P,华东,East,other,east,south", "a,乙,B,省,P,华东,East,other,east,south"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, MessageKey.DuplicateCode), (error.Row, error.Code));
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingUnknownAndDuplicateColumns()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(
            "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,east_west,colour", "a,甲,A,省,P,华东,East,other,east,east,red"));

        Assert.Equal(
            [(MessageKey.DuplicateColumn, "east_west"), (MessageKey.MissingColumn, "north_south"), (MessageKey.UnknownCityColumn, "colour")],
            result.Errors.Select(e => (e.Code, e.Column)).Order());
    }

    [Theory]
    [InlineData(new byte[0], MessageKey.EmptyFile)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00 }, MessageKey.ExcelFile)]
    public void Parse_NotACsvIsOneError(byte[] content, string code) =>
        Assert.Equal(code, Assert.Single(CityCsvParser.Parse(content).Errors).Code);

    [Fact]
    public void Parse_HeaderOnlyAndRaggedRows()
    {
        Assert.Equal(MessageKey.HeaderOnly, Assert.Single(CityCsvParser.Parse(CsvFile.Utf8(Header)).Errors).Code);
        Assert.Contains(CityCsvParser.Parse(CsvFile.Utf8(Header, "a,甲,A,省,P,华东,East,other,east")).Errors, e => e.Code == MessageKey.RaggedRow && e.Row == 2);
    }
}
