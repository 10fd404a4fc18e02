using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Core.Tests.Builders;
using CsCheck;

namespace CityExchange.Core.Tests.Excel;

/// <summary>
/// Random bytes behind a workbook signature and mutated valid workbooks (CsCheck, seeded): the parser never throws,
/// and every error it reports is located (a row, a code, a message) and, once a sheet is read, names that sheet.
/// </summary>
public sealed class WorkbookFuzzTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static readonly byte[] Valid = new WorkbookBuilder()
        .Sheet("Notes", s => s.Row(1, "x"))
        .Sheet("指标", s => s
            .Row(1, "城市代码 (city)", "年份 (year)", "对外直接投资 (odi)", "consulates", "source")
            .Row(2, "beijing", 2020, 1.5, XCell.Error("#N/A"), "年鉴")
            .Row(3, "上海", 2020, XCell.Number(43831, WorkbookBuilder.DateStyle), XCell.FormulaOf("1+1", 2), "x")
            .Merge("A5:B5"))
        .Build();

    private static readonly byte[] Xls = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Excel", "Fixtures", "indicators-libreoffice.xls"));

    private static void AssertWellBehaved(byte[] bytes)
    {
        var result = Parser.Parse(bytes, null);
        Assert.Equal(result.ErrorCount == 0, result.IsValid);
        foreach (var issue in result.Errors.Concat(result.Notices))
        {
            Assert.True(issue.Row >= 1, issue.ToString());
            Assert.False(string.IsNullOrEmpty(issue.Code));
            Assert.False(string.IsNullOrEmpty(issue.Message));
            if (result.Sheet is not null)
            {
                Assert.Equal(result.Sheet, issue.Sheet);
            }
        }
    }

    [Fact]
    public void Parse_RandomBytesBehindAWorkbookSignatureNeverThrow()
    {
        byte[][] signatures = [[0x50, 0x4B, 0x03, 0x04], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]];
        Gen.Select(Gen.Int[0, 1], Gen.Byte.Array[0, 2000])
            .Sample((signature, tail) => AssertWellBehaved([.. signatures[signature], .. tail]), iter: 2000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Parse_MutatedValidWorkbooksNeverThrow() =>
        Gen.Select(Gen.Int[0, 1], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 12], Gen.Int[0, 3])
            .Sample((which, mutations, truncate) =>
            {
                var bytes = (byte[])(which == 0 ? Valid : Xls).Clone();
                foreach (var (at, value) in mutations)
                {
                    bytes[at % bytes.Length] = value;
                }

                AssertWellBehaved(truncate == 0 ? bytes[..(mutations[0].Item1 % bytes.Length)] : bytes);
            }, iter: 1500, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Parse_TheUnmutatedWorkbookIsReadAsWritten()
    {
        var result = Parser.Parse(Valid, null);

        Assert.Equal((UploadFormat.Xlsx, "指标"), (result.Format, result.Sheet));
        Assert.Equal([("DateWhereNumber", "C3")], result.Errors.Select(e => (e.Code, e.Cell!)));
    }
}
