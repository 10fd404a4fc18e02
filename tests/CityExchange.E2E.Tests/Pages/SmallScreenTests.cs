using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests.Pages;

/// <summary>
/// What a reader must reach on a small screen (375 px) is on the screen, measured by element boxes
/// (<see cref="Viewport"/>), not by eye; and at 1280 px the signed-in header fits on one row.
/// </summary>
[Collection(AuditTestGroup.Name)]
public sealed class SmallScreenTests(BrowserFixture browser)
{
    private const int Narrow = 375;

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task CityWhatIf_At375Pixels_EveryInputAndItsIndicatorAreOnTheScreen(string culture)
    {
        await using var session = await browser.OpenAsync($"small-whatif-{culture}", Narrow, 812, culture);
        await session.GotoAsync($"/Cities/chengdu?year=2016&culture={culture}");
        await session.Page.Locator("[data-whatif] input[data-indicator]").First.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync();

        Assert.Equal(17, (await session.BoxesAsync("[data-whatif] input[data-indicator]")).Count);
        await session.AssertInViewportAsync("[data-whatif] input[data-indicator]");
        await session.AssertInViewportAsync("[data-whatif] label[for^='wi-']");
        await session.AssertInViewportAsync("[data-whatif] button[type=submit]");
        await session.AssertFitsViewportWidthAsync();
        session.AssertClean();
    }

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AdminUsers_At375Pixels_EveryColumnIsOnTheScreenAndTheAddressesAreNotCrushed(string culture)
    {
        await using var session = await browser.OpenAsAdminAsync($"small-admin-users-{culture}", Narrow, 812);
        await session.GotoAsync($"/Admin/Users?culture={culture}");
        await session.ScreenshotAsync(fullPage: true);

        await session.AssertInViewportAsync("table.users tbody td");
        await session.AssertInViewportAsync("table.users tbody button");
        // An address is broken at most once or twice, never letter by letter: its cell is most of the screen wide.
        Assert.All(await session.BoxesAsync("table.users tbody td:first-child"), b => Assert.True(b.Width >= 200, $"{b} is too narrow"));
        await session.AssertFitsViewportWidthAsync();
        session.AssertClean();
    }

    [SkippableTheory]
    [InlineData(Narrow, "en")]
    [InlineData(Narrow, "zh-CN")]
    [InlineData(1280, "en")]
    public async Task Dendrogram_IsNotClipped_EveryLeafAndTheWholeTreeOnTheScreen(int width, string culture)
    {
        await using var session = await browser.OpenAsync($"small-dendrogram-{width}-{culture}", width, 900, culture);
        await session.GotoAsync($"/Analysis/Clusters?year=2013&culture={culture}");
        await session.Page.Locator("figure.dendrogram").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync();

        await session.AssertInViewportAsync("figure.dendrogram svg");
        Assert.Equal(46, (await session.BoxesAsync("figure.dendrogram svg text.leaf")).Count);
        await session.AssertInViewportAsync("figure.dendrogram svg text.leaf");
        await session.AssertInViewportAsync("figure.dendrogram svg text.tick");
        // Readable: a leaf's name is drawn at least 10 px high.
        Assert.All(await session.BoxesAsync("figure.dendrogram svg text.leaf"), b => Assert.True(b.Height >= 10, $"{b} is too small to read"));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task Header_At1280PixelsInEnglishSignedInAsAdmin_FitsOnOneRow()
    {
        await using var session = await browser.OpenAsAdminAsync("header-admin-1280-en");
        await session.GotoAsync("/?culture=en");
        await session.ScreenshotAsync();

        Assert.Equal(8, (await session.BoxesAsync(".site-nav li")).Count);
        await session.AssertOnOneRowAsync(".site-header .brand, .site-nav li, .header-tools .lang-switch, .header-tools form");
        await session.AssertInViewportAsync(".site-header .brand, .site-nav li, .header-tools > *");
        session.AssertClean();
    }
}
