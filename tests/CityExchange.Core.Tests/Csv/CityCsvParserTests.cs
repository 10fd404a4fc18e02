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

    private static string Row(string code, string zh, string en = "A") => $"{code},{zh},{en},省,P,华东,East,other,east,south";

    [Fact]
    public void Parse_DuplicateChineseNameNamesTheFirstRow()
    {
        using var _ = UiCulture.Use("en");

        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, Row("a", "甲"), Row("b", "甲")));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "name_zh", "甲", MessageKey.DuplicateName), (error.Row, error.Column, error.Value, error.Code));
        Assert.Equal("The Chinese name '甲' already appeared on row 2.", error.Message);
        Assert.Empty(result.Cities);
    }

    [Theory]
    [InlineData("北京", "北京市", "'北京市' cannot be told apart from '北京' on row 2: '北京市' would find both.")]
    [InlineData("北京市", "北京", "'北京' cannot be told apart from '北京市' on row 2: '北京市' would find both.")]
    public void Parse_ANameAndAnotherCitysShiFormCollide(string first, string second, string message)
    {
        using var _ = UiCulture.Use("en");

        var error = Assert.Single(CityCsvParser.Parse(CsvFile.Utf8(Header, Row("a", first), Row("b", second))).Errors);

        Assert.Equal((3, "name_zh", second, MessageKey.NameCollision), (error.Row, error.Column, error.Value, error.Code));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_CollisionMessageInChinese()
    {
        using var _ = UiCulture.Use("zh-CN");

        var error = Assert.Single(CityCsvParser.Parse(CsvFile.Utf8(Header, Row("a", "北京"), Row("b", "北京市"))).Errors);

        Assert.Equal("“北京市”与第 2 行的“北京”无法区分：“北京市”会同时找到这两个城市。", error.Message);
    }

    [Fact]
    public void Parse_EnglishNamesMayRepeat()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, Row("fuzhou", "福州", "Fuzhou"), Row("fuzhou_jx", "抚州", "Fuzhou")));

        Assert.True(result.IsValid);
        Assert.Equal([2, 3], result.Lines);
    }

    [Fact]
    public void Parse_WithTheStoredCitiesRefusesTakingAStoredName()
    {
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, Row("a", "甲"), "", Row("aaa_fake", "北京", "Peking")), TestData.Cities);

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "name_zh", MessageKey.NameTaken), (error.Row, error.Column, error.Code));
        Assert.Equal(1, result.ErrorCount);
        Assert.Empty(result.Cities);
    }

    [Fact]
    public void Parse_WithTheStoredCitiesAcceptsTheBundledFile()
    {
        var result = CityCsvParser.Parse(File.ReadAllBytes(TestData.DataPath("cities.csv")), TestData.Cities);

        Assert.True(result.IsValid);
        Assert.Equal(TestData.Cities, result.Cities);
    }

    [Fact]
    public void Parse_ARepeatedRowIsOneErrorAndADifferentCollisionOfTheSameRowWaits()
    {
        // Row 4 repeats row 2 (code and name): one DuplicateCode. Row 5 repeats row 2's code and row 3's name: the code only.
        var result = CityCsvParser.Parse(CsvFile.Utf8(Header, Row("a", "甲"), Row("b", "乙"), Row("a", "甲"), Row("a", "乙")));

        Assert.Equal([(4, "code", MessageKey.DuplicateCode), (5, "code", MessageKey.DuplicateCode)], result.Errors.Select(e => (e.Row, e.Column, e.Code)));
    }
}
