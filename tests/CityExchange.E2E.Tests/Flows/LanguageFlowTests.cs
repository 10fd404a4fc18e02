using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// The language switch keeps the view, translates it and is remembered. (That every page is wholly in its language is
/// checked for each page and language by <see cref="Pages.PageAuditTests"/>.)
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LanguageFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task SwitchingToChinese_KeepsTheViewTranslatesItAndIsRemembered()
    {
        await using var session = await browser.OpenAsync("language-switch", locale: "en");
        // The first page of the flow is typed: a ranking in a view of its own (year, domain) to keep across the switch.
        await session.GotoAsync("/Rankings?year=2016&domain=culture&culture=en");
        Assert.Equal("en", await session.Page.GetAttributeAsync("html", "lang"));

        await session.Page.ClickAsync(".lang-switch a[lang='zh-CN']");
        await session.Page.WaitForURLAsync(url => url.Contains("culture=zh-CN", StringComparison.Ordinal));
        await session.ScreenshotAsync();

        Assert.Equal("zh-CN", await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Contains("year=2016", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains("domain=culture", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal("2016 年排名", (await session.Page.InnerTextAsync("h1")).Trim());
        await Translation.AssertCompleteAsync(session, "zh-CN");

        // The choice is remembered: a link without ?culture= leads to a page in Chinese although the browser asks for English.
        await session.Page.ClickAsync(".site-nav a[href='/Methodology']");
        await session.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Methodology");
        await session.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);
        Assert.Equal("zh-CN", await session.Page.GetAttributeAsync("html", "lang"));
        session.AssertClean();
    }
}
