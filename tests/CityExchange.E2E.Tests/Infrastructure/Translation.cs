using System.Text.RegularExpressions;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// That a page is wholly in its language: in Chinese it shows none of the English interface strings (the keys of the
/// .zh-CN.resx files, <see cref="UiStrings"/>); in English it shows no Chinese outside text marked <c>lang="zh-CN"</c>.
/// </summary>
public static partial class Translation
{
    public static async Task AssertCompleteAsync(BrowserSession session, string culture)
    {
        var texts = await session.TextInPageLanguageAsync();
        if (culture.StartsWith("zh", StringComparison.Ordinal))
        {
            var english = UiStrings.EnglishFragmentsIn(texts);
            Assert.True(english.Count == 0, $"Untranslated on {session.Page.Url}: {string.Join(" | ", english)}");
        }
        else
        {
            var chinese = texts.Where(t => Han().IsMatch(t)).Distinct().ToList();
            Assert.True(chinese.Count == 0, $"Chinese text not marked lang=\"zh-CN\" on {session.Page.Url}: {string.Join(" | ", chinese.Take(20))}");
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
