using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Core.Tests.Excel;

/// <summary>The .xlsx reader through the indicator parser: sheet choice, header row, cells, marks and locations.</summary>
public sealed class XlsxReaderTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static IndicatorCsv Parse(byte[] content, int? year = 2020) => Parser.Parse(content, year);

    private static CsvIssue SingleError(IndicatorCsv result, string code)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void Parse_ValidWorkbookGivesEveryValueWithFormatAndSheet()
    {
        var result = Parse(WorkbookBuilder.Simple("Sheet1", ["city", "consulates", "sister_cities"], ["beijing", 40, "1,318"], ["上海", 70.5, "NA"]));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal(UploadFormat.Xlsx, result.Format);
        Assert.Equal("Sheet1", result.Sheet);
        Assert.Equal("xlsx", result.EncodingName);
        Assert.Equal(
            [new ParsedValue("beijing", "consulates", 40, null), new ParsedValue("beijing", "sister_cities", 1318, null), new ParsedValue("shanghai", "consulates", 70.5, null)],
            result.Values);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_WorkbookAndTheSameCsvGiveIdenticalResults()
    {
        string[][] rows =
        [
            ["city", "year", "consulates", "odi", "source"],
            ["beijing", "2020", "40", "1,318.5", "统计年鉴"],
            ["Shanghai", "2020", "NA", "３", ""],
            ["广州", "2020", "-", "0.25", "note"],
        ];
        var csv = Parser.Parse(CsvFile.Utf8([.. rows.Select(r => string.Join(',', r.Select(c => c.Contains(',') ? $"\"{c}\"" : c)))]), null);
        var xlsx = Parser.Parse(WorkbookBuilder.Simple("Data", [.. rows.Select(r => r.Cast<object?>().ToArray())]), null);

        Assert.True(csv.IsValid);
        Assert.True(xlsx.IsValid);
        Assert.Equal(csv.Values, xlsx.Values);
        Assert.Equal(csv.Year, xlsx.Year);
        Assert.Equal(csv.IndicatorCodes, xlsx.IndicatorCodes);
        Assert.Equal(csv.Header, xlsx.Header);
        Assert.Equal(csv.Rows.Select(r => (r.Line, r.CityText, r.City?.Code, r.Source)), xlsx.Rows.Select(r => (r.Line, r.CityText, r.City?.Code, r.Source)));
        Assert.Equal(csv.Rows.SelectMany(r => r.Cells), xlsx.Rows.SelectMany(r => r.Cells));
        Assert.Equal(csv.Notices.Select(n => (n.Row, n.Column, n.Value, n.Code, n.Message)), xlsx.Notices.Select(n => (n.Row, n.Column, n.Value, n.Code, n.Message)));
        Assert.Equal([("Data", "D3")], xlsx.Notices.Select(n => (n.Sheet, n.Cell)));
    }

    [Fact]
    public void Parse_NumbersAreReadAsInvariantRoundTripText()
    {
        var result = Parse(WorkbookBuilder.Simple("S", ["city", "odi", "consulates", "intl_orgs"], ["beijing", 0.1, 1e15, 123456789.125]));

        Assert.True(result.IsValid);
        Assert.Equal(["0.1", "1000000000000000", "123456789.125"], result.Rows[0].Cells.Select(c => c.Raw));
        Assert.Equal([0.1, 1e15, 123456789.125], result.Values.Select(v => v.Value));
    }

    [Fact]
    public void Parse_SheetNamedForDataIsChosenOverTheFirst()
    {
        var bytes = new WorkbookBuilder()
            .Sheet("说明", s => s.Row(1, "填写说明"))
            .Sheet("指标", s => s.Row(1, "city", "odi").Row(2, "beijing", 5))
            .Build();

        var result = Parse(bytes);

        Assert.True(result.IsValid);
        Assert.Equal("指标", result.Sheet);
        Assert.Equal(5, Assert.Single(result.Values).Value);
    }

    [Theory]
    [InlineData("DATA")]
    [InlineData("Indicators")]
    [InlineData("数据")]
    public void Parse_DataSheetNamesInAnyCase(string name)
    {
        var bytes = new WorkbookBuilder()
            .Sheet("Notes", s => s.Row(1, "x"))
            .Sheet(name, s => s.Row(1, "city", "odi").Row(2, "beijing", 5))
            .Build();

        Assert.Equal(name, Parse(bytes).Sheet);
    }

    [Fact]
    public void Parse_HiddenAndChartSheetsAreSkipped()
    {
        var bytes = new WorkbookBuilder()
            .ChartSheet("Chart1")
            .Sheet("Data", s => s.Row(1, "city", "odi").Row(2, "beijing", 1), SheetStateValues.Hidden)
            .Sheet("Secret", s => s.Row(1, "city", "odi").Row(2, "beijing", 2), SheetStateValues.VeryHidden)
            .Sheet("Visible", s => s.Row(1, "city", "odi").Row(2, "beijing", 3))
            .Build();

        var result = Parse(bytes);

        Assert.True(result.IsValid);
        Assert.Equal("Visible", result.Sheet);
        Assert.Equal(3, Assert.Single(result.Values).Value);
    }

    [Fact]
    public void Parse_ChartSheetsOnlyIsError()
    {
        var error = SingleError(Parse(new WorkbookBuilder().ChartSheet("Chart1").ChartSheet("Chart2").Build()), MessageKey.ChartSheetsOnly);
        Assert.Equal(1, error.Row);
    }

    [Fact]
    public void Parse_HiddenSheetsOnlyIsError()
    {
        using var _ = UiCulture.Use("en");
        var bytes = new WorkbookBuilder()
            .Sheet("Data", s => s.Row(1, "city", "odi").Row(2, "beijing", 1), SheetStateValues.Hidden)
            .ChartSheet("Chart1")
            .Build();

        var error = SingleError(Parse(bytes), MessageKey.HiddenSheetsOnly);
        Assert.Equal("Every worksheet of the workbook is hidden (Data): unhide the sheet with the data, save, then upload it again.", error.Message);
    }

    [Fact]
    public void Parse_EmptySheetIsEmptyFile()
    {
        var error = SingleError(Parse(new WorkbookBuilder().Sheet("Data", s => s.Row(3, null, "  ")).Build()), MessageKey.EmptyFile);
        Assert.Equal("Data", error.Sheet);
    }

    [Fact]
    public void Parse_HeaderIsTheFirstNonEmptyRowAndErrorsNameTheirCells()
    {
        // The table starts at B3; row 5 has a bad value in the odi column (C).
        var bytes = new WorkbookBuilder().Sheet("指标", s => s
            .RowAt(1, 1, null, "  ")
            .RowAt(3, 1, "city", "odi", "consulates")
            .RowAt(4, 1, "beijing", 1, 2)
            .RowAt(5, 1, "shanghai", "abc", 3)).Build();

        var result = Parse(bytes);

        var error = SingleError(result, MessageKey.NotANumber);
        Assert.Equal((5, "odi", "abc", "指标", "C5"), (error.Row, error.Column, error.Value, error.Sheet, error.Cell));
        Assert.Equal(["city", "odi", "consulates"], result.Header);
        Assert.Equal([4, 5], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_HeaderErrorsNameTheHeaderCell()
    {
        var result = Parse(new WorkbookBuilder().Sheet("Data", s => s
            .Row(2, "city", "odi", "gotham_index", "odi")
            .Row(3, "beijing", 1, 2, 3)).Build());

        Assert.Equal(
            [(MessageKey.UnknownColumn, 2, "gotham_index", "C2"), (MessageKey.DuplicateColumn, 2, "odi", "D2")],
            result.Errors.Select(e => (e.Code, e.Row, e.Column, e.Cell)));
        Assert.All(result.Errors, e => Assert.Equal("Data", e.Sheet));
    }

    [Fact]
    public void Parse_CellsWithoutReferencesAreReadInOrder()
    {
        var bytes = new WorkbookBuilder().Sheet("Data", s =>
        {
            s.WriteReferences = false;
            s.Row(1, "city", "odi", "consulates").Row(2, "beijing", 1, "x");
        }).Build();

        var error = SingleError(Parse(bytes), MessageKey.NotANumber);
        Assert.Equal("C2", error.Cell);
    }

    [Fact]
    public void Parse_ValueOutsideTheHeaderIsLocatedError()
    {
        var bytes = new WorkbookBuilder().Sheet("Data", s => s
            .RowAt(1, 1, "city", "odi")
            .RowAt(2, 0, "stray", "beijing", 1, null, "note")).Build();

        var result = Parse(bytes);

        Assert.Equal([("A2", "stray"), ("E2", "note")], result.Errors.Select(e => (e.Cell!, e.Value!)));
        Assert.All(result.Errors, e => Assert.Equal(MessageKey.OutsideTable, e.Code));
    }

    [Fact]
    public void Parse_InlineAndSharedStringsAreText()
    {
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", XCell.InlineText("odi")], [XCell.InlineText("北京"), XCell.InlineText("1,234")]));

        Assert.True(result.IsValid);
        Assert.Equal(new ParsedValue("beijing", "odi", 1234, null), Assert.Single(result.Values));
    }

    [Fact]
    public void Parse_FormulasGiveTheirCachedValues()
    {
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.FormulaOf("SUM(1,2)", 3)]));

        Assert.True(result.IsValid);
        Assert.Equal(3, Assert.Single(result.Values).Value);
    }

    [Fact]
    public void Parse_FormulaWithoutCachedValueIsLocatedError()
    {
        using var _ = UiCulture.Use("en");
        var error = SingleError(Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.FormulaOf("SUM(B3:B9)", null)])), MessageKey.FormulaWithoutValue);

        Assert.Equal((2, "odi", "=SUM(B3:B9)", "B2"), (error.Row, error.Column, error.Value, error.Cell));
        Assert.Equal("The formula =SUM(B3:B9) has no calculated value in the file: open the file in Excel, WPS or LibreOffice and save it, so its values are calculated.", error.Message);
    }

    [Theory]
    [InlineData("#DIV/0!")]
    [InlineData("#VALUE!")]
    [InlineData("#REF!")]
    [InlineData("#NAME?")]
    [InlineData("#NUM!")]
    [InlineData("#NULL!")]
    public void Parse_ErrorCellsAreLocatedErrors(string value)
    {
        using var _ = UiCulture.Use("en");
        var error = SingleError(Parse(WorkbookBuilder.Simple("Data", ["city", "odi", "consulates"], ["beijing", 1, XCell.Error(value)])), MessageKey.CellError);

        Assert.Equal((2, "consulates", value, "Data", "C2"), (error.Row, error.Column, error.Value, error.Sheet, error.Cell));
        Assert.Equal($"The cell holds the error {value}: correct the formula or enter the value (write NA for a missing value).", error.Message);
    }

    [Fact]
    public void Parse_ErrorInTheCityColumnIsAnErrorNotAnUnknownCity()
    {
        var error = Assert.Single(Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], [XCell.Error("#REF!"), 1])).Errors);
        Assert.Equal((MessageKey.CellError, "A2"), (error.Code, error.Cell));
    }

    [Fact]
    public void Parse_NotAvailableIsMissingWithANotice()
    {
        using var _ = UiCulture.Use("en");
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", "odi", "consulates"], ["beijing", XCell.Error("#N/A"), 4]));

        Assert.True(result.IsValid);
        Assert.Equal("consulates", Assert.Single(result.Values).IndicatorCode);
        var notice = Assert.Single(result.Notices);
        Assert.Equal((MessageKey.NotAvailableReadAsMissing, 2, "odi", "#N/A", "B2", "#N/A read as missing."), (notice.Code, notice.Row, notice.Column, notice.Value, notice.Cell, notice.Message));
        Assert.True(result.Rows[0].Cells[0].IsValid);
        Assert.Null(result.Rows[0].Cells[0].Value);
    }

    [Theory]
    [InlineData(WorkbookBuilder.DateStyle)]
    [InlineData(WorkbookBuilder.CustomDateStyle)]
    [InlineData(WorkbookBuilder.ChineseDateStyle)]
    public void Parse_DateWhereANumberBelongsIsLocatedError(uint style)
    {
        var error = SingleError(Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.Number(43831, style)])), MessageKey.DateWhereNumber);
        Assert.Equal((2, "odi", "43831", "B2"), (error.Row, error.Column, error.Value, error.Cell));
    }

    [Fact]
    public void Parse_IsoDateCellIsADate() =>
        Assert.Equal("B2", SingleError(Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.IsoDate("2020-01-01T00:00:00")])), MessageKey.DateWhereNumber).Cell);

    [Fact]
    public void Parse_DateInTheYearColumnIsError() =>
        Assert.Equal("B2", SingleError(Parser.Parse(WorkbookBuilder.Simple("Data", ["city", "year", "odi"], ["beijing", XCell.Number(2020, WorkbookBuilder.DateStyle), 1]), null), MessageKey.DateWhereNumber).Cell);

    [Theory]
    [InlineData(WorkbookBuilder.QuotedDStyle)]
    [InlineData(WorkbookBuilder.ThousandsStyle)]
    public void Parse_NumberFormatsThatAreNotDatesAreNumbers(uint style)
    {
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.Number(1234.5, style)]));
        Assert.True(result.IsValid);
        Assert.Equal(1234.5, Assert.Single(result.Values).Value);
    }

    [Fact]
    public void Parse_BooleanIsNotANumber()
    {
        var error = SingleError(Parse(WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", XCell.Boolean(true)])), MessageKey.NotANumber);
        Assert.Equal(("TRUE", "B2"), (error.Value, error.Cell));
    }

    [Fact]
    public void Parse_NumbersAsTextThousandsAndFullWidthAreAcceptedAsInCsv()
    {
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", "odi", "consulates", "intl_orgs"], ["beijing", "12.5", "1,318,437", "１２"]));

        Assert.True(result.IsValid);
        Assert.Equal([12.5, 1318437, 12], result.Values.Select(v => v.Value));
        var notice = Assert.Single(result.Notices);
        Assert.Equal((MessageKey.FullWidthNormalised, "D2", "Data"), (notice.Code, notice.Cell, notice.Sheet));
    }

    [Fact]
    public void Parse_ControlAndInvisibleCharactersAreCheckedAsInCsv()
    {
        var result = Parse(WorkbookBuilder.Simple("Data", ["city", "odi", "consulates"], ["北京\u200B", "1_x0007_", XCell.InlineText("2_x0008_")]));

        Assert.Equal([("B2", MessageKey.ControlCharacter), ("C2", MessageKey.ControlCharacter)], result.Errors.Select(e => (e.Cell!, e.Code)));
        Assert.Equal([("A2", MessageKey.InvisibleCharacterRemoved)], result.Notices.Select(n => (n.Cell!, n.Code)));
    }

    [Fact]
    public void Parse_MergedHeaderCellsAreError()
    {
        using var _ = UiCulture.Use("en");
        var bytes = new WorkbookBuilder().Sheet("Data", s => s
            .Row(1, "city", "odi", null)
            .Row(2, "beijing", 1, 2)
            .Merge("B1:C1")
            .Merge("A5:B5")).Build();

        var result = Parse(bytes);

        var error = SingleError(result, MessageKey.MergedHeader);
        Assert.Equal((1, "odi", "B1:C1", "B1"), (error.Row, error.Column, error.Value, error.Cell));
        Assert.Equal("The header row has merged cells (B1:C1): each column needs a header cell of its own. Unmerge them.", error.Message);
    }

    [Fact]
    public void Parse_XlsmIsReadLikeXlsx()
    {
        var bytes = new WorkbookBuilder().Sheet("Data", s => s.Row(1, "city", "odi").Row(2, "beijing", 7)).Build(macroEnabled: true);

        var result = Parse(bytes);

        Assert.True(result.IsValid);
        Assert.Equal(UploadFormat.Xlsx, result.Format);
        Assert.Equal(7, Assert.Single(result.Values).Value);
    }

    [Fact]
    public void Parse_YearFromTheWorkbook()
    {
        var result = Parser.Parse(WorkbookBuilder.Simple("Data", ["city", "year", "odi"], ["beijing", 2019, 1], ["shanghai", 2019, 2]), null);

        Assert.True(result.IsValid);
        Assert.Equal(2019, result.Year);
    }
}
