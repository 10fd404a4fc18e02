using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests;

[Collection(BrowserTestGroup.Name)]
public sealed class SmokeTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Overview_RendersCleanlyAndAccessiblyInBothLanguages(string culture)
    {
        await using var session = await browser.OpenAsync($"overview-{culture}");

        var response = await session.GotoAsync($"/?culture={culture}");

        Assert.Equal(200, response.Status);
        Assert.Equal(culture, await session.Page.GetAttributeAsync("html", "lang"));
        await session.ScreenshotAsync();
        session.AssertClean();
        Assert.Empty(await session.SeriousAccessibilityViolationsAsync());
    }
}
