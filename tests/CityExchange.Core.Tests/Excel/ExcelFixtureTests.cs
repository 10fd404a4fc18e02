using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Excel;

/// <summary>The LibreOffice-written fixtures (Fixtures/README.md): one sheet of data in a .xlsx and the same in a legacy .xls.</summary>
public sealed class ExcelFixtureTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static IndicatorCsv Parse(string file) =>
        Parser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Excel", "Fixtures", file)), null);

    [Fact]
    public void LibreOfficeXlsx_ReadsTheNamedSheetWithEveryMistakeLocated()
    {
        var result = Parse("indicators-libreoffice.xlsx");

        Assert.Equal((UploadFormat.Xlsx, "指标", 2020), (result.Format, result.Sheet, result.Year));
        Assert.Equal(["城市代码 (city)", "城市名称 (name_zh)", "年份 (year)", "对外直接投资 (odi)", "领事馆数量 (consulates)", "数据来源 (source)"], result.Header);
        Assert.Equal(["odi", "consulates"], result.IndicatorCodes);
        Assert.Equal(
            [(MessageKey.CellError, 4, "对外直接投资 (odi)", "#DIV/0!", "D4"), (MessageKey.DateWhereNumber, 5, "对外直接投资 (odi)", "43831", "D5")],
            result.Errors.Select(e => (e.Code, e.Row, e.Column!, e.Value!, e.Cell!)));
        Assert.All(result.Errors, e => Assert.Equal("指标", e.Sheet));
        Assert.Equal([(MessageKey.NotAvailableReadAsMissing, "E4")], result.Notices.Select(n => (n.Code, n.Cell!)));
        Assert.Equal(
            [
                new ParsedValue("beijing", "odi", 1.5, "统计年鉴"), new ParsedValue("beijing", "consulates", 3, "统计年鉴"),
                new ParsedValue("guangzhou", "consulates", 4, null), new ParsedValue("shenzhen", "odi", 5, null), new ParsedValue("shenzhen", "consulates", 1234, null),
            ],
            result.Values);
    }

    [Fact]
    public void LegacyXls_ReadsErrorCellsAsMissingAndSaysSo()
    {
        using var _ = UiCulture.Use("en");
        var result = Parse("indicators-libreoffice.xls");

        Assert.Equal((UploadFormat.Xls, "指标", 2020, "xls"), (result.Format, result.Sheet, result.Year, result.EncodingName));
        Assert.Equal([(MessageKey.DateWhereNumber, 5, "D5")], result.Errors.Select(e => (e.Code, e.Row, e.Cell!)));
        var notice = Assert.Single(result.Notices);
        Assert.Equal((MessageKey.XlsErrorsReadAsMissing, 2, "指标", null), (notice.Code, notice.Row, notice.Sheet, notice.Cell));
        Assert.StartsWith("A legacy .xls file does not tell error cells (#DIV/0!, #N/A…) from blank ones", notice.Message, StringComparison.Ordinal);
        Assert.Equal(
            [
                new ParsedValue("beijing", "odi", 1.5, "统计年鉴"), new ParsedValue("beijing", "consulates", 3, "统计年鉴"),
                new ParsedValue("guangzhou", "consulates", 4, null), new ParsedValue("shenzhen", "odi", 5, null), new ParsedValue("shenzhen", "consulates", 1234, null),
            ],
            result.Values);
        Assert.Equal([null, null], result.Rows.Single(r => r.City?.Code == "shanghai").Cells.Select(c => c.Value));
    }
}
