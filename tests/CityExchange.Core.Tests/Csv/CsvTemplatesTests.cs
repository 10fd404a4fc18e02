using System.Text;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

public sealed class CsvTemplatesTests
{
    private static string[] Lines(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static City City(string code) => new(code, "甲", "A", "省", "P", "华东", "East", "other", null, null);

    [Fact]
    public void IndicatorTemplate_PrefillsValuesAsNumbersAndLeavesTheRestBlank()
    {
        var values = new Dictionary<(string, string), double> { [("beijing", "consulates")] = 61.5, [("beijing", "sister_cities")] = 1318437 };

        var lines = Lines(CsvTemplates.IndicatorTemplate(2030, TestData.Framework, [TestData.Cities.First(c => c.Code == "beijing"), City("aaa")], values));

        Assert.Equal("city,year," + string.Join(",", TestData.Framework.Indicators.Select(i => i.Code)) + ",source", lines[0]);
        Assert.StartsWith("aaa,2030,,", lines[1], StringComparison.Ordinal);
        var beijing = lines[2].Split(',');
        Assert.Equal("beijing", beijing[0]);
        Assert.Equal("61.5", beijing[2 + TestData.Framework.IndexOf("consulates")]);
        Assert.Equal("1318437", beijing[2 + TestData.Framework.IndexOf("sister_cities")]);
    }

    [Fact]
    public void IndicatorTemplate_ParsesBackToTheSameValues()
    {
        var values = TestData.Framework.Indicators.Select((i, k) => (i.Code, Value: (k * 12.25) + 0.1)).ToDictionary(x => ("shanghai", x.Code), x => x.Value);
        var bytes = CsvTemplates.IndicatorTemplate(2030, TestData.Framework, TestData.Cities, values);

        var parsed = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(bytes, 2030);

        Assert.True(parsed.IsValid);
        Assert.Equal(values.OrderBy(v => v.Key.Item2, StringComparer.Ordinal).Select(v => v.Value),
            parsed.Values.OrderBy(v => v.IndicatorCode, StringComparer.Ordinal).Select(v => v.Value));
    }

    [Fact]
    public void IndicatorTemplate_EndsWithTheCommentSayingWhereTheValuesComeFromAndStillParses()
    {
        var bytes = CsvTemplates.IndicatorTemplate(2030, TestData.Framework, TestData.Cities, comment: "Prefilled with 2013, \"real\" values\r\nonly");

        var lines = Lines(bytes);
        Assert.Equal(TestData.Cities.Count + 2, lines.Length);
        Assert.Equal("# Prefilled with 2013   real  values  only", lines[^1]);
        var parsed = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(bytes, 2030);
        Assert.DoesNotContain(parsed.Errors, e => e.Code != Resources.MessageKey.NoValues);
        Assert.Equal(TestData.Cities.Count, parsed.Rows.Count);
    }

    [Fact]
    public void IndicatorTemplate_WithoutACommentHasNone()
    {
        var lines = Lines(CsvTemplates.IndicatorTemplate(2030, TestData.Framework, [City("aaa")]));

        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith('#'));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    public void IndicatorDictionary_NeutralisesFormulasInTextColumnsButKeepsPolarityANumber(string unit, string expected)
    {
        var framework = new IndicatorFramework([new Indicator("x1", Domain.Trade, "甲", "A", unit, -1, "定义", "来源", 0)]);

        var lines = Lines(CsvTemplates.IndicatorDictionary(framework));

        Assert.Equal($"x1,trade,经贸领域,Trade,甲,A,{expected},-1,定义,来源", lines[1]);
    }
}
