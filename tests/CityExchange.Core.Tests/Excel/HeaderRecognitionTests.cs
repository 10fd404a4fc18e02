using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Excel;

/// <summary>Header cells as the templates write them, in CSV and in workbooks alike.</summary>
public sealed class HeaderRecognitionTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    public static TheoryData<string[]> TemplateHeaders => new()
    {
        { ["城市代码 (city)", "城市名称 (name_zh)", "英文名称 (name_en)", "年份 (year)", "对外直接投资 (odi)", "领事馆数量 (consulates)", "数据来源 (source)"] },
        { ["City code (city)", "Chinese name (name_zh)", "English name (name_en)", "Year (year)", "Outward direct investment (odi)", "Foreign consulates (consulates)", "Source note (source)"] },
        { ["城市代码（city）", "name_zh", "name_en", "年份（year）", "对外直接投资（odi）", "领事馆数量（ consulates ）", "来源"] },
        { ["city", "name_zh", "name_en", "year", "OUTWARD DIRECT INVESTMENT", " 领事馆数量 ", "source"] },
        { ["城市", "城市名称 (name_zh)", "英文名称 (name_en)", "年份", "对外直接投资", "consulates", "数据来源"] },
    };

    [Theory]
    [MemberData(nameof(TemplateHeaders))]
    public void Parse_TemplateHeadersUploadAsTheyAre(string[] header)
    {
        string[] row = ["beijing", "北京", "Beijing", "2019", "12.5", "3", "年鉴"];

        var csv = Parser.Parse(CsvFile.Utf8(string.Join(',', header), string.Join(',', row)), null);
        var xlsx = Parser.Parse(WorkbookBuilder.Simple("Data", [.. header.Cast<object?>()], [.. row.Cast<object?>()]), null);

        foreach (var result in new[] { csv, xlsx })
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
            Assert.Equal(2019, result.Year);
            Assert.Equal(["odi", "consulates"], result.IndicatorCodes);
            Assert.Equal([new ParsedValue("beijing", "odi", 12.5, "年鉴"), new ParsedValue("beijing", "consulates", 3, "年鉴")], result.Values);
        }
    }

    [Fact]
    public void Parse_LabelWithAnUnknownCodeIsAnUnknownColumn()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,对外直接投资 (gotham)", "beijing,1"), 2020);

        var error = Assert.Single(result.Errors, e => e.Code == MessageKey.UnknownColumn);
        Assert.Equal("对外直接投资 (gotham)", error.Column);
    }

    [Fact]
    public void Parse_TwoCityColumnsAreADuplicate()
    {
        var result = Parser.Parse(CsvFile.Utf8("城市代码 (city),city,odi", "beijing,beijing,1"), 2020);

        var error = Assert.Single(result.Errors);
        Assert.Equal((MessageKey.DuplicateColumn, "city"), (error.Code, error.Column));
    }

    [Fact]
    public void Parse_SourceColumnForALabelledIndicator()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,对外直接投资 (odi),source:odi", "beijing,1,商务部"), 2020);

        Assert.True(result.IsValid);
        Assert.Equal("商务部", Assert.Single(result.Values).Source);
    }
}
