using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader who only clicks (issue 13): from the overview to a city, to the rankings, to another city, to compare, and
/// through the header's navigation. Only the first page of each flow is typed; every other page is reached by a link
/// or a button, and what the reader then sees is checked.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class NavigationFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task OverviewToCityToRankingsToCityToCompare_EveryStepByClicking()
    {
        await using var session = await browser.OpenAsync("navigation-click-through", locale: "en");
        var page = session.Page;
        await session.GotoAsync("/?culture=en");
        var year = (await page.InnerTextAsync("h1 .year-tag")).Trim();
        var ranking = await browser.GetJsonAsync($"/api/rankings/{year}");
        var cities = ranking.GetProperty("cities").EnumerateArray().ToList();
        // A published year's first card says where the report ranked the city; a computed year's, where the index does.
        // Which year is latest depends on what the suite's other tests have uploaded by then.
        var published = ranking.GetProperty("method").GetString() == "published";
        async Task AssertRankCardAsync(JsonElement city)
        {
            var card = page.Locator(".cards .card").First;
            if (published)
            {
                Assert.Equal("Rank in the report", (await card.Locator("h2").InnerTextAsync()).Trim());
                Assert.Equal($"{city.GetProperty("publishedRank").GetInt32()} of {cities.Count}", (await card.Locator(".stat").InnerTextAsync()).Trim());
            }
            else
            {
                Assert.Contains($"Rank {city.GetProperty("rank").GetInt32()} of {cities.Count}", await card.InnerTextAsync(), StringComparison.Ordinal);
            }
        }


        // Overview → the city ranked first in the top 10 (the second one is chosen on the compare page below).
        var top = page.Locator("#top-heading ~ .table-wrap table.ranking tbody tr");
        var first = top.First;
        var firstName = (await first.Locator("th a").InnerTextAsync()).Trim();
        var secondName = (await top.Nth(1).Locator("th a").InnerTextAsync()).Trim();
        var second = cities.Single(c => c.GetProperty("nameEn").GetString() == secondName).GetProperty("code").GetString()!;
        await session.ClickToAsync(first.Locator("th a"), "/Cities/");
        var leader = cities.Single(c => c.GetProperty("nameEn").GetString() == firstName);
        Assert.Equal($"/Cities/{leader.GetProperty("code").GetString()}", new Uri(page.Url).AbsolutePath);
        Assert.StartsWith(firstName, (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal(year, (await page.InnerTextAsync("h1 .year-tag")).Trim());
        await AssertRankCardAsync(leader);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        // City → back to the rankings of the same year.
        await session.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Back to the rankings" }), "/Rankings");
        Assert.Equal($"Rankings {year}", (await page.InnerTextAsync("h1")).Trim());

        // Rankings → the city in the fifth row.
        var fifth = page.Locator("#ranking-table tbody tr[data-city]").Nth(4);
        var code = await fifth.GetAttributeAsync("data-city");
        var name = (await fifth.Locator("th a").InnerTextAsync()).Trim();
        await session.ClickToAsync(fifth.Locator("th a"), $"/Cities/{code}");
        Assert.StartsWith(name, (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        await AssertRankCardAsync(cities.Single(c => c.GetProperty("code").GetString() == code));

        // City → compare (it opens against the best-ranked other city), then choose another city as a reader does:
        // typing its name in the picker.
        await session.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Compare with another city" }), "/Compare");
        Assert.Equal(name, await page.InputValueAsync("#pick-a"));
        Assert.Equal(firstName, await page.InputValueAsync("#pick-b"));
        await page.FillAsync("#pick-b", secondName);
        await session.ClickToAsync(page.Locator("form.compare-pickers button[type=submit]"), "/Compare", $"b={second}");
        Assert.Equal($"Compare {name} and {secondName} {year}", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal([name, secondName], await session.TextsAsync(".versus h2 a"));
        await session.AssertChartsDrawnAsync(3);
        await session.ScreenshotAsync();

        // And from the comparison, each city's name opens its profile again.
        await session.ClickToAsync(page.Locator(".versus .side-b h2 a"), $"/Cities/{second}");
        Assert.StartsWith(secondName, (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal(year, (await page.InnerTextAsync("h1 .year-tag")).Trim());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task InChinese_ACityClickedOnTheRankingsOpensItsProfileInThatYearStillInChinese()
    {
        await using var session = await browser.OpenAsync("navigation-zh");
        var page = session.Page;
        await session.GotoAsync("/");
        await session.ClickToAsync(page.Locator(".site-nav a[href='/Rankings']"), "/Rankings");

        // Another year, chosen in the form.
        await page.SelectOptionAsync("#f-year", "2015");
        await session.ClickToAsync(page.Locator("form.filters button[type=submit]"), "/Rankings", "year=2015");
        var row = page.Locator("#ranking-table tbody tr[data-city='wuhan']");
        await session.ClickToAsync(row.Locator("th a"), "/Cities/wuhan");

        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.StartsWith("武汉", (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal("2015", (await page.InnerTextAsync("h1 .year-tag")).Trim());

        // Its rank history: another year of the same city is one click away.
        await session.ClickToAsync(page.Locator("table.rank-history tbody th a", new() { HasText = "2014" }), "/Cities/wuhan", "year=2014");
        Assert.Equal("2014", (await page.InnerTextAsync("h1 .year-tag")).Trim());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task HeaderAndFooterLinks_EachOpenTheirPageMarkedCurrent()
    {
        await using var session = await browser.OpenAsync("navigation-header", locale: "en");
        var page = session.Page;
        await session.GotoAsync("/?culture=en");
        var links = await page.Locator(".site-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["/", "/Rankings", "/Compare", "/Analysis", "/Explore", "/Methodology"], links);

        foreach (var href in links.Reverse())
        {
            await session.ClickToAsync(page.Locator($".site-nav a[href='{href}']"), href);
            Assert.Equal(href, new Uri(page.Url).AbsolutePath);
            Assert.Equal("page", await page.GetAttributeAsync($".site-nav a[href='{href}']", "aria-current"));
            Assert.True(await page.Locator("main h1").IsVisibleAsync(), $"{href} shows its heading");
        }

        await session.ClickToAsync(page.Locator(".site-footer a[href='/Methodology']"), "/Methodology");
        await session.ClickToAsync(page.Locator(".site-footer a[href='/data']"), "/data");
        Assert.Equal("The whole dataset", (await page.InnerTextAsync("main h1")).Trim());
        await session.ClickToAsync(page.Locator(".site-header .brand"), "/");
        await session.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }), "/Account/Login");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task ExploreRanking_RedrawnByTheScript_StillLinksEachCityToItsProfileInThatMethod()
    {
        BrowserRequirement.EnsureAvailable();
        Skip.If(await browser.StatusOfAsync("/Explore") == 404, "/Explore is not in this build yet (404).");
        await using var session = await browser.OpenAsync("navigation-explore", locale: "en");
        var page = session.Page;
        await session.GotoAsync("/Explore?year=2016&culture=en");

        // Rank scores instead of min–max: the script redraws the table from the API.
        await page.SelectOptionAsync("#explore-method", "rank");
        await page.WaitForFunctionAsync("() => document.querySelector('#explore-rows a')?.getAttribute('href').includes('method=rank')");
        var link = page.Locator("#explore-rows tr[data-city='chengdu'] a");
        Assert.Equal("/Cities/chengdu?year=2016&method=rank", await link.GetAttributeAsync("href"));

        await session.ClickToAsync(link, "/Cities/chengdu");
        Assert.StartsWith("Chengdu", (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        Assert.Equal("rank", await page.InputValueAsync("#method-city"));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task DendrogramLeaf_OpensTheCitysProfile()
    {
        await using var session = await browser.OpenAsync("navigation-dendrogram", locale: "en");
        var page = session.Page;
        await session.GotoAsync("/Analysis?culture=en");
        await session.ClickToAsync(page.Locator("main .cards h2 a[href='/Analysis/Clusters']"), "/Analysis/Clusters");

        var leaf = page.Locator("figure.dendrogram svg a", new() { Has = page.Locator("text.leaf", new() { HasTextRegex = LeafName() }) }).First;
        var name = (await leaf.TextContentAsync())!.Trim();
        await session.ClickToAsync(leaf, "/Cities/");
        Assert.StartsWith(name, (await page.InnerTextAsync("h1")).Trim(), StringComparison.Ordinal);
        session.AssertClean();
    }

    [GeneratedRegex("^Shanghai$")]
    private static partial Regex LeafName();
}
