using System.Globalization;
using System.Text.Json;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader uses the city map on the overview: its points are the API's cities at the API's coordinates, hovering or
/// focusing a point names the city with its rank and score, clicking one opens the city, and the caption says it is
/// schematic. Points are found on screen from the chart itself (Chart.getChart), as the reader's pointer would.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CityMapFlowTests(BrowserFixture browser)
{
    private const int Year = 2016;

    private static async Task<ILocator> MapAsync(BrowserSession session)
    {
        await session.GotoAsync($"/?year={Year}&culture=en");
        var map = session.Page.Locator("#city-map");
        await map.ScrollIntoViewIfNeededAsync();
        await session.Page.Locator("#city-map[data-chart-ready='true']").WaitForAsync();
        return map;
    }

    /// <summary>Where the city's point is drawn, in page coordinates.</summary>
    private static async Task<(float X, float Y)> PointOfAsync(BrowserSession session, string code)
    {
        var xy = await session.Page.EvaluateAsync<float[]>(
            @"code => { const canvas = document.getElementById('city-map'); const chart = Chart.getChart(canvas);
                const i = chart.data.datasets[0].data.findIndex(p => p.code === code); const e = chart.getDatasetMeta(0).data[i];
                const r = canvas.getBoundingClientRect(); return [r.left + e.x, r.top + e.y]; }", code);
        return (xy[0], xy[1]);
    }

    [SkippableFact]
    public async Task MapPoints_AreTheApisCitiesAtTheirCoordinates_AndTheCaptionIsVisible()
    {
        await using var session = await browser.OpenAsync("city-map-points");
        var api = await browser.GetJsonAsync("/api/cities?limit=100");
        await MapAsync(session);

        var points = await session.Page.EvaluateAsync<JsonElement>(
            "() => Chart.getChart(document.getElementById('city-map')).data.datasets[0].data.map(p => [p.code, p.latitude, p.longitude])");
        var drawn = points.EnumerateArray().ToDictionary(p => p[0].GetString()!, p => (p[1].GetDouble(), p[2].GetDouble()));
        var cities = api.GetProperty("cities").EnumerateArray().ToList();
        Assert.Equal(46, drawn.Count);
        Assert.Equal(cities.Count, drawn.Count);
        foreach (var city in cities)
        {
            Assert.Equal((city.GetProperty("lat").GetDouble(), city.GetProperty("lon").GetDouble()), drawn[city.GetProperty("code").GetString()!]);
        }

        Assert.True(await session.Page.GetByText("Schematic: city locations only, no boundaries").IsVisibleAsync());
        Assert.True(await session.Page.GetByRole(AriaRole.Link, new() { Name = "GeoNames" }).IsVisibleAsync());
        session.AssertClean();
    }

    [SkippableFact]
    public async Task HoveringOrFocusingAPoint_NamesTheCity_AndClickingItOpensTheCity()
    {
        await using var session = await browser.OpenAsync("city-map-use");
        var rankings = await browser.GetJsonAsync($"/api/rankings/{Year}");
        var urumqi = rankings.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "urumqi");
        var map = await MapAsync(session);

        var (x, y) = await PointOfAsync(session, "urumqi");
        await session.Page.Mouse.MoveAsync(x, y);
        var tooltip = await session.Page.EvaluateAsync<string>(
            "() => { const t = Chart.getChart(document.getElementById('city-map')).tooltip; return t.opacity > 0 ? t.body.map(b => b.lines.join(' ')).join(' ') : ''; }");
        Assert.Equal($"Urumqi: Rank {urumqi.GetProperty("rank").GetInt32()}, Score {Numbers.Score(urumqi.GetProperty("score"))}", tooltip);

        await map.FocusAsync();
        await session.Page.Keyboard.PressAsync("Home");
        await session.Page.Keyboard.PressAsync("ArrowRight");
        var second = rankings.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("rank").GetInt32() == 2);
        var readout = session.Page.Locator("#city-map-readout");
        Assert.StartsWith($"{second.GetProperty("nameEn").GetString()}: Rank 2,", (await readout.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.WaitForURLAsync($"**/Cities/{second.GetProperty("code").GetString()}?year={Year}*");

        await MapAsync(session);
        (x, y) = await PointOfAsync(session, "lhasa");
        await session.Page.Mouse.ClickAsync(x, y);
        await session.Page.WaitForURLAsync($"**/Cities/lhasa?year={Year}*");
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "Lhasa"), await session.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertClean();
    }
}
