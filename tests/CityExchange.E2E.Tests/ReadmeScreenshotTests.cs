using CityExchange.E2E.Tests.Infrastructure;

namespace CityExchange.E2E.Tests;

/// <summary>
/// The README's screenshots: the main pages at 1280×900 in English, on fixed years, saved to screenshots/readme/.
/// <c>scripts/screenshots.sh</c> runs just these (<c>--filter Category=Screenshots</c>) and copies them to docs/screenshots/.
/// </summary>
[Collection(AuditTestGroup.Name)]
[Trait("Category", "Screenshots")]
public sealed class ReadmeScreenshotTests(BrowserFixture browser)
{
    public static TheoryData<string, string, int> Pages() => new()
    {
        { "overview", "/?year=2013&culture=en", 1 },
        { "rankings", "/Rankings?year=2013&culture=en", 1 },
        { "rankings-zh", "/Rankings?year=2013&culture=zh-CN", 1 },
        { "map", "/Embed/Map?year=2013&culture=en", 1 },
        { "city", "/Cities/chengdu?year=2016&culture=en", 2 },
        { "compare", "/Compare?a=shanghai&b=guangzhou&year=2016&culture=en", 3 },
        { "explore", "/Explore?year=2016&culture=en", 0 },
        { "analysis-clusters", "/Analysis/Clusters?year=2013&culture=en", 1 },
    };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task ReadmeScreenshot_ShowsTheDrawnPage(string name, string path, int charts)
    {
        BrowserRequirement.EnsureAvailable();
        var route = path.Split('?')[0];
        Skip.If(await browser.StatusOfAsync(route) == 404, $"{route} is not in this build yet (404).");
        await using var session = await browser.OpenAsync($"readme-{name}", locale: name.EndsWith("-zh", StringComparison.Ordinal) ? "zh-CN" : "en");

        var response = await session.GotoAsync(path);

        Assert.Equal(200, response.Status);
        await session.AssertChartsDrawnAsync(charts);
        session.AssertClean();
        await session.ScreenshotAsync($"readme/{name}");
    }
}
