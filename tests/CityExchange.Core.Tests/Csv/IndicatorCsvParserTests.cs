using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

public sealed class IndicatorCsvParserTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static IndicatorCsv Parse(byte[] content, int? year = 2020) => Parser.Parse(content, year);

    private static CsvIssue SingleError(IndicatorCsv result, string code)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void Parse_ValidFileGivesEveryValue()
    {
        var result = Parse(CsvFile.Utf8("city,consulates,sister_cities", "beijing,40,\"1,318\"", "上海,70.5,NA"));

        Assert.True(result.IsValid);
        Assert.Equal(
            [new ParsedValue("beijing", "consulates", 40, null), new ParsedValue("beijing", "sister_cities", 1318, null), new ParsedValue("shanghai", "consulates", 70.5, null)],
            result.Values);
    }

    [Theory]
    [InlineData("beijing")]
    [InlineData("BEIJING")]
    [InlineData("北京")]
    [InlineData("北京市")]
    [InlineData("Beijing")]
    [InlineData(" Beijing ")]
    public void Parse_CityByCodeChineseOrEnglishName(string city)
    {
        var result = Parse(CsvFile.Utf8("city,consulates", $"{city},3"));

        Assert.True(result.IsValid);
        Assert.Equal("beijing", Assert.Single(result.Values).CityCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("—")]
    public void Parse_MissingTokensAreNotValues(string cell)
    {
        var result = Parse(CsvFile.Utf8("city,consulates,intl_orgs", $"beijing,{cell},2"));

        Assert.True(result.IsValid);
        Assert.Equal("intl_orgs", Assert.Single(result.Values).IndicatorCode);
    }

    [Theory]
    [InlineData("\"1,318,437\"", 1318437)]
    [InlineData("1318437", 1318437)]
    [InlineData("12.5", 12.5)]
    [InlineData("1e3", 1000)]
    [InlineData("0", 0)]
    public void Parse_NumbersUseInvariantCulture(string cell, double expected)
    {
        var result = Parse(CsvFile.Utf8("city,passports", $"beijing,{cell}"));

        Assert.True(result.IsValid);
        Assert.Equal(expected, Assert.Single(result.Values).Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"3,5\"")]
    [InlineData("\"1,31,8\"")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("12%")]
    public void Parse_NonNumericCellIsLocatedError(string cell)
    {
        var result = Parse(CsvFile.Utf8("city,passports", "beijing,1", $"shanghai,{cell}"));

        var error = SingleError(result, MessageKey.NotANumber);
        Assert.Equal(3, error.Row);
        Assert.Equal("passports", error.Column);
        Assert.Equal(cell.Trim('"'), error.Value);
    }

    [Fact]
    public void Parse_NegativeValueIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,-4")), MessageKey.Negative);

        Assert.Equal((2, "odi", "-4"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public void MaxMagnitudeIsTenToTheFifteenth() => Assert.Equal(1e15, CsvNumbers.MaxMagnitude);

    [Theory]
    [InlineData("1000000000000000")]
    [InlineData("1e15")]
    [InlineData("\"1,000,000,000,000,000\"")]
    public void Parse_ValueAtTheMaximumIsAccepted(string cell)
    {
        var result = Parse(CsvFile.Utf8("city,trade_volume", $"beijing,{cell}"));

        Assert.True(result.IsValid);
        Assert.Equal(1e15, Assert.Single(result.Values).Value);
    }

    [Theory]
    [InlineData("1000000000000001")]
    [InlineData("1e16")]
    [InlineData("1.7e308")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("\"1,000,000,000,000,001\"")]
    [InlineData("１ｅ４００")]
    public void Parse_ValueAboveTheMaximumIsLocatedError(string cell)
    {
        var result = Parse(CsvFile.Utf8("city,trade_volume", "beijing,1", $"shanghai,{cell}"));

        var error = SingleError(result, MessageKey.ValueTooLarge);
        Assert.Equal((3, "trade_volume", cell.Trim('"')), (error.Row, error.Column, error.Value));
        Assert.Equal(["beijing"], result.Values.Select(v => v.CityCode));
    }

    [Fact]
    public void Parse_ValueAboveTheMaximumSaysTheMaximumInBothLanguages()
    {
        string Message(string culture)
        {
            using var _ = UiCulture.Use(culture);
            return SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,1e16")), MessageKey.ValueTooLarge).Message;
        }

        Assert.Equal("'1e16' is too large: values may be at most 1,000,000,000,000,000 (10^15).", Message("en"));
        Assert.Equal("“1e16”过大：数值不能超过 1,000,000,000,000,000（10^15）。", Message("zh-CN"));
    }

    [Fact]
    public void Parse_UnknownCityIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,4", "Gotham,5")), MessageKey.UnknownCity);

        Assert.Equal((3, "city", "Gotham"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public void Parse_AnEnglishNameOfSeveralCitiesIsAmbiguousAndListsThem()
    {
        var directory = new CityDirectory([.. TestData.Cities, new City("fuzhou_jx", "抚州", "Fuzhou", "江西", "Jiangxi", "华东", "East China", "other", "east", "south")]);
        var parser = new IndicatorCsvParser(TestData.Framework, directory);
        string Message(string culture)
        {
            using var _ = UiCulture.Use(culture);
            var result = parser.Parse(CsvFile.Utf8("city,odi", "抚州,2", "Fuzhou,1"), 2020);
            var error = SingleError(result, MessageKey.AmbiguousCity);
            Assert.Equal((3, "city", "Fuzhou"), (error.Row, error.Column, error.Value));
            return error.Message;
        }

        Assert.Equal("'Fuzhou' names more than one city: 福州 (fuzhou) or 抚州 (fuzhou_jx). Use the city code or the Chinese name.", Message("en"));
        Assert.Equal("“Fuzhou”对应多个城市：福州（fuzhou）或抚州（fuzhou_jx）。请使用城市代码或中文名。", Message("zh-CN"));
        Assert.Equal(["fuzhou_jx"], parser.Parse(CsvFile.Utf8("city,odi", "抚州,2", "Fuzhou,1"), 2020).Values.Select(v => v.CityCode));
    }

    [Fact]
    public void Parse_ThreeCandidatesAreListedWithCommas()
    {
        City Suzhou(string code, string zh) => new(code, zh, "Suzhou", "省", "P", "华东", "East China", "other", "east", "south");
        var directory = new CityDirectory([Suzhou("suzhou", "苏州"), Suzhou("suzhou_ah", "宿州"), Suzhou("suzhou_x", "素州")]);
        using var _ = UiCulture.Use("en");

        var error = SingleError(new IndicatorCsvParser(TestData.Framework, directory).Parse(CsvFile.Utf8("city,odi", "Suzhou,1"), 2020), MessageKey.AmbiguousCity);

        Assert.Contains("苏州 (suzhou), 宿州 (suzhou_ah) or 素州 (suzhou_x)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateCityRowIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,4", "shanghai,1", "北京,5")), MessageKey.DuplicateCity);

        Assert.Equal(4, error.Row);
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownColumnIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi,embassies", "beijing,4,1")), MessageKey.UnknownColumn);

        Assert.Equal((1, "embassies"), (error.Row, error.Column));
    }

    [Fact]
    public void Parse_DuplicateColumnIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi,ODI", "beijing,4,1")), MessageKey.DuplicateColumn);

        Assert.Equal(1, error.Row);
    }

    [Fact]
    public void Parse_MissingCityColumnIsError()
    {
        SingleError(Parse(CsvFile.Utf8("name,odi", "beijing,4")), MessageKey.MissingCityColumn);
    }

    [Fact]
    public void Parse_RaggedRowIsError()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,odi,consulates", "beijing,4,1", "shanghai,4")), MessageKey.RaggedRow);

        Assert.Equal(3, error.Row);
    }

    [Fact]
    public void Parse_YearColumnMustMatch()
    {
        var error = SingleError(Parse(CsvFile.Utf8("city,year,odi", "beijing,2020,4", "shanghai,2019,4"), 2020), MessageKey.YearMismatch);

        Assert.Equal((3, "year", "2019"), (error.Row, error.Column, error.Value));
    }

    [Fact]
    public void Parse_YearIsTakenFromFileWhenNotGiven()
    {
        var result = Parse(CsvFile.Utf8("city,year,odi", "beijing,2021,4"), null);

        Assert.True(result.IsValid);
        Assert.Equal(2021, result.Year);
    }

    [Fact]
    public void Parse_EmptyFileIsError() => SingleError(Parse([]), MessageKey.EmptyFile);

    [Fact]
    public void Parse_BlankLinesOnlyIsEmptyFile() => SingleError(Parse(CsvFile.Utf8("", ",,", "")), MessageKey.EmptyFile);

    [Fact]
    public void Parse_HeaderOnlyIsError() => SingleError(Parse(CsvFile.Utf8("city,odi")), MessageKey.HeaderOnly);

    [Fact]
    public void Parse_AllCellsMissingIsError() => SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,NA")), MessageKey.NoValues);

    [Fact]
    public void Parse_ExcelWorkbookIsRecognised() =>
        SingleError(Parse([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), MessageKey.WorkbookUnreadable);

    [Fact]
    public void Parse_BinaryFileIsRecognised() =>
        SingleError(Parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), MessageKey.BinaryFile);

    [Fact]
    public void Parse_Gb18030AndUtf8BomGiveIdenticalData()
    {
        string[] lines = ["城市,领事馆数量,sister_cities,source", "北京,40,30,北京统计年鉴", "广州,55,\"1,200\",外办"];

        var gb = Parse(CsvFile.Gb18030(lines));
        var bom = Parse(CsvFile.Utf8Bom(lines));

        Assert.True(gb.IsValid);
        Assert.Equal("gb18030", gb.EncodingName);
        Assert.Equal("utf-8", bom.EncodingName);
        Assert.Equal(bom.Values, gb.Values);
        Assert.Equal("北京统计年鉴", gb.Values.First().Source);
    }

    [Fact]
    public void Parse_TabAndSemicolonDelimitersAreDetected()
    {
        Assert.Equal(2, Parse(CsvFile.Utf8("city\todi\tconsulates", "beijing\t4\t1")).Values.Count());
        Assert.Equal(2, Parse(CsvFile.Utf8("city;odi;consulates", "beijing;4;1")).Values.Count());
    }

    [Fact]
    public void Parse_RowNumbersCountPhysicalLinesAcrossQuotedLineBreaks()
    {
        var result = Parse(CsvFile.Utf8("city,odi,source", "beijing,4,\"two", "lines\"", "", "shanghai,x,ok"));

        Assert.Equal(5, SingleError(result, MessageKey.NotANumber).Row);
    }

    [Fact]
    public void Parse_PerIndicatorSourceColumnOverridesRowSource()
    {
        var result = Parse(CsvFile.Utf8("city,odi,consulates,source,source:odi", "beijing,4,1,yearbook,MOFCOM"));

        Assert.True(result.IsValid);
        Assert.Equal(["MOFCOM", "yearbook"], result.Values.Select(v => v.Source));
    }

    [Fact]
    public void Parse_SourceColumnForAbsentIndicatorIsError() =>
        SingleError(Parse(CsvFile.Utf8("city,odi,source:consulates", "beijing,4,x")), MessageKey.SourceForUnknownIndicator);

    [Fact]
    public void Parse_TooManyRowsIsError()
    {
        var result = Parser.Parse(CsvFile.Utf8("city,odi", "beijing,1", "shanghai,2", "tianjin,3"), 2020, maxRows: 2);

        SingleError(result, MessageKey.TooManyRows);
    }

    [Fact]
    public void Parse_EveryErrorIsReportedNotJustTheFirst()
    {
        var result = Parse(CsvFile.Utf8("city,odi,consulates", "Gotham,x,-1", "beijing,1,2", "beijing,y,3"));

        Assert.Equal(
            [MessageKey.UnknownCity, MessageKey.NotANumber, MessageKey.Negative, MessageKey.DuplicateCity, MessageKey.NotANumber],
            result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("１２３", 123)]
    [InlineData("\"１，２３４\"", 1234)]
    [InlineData("１，２３４", 1234)]
    [InlineData("１２．５", 12.5)]
    [InlineData("12．5", 12.5)]
    [InlineData("＋７", 7)]
    [InlineData("１ｅ３", 1000)]
    public void Parse_FullWidthDigitsAndSeparatorsInANumericCellAreRead(string cell, double expected)
    {
        var result = Parse(CsvFile.Utf8("city,passports", $"beijing,{cell}"));

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal(expected, Assert.Single(result.Values).Value);
    }

    [Theory]
    [InlineData("ＮＡ")]
    [InlineData("－")]
    public void Parse_FullWidthMissingTokensAreMissing(string cell)
    {
        var result = Parse(CsvFile.Utf8("city,consulates,intl_orgs", $"beijing,{cell},2"));

        Assert.True(result.IsValid);
        Assert.Equal("intl_orgs", Assert.Single(result.Values).IndicatorCode);
    }

    [Fact]
    public void Parse_FullWidthMinusIsStillNegative() =>
        Assert.Equal("－５", SingleError(Parse(CsvFile.Utf8("city,odi", "beijing,－５")), MessageKey.Negative).Value);

    [Theory]
    [InlineData("10²")]
    [InlineData("①")]
    [InlineData("½")]
    public void Parse_OtherCompatibilityCharactersAreNotNumbers(string cell)
    {
        // NFKC would read these as 102, 1 and 1⁄2: only the full-width forms are normalised, so they stay errors.
        Assert.Equal(cell, SingleError(Parse(CsvFile.Utf8("city,odi", $"beijing,{cell}")), MessageKey.NotANumber).Value);
    }

    [Fact]
    public void Parse_FullWidthYearIsRead()
    {
        var result = Parse(CsvFile.Utf8("city,year,odi", "beijing,２０２１,4"), year: null);

        Assert.True(result.IsValid);
        Assert.Equal(2021, result.Year);
    }

    [Fact]
    public void Parse_FullWidthTextOutsideNumericCellsIsKeptAsWritten()
    {
        var result = Parse(CsvFile.Utf8("city,odi,source", "beijing,１２,统计年鉴（２０１７）第１２页"));

        Assert.True(result.IsValid);
        Assert.Equal(new ParsedValue("beijing", "odi", 12, "统计年鉴（２０１７）第１２页"), Assert.Single(result.Values));
    }

    [Fact]
    public void Parse_EachNumericCellReadFromFullWidthCharactersIsANotice()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var result = Parse(CsvFile.Utf8("city,year,odi,passports,source", "beijing,２０２０,\"１，２３４\",5,统计（２０１７）", "上海,2020,ＮＡ,６,"), year: null);

            Assert.True(result.IsValid);
            Assert.Equal(
                [(2, "year", "２０２０"), (2, "odi", "１，２３４"), (3, "odi", "ＮＡ"), (3, "passports", "６")],
                result.Notices.Select(n => (n.Row, n.Column!, n.Value!)));
            Assert.All(result.Notices, n => Assert.Equal(MessageKey.FullWidthNormalised, n.Code));
            Assert.Equal("'１，２３４' is written in full-width characters; read as 1,234.", result.Notices[1].Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Parse_AFullWidthCellThatIsStillNoNumberIsAnErrorNotANotice()
    {
        var result = Parse(CsvFile.Utf8("city,odi", "beijing,１２ａ"));

        Assert.Equal("１２ａ", SingleError(result, MessageKey.NotANumber).Value);
        Assert.Empty(result.Notices);
    }

    [Fact]
    public void Parse_AnAsciiFileHasNoNotices() =>
        Assert.Empty(Parse(CsvFile.Utf8("city,year,odi,source", "beijing,2020,\"1,234\",（全角括号）")).Notices);

    [Fact]
    public void Parse_RowSourceIsKeptOnTheRowAsWellAsOnEachCell()
    {
        var row = Assert.Single(Parse(CsvFile.Utf8("city,odi,consulates,source,source:odi", "beijing,4,1,yearbook,MOFCOM")).Rows);

        Assert.Equal("yearbook", row.Source);
        Assert.Equal(["MOFCOM", "yearbook"], row.Cells.Select(c => c.Source));
    }

    [Fact]
    public void Parse_MessagesFollowTheUiCulture()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var zh = SingleError(Parse(CsvFile.Utf8("city,odi", "Gotham,1")), MessageKey.UnknownCity).Message;
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var en = SingleError(Parse(CsvFile.Utf8("city,odi", "Gotham,1")), MessageKey.UnknownCity).Message;

            Assert.Contains("未知城市", zh, StringComparison.Ordinal);
            Assert.Contains("Unknown city", en, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
