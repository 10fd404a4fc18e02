using CityExchange.Core.Analysis;
using CityExchange.Core.Cities;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

public sealed class CovariateCsvParserTests
{
    private static CovariateCsv Parse(params string[] lines) => new CovariateCsvParser(TestData.Directory).Parse(CsvFile.Utf8(lines), 2050);

    [Fact]
    public void Parse_ReadsCitiesByCodeOrNameAndLowerCasesCodes()
    {
        var parsed = Parse("城市,year,GDP,population", "beijing,2050,\"19,800.8\",2115", "上海,,21602.1,NA", "Guangzhou,2050,-3.5,");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Equal(["gdp", "population"], parsed.Codes);
        Assert.Equal(
            [new("beijing", "gdp", 19800.8), new("beijing", "population", 2115), new("shanghai", "gdp", 21602.1), new CovariateEntry("guangzhou", "gdp", -3.5)],
            parsed.Values);
    }

    [Fact]
    public void Parse_LocatesEveryErrorAndKeepsNoValue()
    {
        var parsed = Parse("city,gdp,国内生产总值", "beijing,x,1", "atlantis,3,2", "beijing,4,3", ",5,4");

        Assert.False(parsed.IsValid);
        Assert.Empty(parsed.Values);
        Assert.Equal(
            [(1, "国内生产总值", MessageKey.InvalidCode), (2, "gdp", MessageKey.NotANumber), (3, "city", MessageKey.UnknownCity),
             (4, "city", MessageKey.DuplicateCity), (5, "city", MessageKey.MissingCity)],
            parsed.Errors.Select(e => (e.Row, e.Column!, e.Code)));
        Assert.Equal("x", parsed.Errors.Single(e => e.Code == MessageKey.NotANumber).Value);
    }

    [Theory]
    [InlineData(MessageKey.MissingCityColumn, "name,gdp", "beijing,1")]
    [InlineData(CovariateMessages.NoCovariateColumns, "city,year", "beijing,2050")]
    [InlineData(MessageKey.HeaderOnly, "city,gdp")]
    [InlineData(MessageKey.NoValues, "city,gdp", "beijing,NA")]
    [InlineData(MessageKey.YearMismatch, "city,year,gdp", "beijing,2049,1")]
    [InlineData(MessageKey.RaggedRow, "city,gdp", "beijing,1,2")]
    [InlineData(MessageKey.DuplicateColumn, "city,gdp,GDP", "beijing,1,2")]
    public void Parse_RefusesStructuralProblems(string code, params string[] lines)
    {
        var parsed = Parse(lines);

        Assert.Contains(parsed.Errors, e => e.Code == code);
        Assert.Empty(parsed.Values);
    }

    [Fact]
    public void Parse_RefusesAnExcelWorkbook()
    {
        var parsed = new CovariateCsvParser(TestData.Directory).Parse([0x50, 0x4B, 0x03, 0x04, 0, 0], 2050);

        Assert.Equal(MessageKey.ExcelFile, Assert.Single(parsed.Errors).Code);
    }

    [Theory]
    [InlineData("1e16")]
    [InlineData("-1e16")]
    [InlineData("1e400")]
    public void Parse_ValueBeyondTheMaximumMagnitudeIsLocatedError(string cell)
    {
        var parsed = Parse("city,gdp", "beijing,1e15", $"shanghai,{cell}", "tianjin,-1e15");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((3, "gdp", cell, MessageKey.ValueTooLarge), (error.Row, error.Column, error.Value, error.Code));
    }

    [Fact]
    public void Parse_AnEnglishNameOfSeveralCitiesIsAmbiguous()
    {
        var directory = new CityDirectory([.. TestData.Cities, new City("fuzhou_jx", "抚州", "Fuzhou", "江西", "Jiangxi", "华东", "East China", "other", "east", "south")]);

        var parsed = new CovariateCsvParser(directory).Parse(CsvFile.Utf8("city,gdp", "Fuzhou,1"), 2050);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((2, "city", MessageKey.AmbiguousCity), (error.Row, error.Column, error.Code));
    }
}
