using CityExchange.E2E.Tests.Infrastructure;
using SkiaSharp;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>A city page shared on social media: its og:image is a server-drawn card of the right size.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ShareCardFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task CityPage_OgImage_IsA1200x630Png()
    {
        await using var session = await browser.OpenAsync("share-card");
        await session.GotoAsync("/Cities/chengdu?year=2013&culture=en");

        var image = await session.Page.GetAttributeAsync("meta[property='og:image']", "content");

        Assert.Equal($"{browser.App.BaseUrl}/Cities/chengdu/card.png?year=2013&culture=en", image);
        var response = await session.Page.APIRequest.GetAsync(image!);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        using var bitmap = SKBitmap.Decode(await response.BodyAsync());
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(630, bitmap.Height);
        session.AssertClean();
    }
}
