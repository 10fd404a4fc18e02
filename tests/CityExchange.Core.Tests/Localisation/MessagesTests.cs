using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Tests.Localisation;

public sealed partial class MessagesTests
{
    private static readonly ResourceManager Templates = new("CityExchange.Core.Resources.Messages", typeof(MessageKey).Assembly);

    public static TheoryData<string> Keys =>
        [.. typeof(MessageKey).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKeyHasAnEnglishAndAChineseTemplateWithTheSamePlaceholders(string key)
    {
        var en = Templates.GetString(key, CultureInfo.InvariantCulture);
        var zh = Templates.GetString(key, new CultureInfo("zh-CN"));

        Assert.False(string.IsNullOrEmpty(en), $"{key}: no English template");
        Assert.NotEqual(en, zh); // the zh-CN resource falls back to English when the key is missing there
        Assert.Equal(Placeholders(en!), Placeholders(zh!));
    }

    private static List<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
