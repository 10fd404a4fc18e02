using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

/// <summary>Comment lines (<c>#</c> after the header), which the upload templates end with.</summary>
public sealed class CsvCommentTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    [Fact]
    public void Parse_SkipsACommentLineAfterTheHeaderAndKeepsTheLineNumbersOfTheRowsAfterIt()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,consulates", "beijing,40", "# prefilled from 2013", "上海,x"), 2020);

        Assert.Equal(["beijing", "上海"], result.Rows.Select(r => r.CityText));
        var error = Assert.Single(result.Errors);
        Assert.Equal((MessageKey.NotANumber, 4), (error.Code, error.Row));
    }

    [Fact]
    public void Parse_SkipsACommentLineAsExcelSavesItPaddedWithCommas()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,consulates,intl_orgs", "beijing,40,2", "# 已预填 2013 年的数值,,"), 2020);

        Assert.True(result.IsValid);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Parse_AQuotedCellStartingWithAHashIsData()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,consulates", "\"#beijing\",40"), 2020);

        Assert.Equal("#beijing", Assert.Single(result.Rows).CityText);
        Assert.Equal(MessageKey.UnknownCity, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Parse_AHashLineBeforeTheHeaderIsTheHeaderSoTheHeaderStaysLineOne()
    {
        var result = Parser.Parse(CsvFile.Utf8("# note", "city,consulates", "beijing,40"), 2020);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e is { Code: MessageKey.MissingCityColumn, Row: 1 });
    }
}
