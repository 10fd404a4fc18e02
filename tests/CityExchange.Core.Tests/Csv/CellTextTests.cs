using System.Text;
using CityExchange.Core.Analysis;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

/// <summary>
/// Control characters are refused in a cell whatever the encoding (one located error), a BOM or zero-width character
/// inside a cell is removed (one located notice), and an invisible character echoed in a message is shown escaped.
/// </summary>
public sealed class CellTextTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static IndicatorCsv Parse(byte[] content) => Parser.Parse(content, 2020);

    private static byte[] Utf16(params string[] lines) => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "\u0001" },
        { "utf-8", "\u001b[31m" },
        { "utf-8", "\u007f" },
        { "utf-8", "\u009b" },
        { "gb18030", "\u0001" },
        { "gb18030", "\u001b[31m" },
        { "gb18030", "\u007f" },
        { "utf-16", "\u001b[31m" },
    };

    private static byte[] Encode(string encoding, params string[] lines) => encoding switch
    {
        "utf-8" => CsvFile.Utf8(lines),
        "gb18030" => CsvFile.Gb18030(lines),
        _ => Utf16(lines),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ControlCharacterInACellIsTheSameLocatedErrorInEveryEncoding(string encoding, string control)
    {
        // The Chinese text makes the GB18030 bytes invalid UTF-8, so that file is read as GB18030.
        var result = Parse(Encode(encoding, "城市,odi,source", $"北京,1,统计年鉴{control}"));

        Assert.Equal(encoding, result.EncodingName);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "source", MessageKey.ControlCharacter), (error.Row, error.Column, error.Code));
        Assert.Equal("统计年鉴" + VisibleText.Escape(control), error.Value);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ControlCharacterMessageNamesTheCharacterEscapedInBothLanguages()
    {
        string Message(string culture)
        {
            using var _ = UiCulture.Use(culture);
            // The rest of the cell, "1[0m", is no number either: that is an error of its own.
            return Assert.Single(Parse(CsvFile.Utf8("city,odi", "beijing,1\u001b[0m")).Errors, e => e.Code == MessageKey.ControlCharacter).Message;
        }

        Assert.Equal("'1<U+001B>[0m' contains a control character (U+001B); control characters are not allowed in a cell.", Message("en"));
        Assert.Equal("“1<U+001B>[0m”含有控制字符（U+001B），单元格中不允许出现控制字符。", Message("zh-CN"));
    }

    [Fact]
    public void ControlCharacterInTheHeaderIsRowOne()
    {
        var error = Assert.Single(Parse(CsvFile.Utf8("ci\u0002ty,odi", "beijing,1")).Errors);

        Assert.Equal((1, MessageKey.ControlCharacter, "ci<U+0002>ty"), (error.Row, error.Code, error.Value));
    }

    [Fact]
    public void TabsAndLineBreaksInAQuotedCellAreText()
    {
        var result = Parse(CsvFile.Utf8("city,odi,source", "beijing,1,\"a\tb", "c\""));

        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => e.Message)));
        Assert.Equal("a\tb\r\nc", Assert.Single(result.Values).Source);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    public void InvisibleCharacterInsideACellIsRemovedWithALocatedNotice(string invisible)
    {
        var result = Parse(CsvFile.Utf8("city,odi", $"北{invisible}京,1{invisible}2"));

        Assert.True(result.IsValid);
        Assert.Equal(new ParsedValue("beijing", "odi", 12, null), Assert.Single(result.Values));
        Assert.Equal(
            [(2, "city", MessageKey.InvisibleCharacterRemoved, $"北{VisibleText.Escape(invisible)}京"), (2, "odi", MessageKey.InvisibleCharacterRemoved, $"1{VisibleText.Escape(invisible)}2")],
            result.Notices.Select(n => (n.Row, n.Column, n.Code, n.Value)));
        Assert.Equal(2, result.NoticeCount);
    }

    [Fact]
    public void InvisibleCharacterNoticeInBothLanguages()
    {
        string Message(string culture)
        {
            using var _ = UiCulture.Use(culture);
            return Assert.Single(Parse(CsvFile.Utf8("city,odi", "beijing,\uFEFF1\u200B2")).Notices).Message;
        }

        Assert.Equal("Invisible characters (U+FEFF, U+200B) removed from '<U+FEFF>1<U+200B>2': read as '12'.", Message("en"));
        Assert.Equal("已删除“<U+FEFF>1<U+200B>2”中的不可见字符（U+FEFF, U+200B），按“12”读取。", Message("zh-CN"));
    }

    [Fact]
    public void ASecondBomBeforeTheHeaderIsRemoved()
    {
        // Two files joined: the first BOM is the encoding's, the second is inside the header's first cell.
        var result = Parse(CsvFile.Utf8Bom("\uFEFFcity,odi", "beijing,1"));

        Assert.True(result.IsValid);
        var notice = Assert.Single(result.Notices);
        Assert.Equal((1, (string?)null, MessageKey.InvisibleCharacterRemoved), (notice.Row, notice.Column, notice.Code));
    }

    [Fact]
    public void InvisibleCharactersAreRemovedInGb18030FilesToo()
    {
        var result = Parse(CsvFile.Gb18030("城市,odi", "北京\u200B,5"));

        Assert.Equal("gb18030", result.EncodingName);
        Assert.Equal("beijing", Assert.Single(result.Values).CityCode);
        Assert.Equal(MessageKey.InvisibleCharacterRemoved, Assert.Single(result.Notices).Code);
    }

    [Fact]
    public void ACellBothRemovedFromAndReadFromFullWidthHasOneNotice()
    {
        var result = Parse(CsvFile.Utf8("city,odi", "beijing,\u200B１２"));

        Assert.Equal(12, Assert.Single(result.Values).Value);
        Assert.Equal(MessageKey.InvisibleCharacterRemoved, Assert.Single(result.Notices).Code);
    }

    [Fact]
    public void NoticesNameEachCellOnce()
    {
        // Even with a repeated column name (an error) no (row, column) has two notices: the preview looks them up by cell.
        var result = Parse(CsvFile.Utf8("city,odi,odi", "beijing,\u200B1,\u200B２"));

        Assert.Equal(result.Notices.Count, result.Notices.Select(n => (n.Row, n.Column)).Distinct().Count());
    }

    [Fact]
    public void AnInvisibleCharacterInACellBeyondTheHeaderIsRemovedToo()
    {
        // Found by the fuzz test: the extra cell of a ragged row has no column.
        var result = Parse(CsvFile.Utf8("city,odi", "beijing,１,\u200Bx"));

        Assert.Equal(MessageKey.RaggedRow, Assert.Single(result.Errors).Code);
        Assert.Equal([(2, (string?)null), (2, "odi")], result.Notices.Select(n => (n.Row, n.Column)));
    }

    [Fact]
    public void OtherFormatCharactersAreKeptButEscapedInMessages()
    {
        using var _ = UiCulture.Use("en");

        var error = Assert.Single(Parse(CsvFile.Utf8("city,odi", "Gotham\u202E,1")).Errors);

        Assert.Equal((MessageKey.UnknownCity, "Gotham<U+202E>"), (error.Code, error.Value));
        Assert.Equal("Unknown city 'Gotham<U+202E>': use a city code, its Chinese name or its English name.", error.Message);
    }

    [Fact]
    public void CityFileRefusesControlCharactersAndRemovesInvisibleOnes()
    {
        const string header = "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south";

        var refused = CityCsvParser.Parse(CsvFile.Utf8(header, "a,甲\u0007,A,省,P,华东,East,other,east,south"));
        var cleaned = CityCsvParser.Parse(CsvFile.Utf8(header, "a,甲\u200B,A,省,P,华东,East,other,east,south"));

        Assert.Equal((2, "name_zh", MessageKey.ControlCharacter), Assert.Single(refused.Errors) is var e ? (e.Row, e.Column, e.Code) : default);
        Assert.Equal("甲", Assert.Single(cleaned.Cities).NameZh);
        Assert.Equal((2, "name_zh", MessageKey.InvisibleCharacterRemoved), Assert.Single(cleaned.Notices) is var n ? (n.Row, n.Column, n.Code) : default);
        Assert.Equal(1, cleaned.NoticeCount);
    }

    [Fact]
    public void CovariateFileRefusesControlCharactersAndRemovesInvisibleOnes()
    {
        var parser = new CovariateCsvParser(TestData.Directory);

        var refused = parser.Parse(CsvFile.Utf8("city,gdp", "beijing,1\u0010"), 2020);
        var cleaned = parser.Parse(CsvFile.Utf8("city,gdp", "beijing\uFEFF,1"), 2020);

        Assert.Equal((2, "gdp", MessageKey.ControlCharacter), Assert.Single(refused.Errors) is var e ? (e.Row, e.Column, e.Code) : default);
        Assert.Equal([new CovariateEntry("beijing", "gdp", 1)], cleaned.Values);
        Assert.Equal((2, "city", MessageKey.InvisibleCharacterRemoved), Assert.Single(cleaned.Notices) is var n ? (n.Row, n.Column, n.Code) : default);
    }
}
