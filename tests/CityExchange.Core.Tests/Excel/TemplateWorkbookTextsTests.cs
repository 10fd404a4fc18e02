using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Tests.Excel;

public sealed partial class TemplateWorkbookTextsTests
{
    private static readonly ResourceManager Texts = new("CityExchange.Core.Resources.WorkbookTexts", typeof(WorkbookTexts).Assembly);

    public static TheoryData<string> Keys =>
        [.. typeof(WorkbookTexts).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryTextHasAnEnglishAndAChineseVersionWithTheSamePlaceholders(string key)
    {
        var en = Texts.GetString(key, CultureInfo.InvariantCulture);
        var zh = Texts.GetString(key, new CultureInfo("zh-CN"));

        Assert.False(string.IsNullOrEmpty(en), $"{key}: no English text");
        Assert.NotEqual(en, zh); // the zh-CN resource falls back to English when the key is missing there
        Assert.Equal(Placeholders(en!), Placeholders(zh!));
    }

    [Fact]
    public void TextsAreLookedUpInTheWorkbooksCultureNotTheThreads()
    {
        using var _ = Builders.UiCulture.Use("en");

        Assert.Equal("指标", WorkbookTexts.Get(WorkbookTexts.TemplateDataSheet, new CultureInfo("zh-CN")));
        Assert.Equal("indicators", WorkbookTexts.Get(WorkbookTexts.TemplateDataSheet, CultureInfo.InvariantCulture));
    }

    private static List<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
