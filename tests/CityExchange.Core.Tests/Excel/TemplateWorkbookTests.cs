using System.Diagnostics;
using CityExchange.Core.Excel;
using CityExchange.Core.Framework;
using CityExchange.Core.Tests.Builders;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit.Abstractions;

namespace CityExchange.Core.Tests.Excel;

public sealed class TemplateWorkbookTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<TemplateIndicator> Chinese = [.. TestData.Framework.Indicators.Select(TemplateIndicator.Chinese)];

    /// <summary>English texts as the Web passes them (its resources hold the English definitions).</summary>
    private static readonly IReadOnlyList<TemplateIndicator> English =
        [.. TestData.Framework.Indicators.Select(i => new TemplateIndicator(i.Code, i.Domain, i.NameEn, i.Unit, $"Definition of {i.NameEn}", $"Source of {i.NameEn}"))];

    private static readonly IReadOnlyList<TemplateCity> Cities =
    [
        new("shanghai", "上海", "Shanghai"),
        new("beijing", "北京", "Beijing"),
        new("zz_trigger", "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0"),
    ];

    private static TemplateWorkbookSpec Spec(WorkbookLanguage language = WorkbookLanguage.Chinese, IReadOnlyList<TemplateCity>? cities = null) => new(
        language,
        2030,
        language == WorkbookLanguage.Chinese ? Chinese : English,
        cities ?? Cities,
        new Dictionary<(string, string), double> { [("beijing", "foreign_residents")] = 61.5, [("beijing", "sister_cities")] = 1318437, [("shanghai", "odi")] = 0 },
        new Dictionary<string, string> { ["beijing"] = "北京统计年鉴 2016", ["zz_trigger"] = "-2+3" },
        "已预填 2015 年的指标数值");

    private static async Task<TableWorkbookXlsx> OpenAsync(TemplateWorkbookSpec spec) => new(await IndicatorTemplateWorkbook.ToBytesAsync(spec));

    [Fact]
    public async Task Chinese_SheetsAndHeaderAreWhatTheReaderRecognises()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("指标");

        Assert.Equal(["指标", "说明"], xlsx.SheetNames);
        Assert.Equal("城市代码 (city)", xlsx.Text(data, "A1"));
        Assert.Equal("城市名称 (name_zh)", xlsx.Text(data, "B1"));
        Assert.Equal("英文名称 (name_en)", xlsx.Text(data, "C1"));
        Assert.Equal("年份 (year)", xlsx.Text(data, "D1"));
        Assert.Equal("外籍人员居民人数 (foreign_residents)", xlsx.Text(data, "E1"));
        Assert.Equal("国际航班数 (intl_flights)", xlsx.Text(data, "F1"));
        Assert.Equal("国际友城数量 (sister_cities)", xlsx.Text(data, "U1"));
        Assert.Equal("数据来源 (source)", xlsx.Text(data, "V1"));
        Assert.Null(TableWorkbookXlsx.CellAt(data, "W1"));
        Assert.True(xlsx.IsBold(data, "A1"));
        Assert.True(xlsx.IsBold(data, "V1"));
    }

    [Fact]
    public async Task English_SheetsAndHeaderAreWhatTheReaderRecognises()
    {
        using var xlsx = await OpenAsync(Spec(WorkbookLanguage.English));
        var data = xlsx.Sheet("indicators");

        Assert.Equal(["indicators", "instructions"], xlsx.SheetNames);
        Assert.Equal(
            ["City code (city)", "Chinese name (name_zh)", "English name (name_en)", "Year (year)", "Foreign residents (foreign_residents)"],
            new[] { "A1", "B1", "C1", "D1", "E1" }.Select(r => xlsx.Text(data, r)));
        Assert.Equal("Sister cities (sister_cities)", xlsx.Text(data, "U1"));
        Assert.Equal("Source note (source)", xlsx.Text(data, "V1"));
    }

    [Fact]
    public async Task OneRowPerCityByCode_YearAndPrefilledValuesAreNumbers_TheRestBlank()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("指标");

        Assert.Equal(4, TableWorkbookXlsx.Rows(data).Count);
        Assert.Equal(["beijing", "shanghai", "zz_trigger"], new[] { "A2", "A3", "A4" }.Select(r => xlsx.Text(data, r)));
        Assert.Equal("北京", xlsx.Text(data, "B2"));
        Assert.Equal("Beijing", xlsx.Text(data, "C2"));
        Assert.Equal("2030", xlsx.Text(data, "D2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "D2"));
        Assert.Equal("2030", xlsx.Text(data, "D4"));

        Assert.Equal("61.5", xlsx.Text(data, "E2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "E2"));
        Assert.Equal("1318437", xlsx.Text(data, "U2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "U2"));
        Assert.Equal("0", xlsx.Text(data, "Q3")); // odi is the 13th indicator: a real 0 stays 0, not blank
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "Q3"));
        Assert.Null(xlsx.Text(data, "F2"));
        Assert.Null(xlsx.Text(data, "E3"));

        Assert.Equal("北京统计年鉴 2016", xlsx.Text(data, "V2"));
        Assert.Null(xlsx.Text(data, "V3"));
    }

    [Fact]
    public async Task FormulaTriggersInTextStayStrings()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("指标");

        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", xlsx.Text(data, "B4"));
        Assert.Equal("inlineStr", TableWorkbookXlsx.TypeOf(data, "B4"));
        Assert.Equal("+cmd|' /C calc'!A0", xlsx.Text(data, "C4"));
        Assert.Equal("inlineStr", TableWorkbookXlsx.TypeOf(data, "C4"));
        Assert.Equal("-2+3", xlsx.Text(data, "V4"));
        Assert.Equal("inlineStr", TableWorkbookXlsx.TypeOf(data, "V4"));
        Assert.Empty(data.Descendants<CellFormula>());
    }

    [Fact]
    public async Task EveryIndicatorCellWarnsOnAnythingButANumberAtLeastZero_WithUnitAndDefinitionAsInputMessage()
    {
        using var xlsx = await OpenAsync(Spec());
        var validations = TableWorkbookXlsx.Validations(xlsx.Sheet("指标"));

        Assert.Equal(17, validations.Count);
        var first = validations[0];
        Assert.Equal("E2:E4", first.SequenceOfReferences!.InnerText);
        Assert.Equal(DataValidationValues.Decimal, first.Type!.Value);
        Assert.Equal(DataValidationOperatorValues.GreaterThanOrEqual, first.Operator!.Value);
        Assert.Equal("0", first.Formula1!.Text);
        Assert.Equal(DataValidationErrorStyleValues.Warning, first.ErrorStyle!.Value);
        Assert.Contains("errorStyle=\"warning\"", first.OuterXml, StringComparison.Ordinal);
        Assert.True(first.AllowBlank!.Value);
        Assert.True(first.ShowInputMessage!.Value);
        Assert.True(first.ShowErrorMessage!.Value);
        Assert.Equal("外籍人员居民人数", first.PromptTitle!.Value);
        Assert.Equal("单位：persons。居住在城市的外籍人员数量；无直接数据时以出入境管理部门签发的居住证数量为准", first.Prompt!.Value);
        Assert.Equal("不是 ≥ 0 的数字", first.ErrorTitle!.Value);
        Assert.Equal("请填写 ≥ 0 的数字。数值缺失时留空或填写 NA，NA 按缺失值处理。", first.Error!.Value);

        Assert.Equal(
            ["E2:E4", "F2:F4", "G2:G4", "H2:H4", "I2:I4", "J2:J4", "K2:K4", "L2:L4", "M2:M4", "N2:N4", "O2:O4", "P2:P4", "Q2:Q4", "R2:R4", "S2:S4", "T2:T4", "U2:U4"],
            validations.Select(v => v.SequenceOfReferences!.InnerText));
        Assert.Equal("国际友城数量", validations[16].PromptTitle!.Value);
    }

    [Fact]
    public async Task EnglishInputMessage()
    {
        using var xlsx = await OpenAsync(Spec(WorkbookLanguage.English));
        var first = TableWorkbookXlsx.Validations(xlsx.Sheet("indicators"))[0];

        Assert.Equal("Foreign residents", first.PromptTitle!.Value);
        Assert.Equal("Unit: persons. Definition of Foreign residents", first.Prompt!.Value);
        Assert.Equal("Not a number ≥ 0", first.ErrorTitle!.Value);
    }

    [Fact]
    public async Task LongNamesAndDefinitionsAreCutToExcelsLimits()
    {
        var name = new string('名', 40);
        var definition = new string('x', 300);
        var spec = Spec() with { Indicators = [new TemplateIndicator("long", Domain.Social, name, "u", definition, "s")] };

        using var xlsx = await OpenAsync(spec);
        var validation = Assert.Single(TableWorkbookXlsx.Validations(xlsx.Sheet("指标")));

        Assert.Equal(new string('名', 31) + "…", validation.PromptTitle!.Value);
        Assert.Equal(255, validation.Prompt!.Value!.Length);
        Assert.Equal("单位：u。" + new string('x', 255 - 6) + "…", validation.Prompt.Value);
        Assert.Equal(name + " (long)", xlsx.Text(xlsx.Sheet("指标"), "E1")); // the header keeps the whole name
    }

    [Fact]
    public void CutNeverSplitsASurrogatePair()
    {
        Assert.Equal("ab…", TableWorkbook.Truncate("ab😀cd", 4));
        Assert.Equal("ab😀…", TableWorkbook.Truncate("ab😀cd", 5));
        Assert.Equal("ab😀cd", TableWorkbook.Truncate("ab😀cd", 6));
    }

    [Fact]
    public async Task HeaderRowAndTheThreeNameColumnsAreFrozen_ColumnsHaveWidths()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("指标");
        var pane = TableWorkbookXlsx.FrozenPane(data)!;

        Assert.Equal(3, pane.HorizontalSplit!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("D2", pane.TopLeftCell!.Value);

        var widths = TableWorkbookXlsx.Widths(data);
        Assert.Equal(Enumerable.Range(1, 22).Select(i => (uint)i), widths.Keys.Order());
        Assert.Equal(16, widths[1]);
        Assert.Equal(8, widths[4]);
        Assert.Equal(36, widths[5]); // "外籍人员居民人数 (foreign_residents)": 8 CJK × 2 + 20 + 2, at most 36
        Assert.Equal(40, widths[22]);
    }

    [Fact]
    public async Task Chinese_InstructionsSayHowToFillAndUploadAndDescribeEveryIndicator()
    {
        using var xlsx = await OpenAsync(Spec());
        var sheet = xlsx.Sheet("说明");

        Assert.Equal("CityExchange 数据填报模板：2030 年指标数值", xlsx.Text(sheet, "A1"));
        Assert.Equal("年份", xlsx.Text(sheet, "A2"));
        Assert.Equal("2030", xlsx.Text(sheet, "B2"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(sheet, "B2"));
        Assert.Equal("预填数值", xlsx.Text(sheet, "A3"));
        Assert.Equal("已预填 2015 年的指标数值", xlsx.Text(sheet, "B3"));
        Assert.Equal("填写说明", xlsx.Text(sheet, "A5"));
        Assert.True(xlsx.IsBold(sheet, "A5"));
        Assert.Equal("每个城市一行。第一列的城市代码请保持不变；中文名称和英文名称仅用于查找城市。", xlsx.Text(sheet, "A6"));
        Assert.Equal("缺失值请留空或填写 NA；除非数值确实为 0，否则不要填 0。单元格不是 ≥ 0 的数字时 Excel 会提示警告，但仍可填写 NA。", xlsx.Text(sheet, "A8"));
        Assert.Equal("请勿修改、移动或删除表头行和各列；每一行的年份列均为 2030。", xlsx.Text(sheet, "A9"));
        Assert.Equal("如何上传", xlsx.Text(sheet, "A12"));
        Assert.StartsWith("或通过脚本上传：PUT /api/years/2030/indicators，", xlsx.Text(sheet, "A14"), StringComparison.Ordinal);
        Assert.Contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Text(sheet, "A14"), StringComparison.Ordinal);
        Assert.Equal("指标说明", xlsx.Text(sheet, "A16"));
        Assert.Equal(["代码", "指标", "领域", "单位", "定义", "常见来源"], new[] { "A17", "B17", "C17", "D17", "E17", "F17" }.Select(r => xlsx.Text(sheet, r)));
        Assert.Equal(
            ["foreign_residents", "外籍人员居民人数", "社会领域", "persons", "居住在城市的外籍人员数量；无直接数据时以出入境管理部门签发的居住证数量为准", "当地外事和华侨管理办公室官网；出入境管理局"],
            new[] { "A18", "B18", "C18", "D18", "E18", "F18" }.Select(r => xlsx.Text(sheet, r)));
        Assert.Equal(["sister_cities", "国际友城数量", "政治领域"], new[] { "A34", "B34", "C34" }.Select(r => xlsx.Text(sheet, r)));
        Assert.Null(TableWorkbookXlsx.CellAt(sheet, "A35"));
    }

    [Fact]
    public async Task English_InstructionsAndABlankTemplatesNote()
    {
        var spec = Spec(WorkbookLanguage.English) with { Values = null, FillNote = "No year up to 2030 has real indicator values: blank." };
        using var xlsx = await OpenAsync(spec);
        var sheet = xlsx.Sheet("instructions");

        Assert.Equal("CityExchange upload template: indicator values for 2030", xlsx.Text(sheet, "A1"));
        Assert.Equal("Prefilled values", xlsx.Text(sheet, "A3"));
        Assert.Equal("No year up to 2030 has real indicator values: blank.", xlsx.Text(sheet, "B3"));
        Assert.Equal("How to fill it in", xlsx.Text(sheet, "A5"));
        Assert.Equal("Do not rename, move or delete the header row or the columns; the year column stays 2030 in every row.", xlsx.Text(sheet, "A9"));
        Assert.Equal("How to upload", xlsx.Text(sheet, "A12"));
        Assert.StartsWith("Or by script: PUT /api/years/2030/indicators with the file as the body, Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Text(sheet, "A14"), StringComparison.Ordinal);
        Assert.Equal(["Code", "Indicator", "Domain", "Unit", "Definition", "Typical source"], new[] { "A17", "B17", "C17", "D17", "E17", "F17" }.Select(r => xlsx.Text(sheet, r)));
        Assert.Equal(["foreign_residents", "Foreign residents", "Social", "persons", "Definition of Foreign residents", "Source of Foreign residents"], new[] { "A18", "B18", "C18", "D18", "E18", "F18" }.Select(r => xlsx.Text(sheet, r)));
        Assert.Null(xlsx.Text(xlsx.Sheet("indicators"), "E2"));
    }

    [Fact]
    public async Task WithoutAFillNoteTheInstructionsHaveNoPrefillLine()
    {
        using var xlsx = await OpenAsync(Spec() with { FillNote = null });
        var sheet = xlsx.Sheet("说明");

        Assert.Null(TableWorkbookXlsx.CellAt(sheet, "A3"));
        Assert.Equal("填写说明", xlsx.Text(sheet, "A4"));
    }

    [Fact]
    public async Task NoCities_HeaderOnlyAndNoValidation()
    {
        using var xlsx = await OpenAsync(Spec(cities: []));
        var data = xlsx.Sheet("指标");

        Assert.Single(TableWorkbookXlsx.Rows(data));
        Assert.Empty(TableWorkbookXlsx.Validations(data));
    }

    [Fact]
    public async Task FiveThousandCities_WrittenQuickly()
    {
        var cities = Enumerable.Range(0, 5000).Select(i => new TemplateCity($"city{i:D5}", $"城市{i}", $"City {i}")).ToList();
        var values = cities.SelectMany(c => Chinese.Select((ind, k) => (c.Code, ind.Code, k))).ToDictionary(x => (x.Item1, x.Item2), x => x.k * 1.5);
        var spec = Spec(cities: cities) with { Values = values };
        _ = await IndicatorTemplateWorkbook.ToBytesAsync(Spec()); // warm-up

        var clock = Stopwatch.StartNew();
        var bytes = await IndicatorTemplateWorkbook.ToBytesAsync(spec);
        clock.Stop();
        output.WriteLine($"5,000-city × 17 template: {clock.ElapsedMilliseconds} ms, {bytes.Length:N0} bytes");

        using var xlsx = new TableWorkbookXlsx(bytes);
        var data = xlsx.Sheet("指标");
        Assert.Equal("E2:E5001", TableWorkbookXlsx.Validations(data)[0].SequenceOfReferences!.InnerText);
        Assert.Equal("city04999", xlsx.Text(data, "A5001"));
        Assert.Equal("24", xlsx.Text(data, "U5001"));
    }

    [Fact]
    public async Task ControlCharactersInCitiesNotesAndTextsStillGiveAWorkbookThatOpens()
    {
        var spec = Spec(cities: [new("a\u0001", "名\uFFFE", "N\u001B")]) with
        {
            SourceNotes = new Dictionary<string, string> { ["a\u0001"] = "note\u0000" },
            Indicators = [new TemplateIndicator("x", Domain.Trade, "名\u0007", "u\u0008", "d\uDC00", "s\u000B")],
            FillNote = "f\u000C",
        };

        using var xlsx = await OpenAsync(spec);
        var data = xlsx.Sheet("指标");

        Assert.Equal(["a\uFFFD", "名\uFFFD", "N\uFFFD"], new[] { "A2", "B2", "C2" }.Select(r => xlsx.Text(data, r)));
        Assert.Equal("名\uFFFD (x)", xlsx.Text(data, "E1"));
        Assert.Equal("note\uFFFD", xlsx.Text(data, "F2"));
        Assert.Equal("单位：u\uFFFD。d\uFFFD", TableWorkbookXlsx.Validations(data)[0].Prompt!.Value);
        var sheet = xlsx.Sheet("说明");
        Assert.Equal("f\uFFFD", xlsx.Text(sheet, "B3"));
        Assert.Equal(["x", "名\uFFFD", "经贸领域", "u\uFFFD", "d\uFFFD", "s\uFFFD"], new[] { "A18", "B18", "C18", "D18", "E18", "F18" }.Select(r => xlsx.Text(sheet, r)));
    }

    [Fact]
    public async Task WritesToAResponseLikeStream_NotSeekableAndAsyncOnly()
    {
        var inner = new MemoryStream();
        await using (var response = new TableWorkbookTests.AsyncOnlyStream(inner))
        {
            await IndicatorTemplateWorkbook.WriteAsync(Spec(), response);
        }

        using var xlsx = new TableWorkbookXlsx(inner.ToArray());
        Assert.Equal("beijing", xlsx.Text(xlsx.Sheet("指标"), "A2"));
    }
}
