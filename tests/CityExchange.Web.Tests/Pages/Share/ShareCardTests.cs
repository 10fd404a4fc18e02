using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Compare;
using CityExchange.Web.Pages.Share;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CityExchange.Web.Tests.Pages.Share;

/// <summary>The share card PNGs: size, language, demo flag, caching, 404s, and the card drawn without a CJK font.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class ShareCardTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("/Cities/beijing/card.png?year=2013")]
    [InlineData("/Compare/card.png?a=beijing&b=shanghai&year=2016")]
    [InlineData("/card.png")]
    public async Task Card_IsA1200x630Png_ThatDiffersBetweenChineseAndEnglish(string url)
    {
        using var client = Client(factory);

        var zh = await PngAsync(client, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=zh-CN");
        var en = await PngAsync(client, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en");

        Assert.NotEqual(zh, en);
    }

    [Fact]
    public async Task CityCard_SaysNameRankScoreDomainsYearAndMethod_InTheReadersLanguage()
    {
        var zh = await CardAsync(factory.Services, "zh-CN", cards => cards.CityAsync("beijing", new CityQuery(2013), default));
        var en = await CardAsync(factory.Services, "en", cards => cards.CityAsync("beijing", new CityQuery(2013), default));

        Assert.True(zh.Chinese);
        Assert.Equal("北京", zh.Heading);
        Assert.Equal("2013 · 报告公布的得分", zh.Subtitle);
        Assert.Equal("第 1 名（共 46 个城市）· 综合得分 93.9", Assert.Single(zh.Columns).Stats);
        Assert.Equal(["社会领域", "文化领域", "经贸领域", "政治领域"], zh.Columns[0].Bars.Select(b => b.Label));
        Assert.Null(zh.DemoFlag);
        Assert.Equal("Beijing", en.Heading);
        Assert.Equal("2013 · scores as published", en.Subtitle);
        Assert.Equal("Rank 1 of 46 · overall score 93.9", en.Columns[0].Stats);
        Assert.Equal(["Social", "Culture", "Trade", "Politics"], en.Columns[0].Bars.Select(b => b.Label));
        Assert.Equal(["93.5", "98.5", "84.8", "98.9"], en.Columns[0].Bars.Select(b => b.Value));
        Assert.Equal(["#0072B2", "#E69F00", "#009E73", "#CC79A7"], en.Columns[0].Bars.Select(b => b.Colour));
        Assert.Equal("City International Exchange Vitality Index", en.SiteName);
    }

    [Fact]
    public async Task CompareCard_OnADemoYear_CarriesTheDemoFlag_AndBothCities()
    {
        var zh = await CardAsync(factory.Services, "zh-CN", cards => cards.CompareAsync(new CompareQuery("beijing", "chengdu", 2016), default));
        var en = await CardAsync(factory.Services, "en", cards => cards.CompareAsync(new CompareQuery("beijing", "chengdu", 2016), default));

        Assert.Equal("演示数据（合成）", zh.DemoFlag);
        Assert.Contains("演示数据（合成）", zh.Texts);
        Assert.Equal("Demo data (synthetic)", en.DemoFlag);
        Assert.Equal("Beijing and Chengdu", en.Heading);
        Assert.Equal(["Beijing", "Chengdu"], en.Columns.Select(c => c.Name));
        Assert.All(en.Columns, c => Assert.Equal(4, c.Bars.Count));
        Assert.Equal("2016 · min–max scores", en.Subtitle);
        Assert.Equal(["北京", "成都"], zh.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task CityCard_OfAPublishedYear_HasNoDemoFlag_ButADemoYearDoes()
    {
        var published = await CardAsync(factory.Services, "en", cards => cards.CityAsync("chengdu", new CityQuery(2013), default));
        var demo = await CardAsync(factory.Services, "en", cards => cards.CityAsync("chengdu", new CityQuery(2016), default));

        Assert.Null(published.DemoFlag);
        Assert.Equal("Demo data (synthetic)", demo.DemoFlag);
        Assert.Equal("Demo data (synthetic)", demo.Texts[1]);
    }

    [Fact]
    public async Task SiteCard_NamesTheIndexTheYearAndTheTopThree()
    {
        var en = await CardAsync(factory.Services, "en", cards => cards.SiteAsync(default));

        Assert.Equal("City International Exchange Vitality Index", en.Heading);
        // The card is of the latest stored year, which other tests of the shared database may have written with a
        // few cities: the top three, or every city when there are fewer.
        var subtitle = System.Text.RegularExpressions.Regex.Match(en.Subtitle, @"^(\d{4}): the top (\d) of (\d+) cities$");
        Assert.True(subtitle.Success, en.Subtitle);
        var cities = int.Parse(subtitle.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Min(3, cities), int.Parse(subtitle.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Math.Min(3, cities), en.Columns.Count);
        Assert.All(en.Columns.Select((c, i) => (c, i)), x => Assert.StartsWith($"{x.i + 1}. ", x.c.Name, StringComparison.Ordinal));
        if (subtitle.Groups[1].Value == "2016")
        {
            Assert.Equal("1. Beijing", en.Columns[0].Name);
            Assert.Equal("2. Shanghai", en.Columns[1].Name);
        }
    }

    [Fact]
    public async Task SecondRequest_IsServedFromTheOutputCache_WithTheSameBytes()
    {
        using var client = Client(factory);
        const string url = "/Cities/shanghai/card.png?year=2013&culture=en";

        var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var second = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", second.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/Cities/atlantis/card.png")]
    [InlineData("/Cities/beijing/card.png?year=1999")]
    [InlineData("/Compare/card.png?a=beijing&b=atlantis")]
    [InlineData("/Compare/card.png?a=beijing&b=beijing")]
    public async Task UnknownCityOrYear_Is404(string url)
    {
        using var client = Client(factory);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WithoutACjkFont_TheCardIsDrawnInEnglish_EvenForAChineseReader()
    {
        using var bare = factory.WithWebHostBuilder(builder => builder.UseSetting("Share:CjkFont", "none"));
        using var client = Client(bare);

        var zh = await PngAsync(client, "/Cities/beijing/card.png?year=2013&culture=zh-CN");
        var en = await PngAsync(client, "/Cities/beijing/card.png?year=2013&culture=en");
        var card = await CardAsync(bare.Services, "zh-CN", cards => cards.CityAsync("beijing", new CityQuery(2013), default));

        Assert.False(bare.Services.GetRequiredService<ShareFonts>().HasCjk);
        Assert.Equal(en, zh);
        Assert.False(card.Chinese);
        Assert.Equal("Beijing", card.Heading);
        Assert.All(card.Texts, text => Assert.DoesNotMatch(Cjk(), text));
        // The font drawing it has Latin glyphs (no empty boxes).
        Assert.True(bare.Services.GetRequiredService<ShareFonts>().Regular.ContainsGlyphs("Beijing 93.9"));
    }

    [Fact]
    public void WithTheDebianFont_ChineseIsDrawnInTheSimplifiedChineseFace()
    {
        var fonts = factory.Services.GetRequiredService<ShareFonts>();

        Assert.True(fonts.HasCjk, "fonts-noto-cjk is not installed");
        Assert.Equal("Noto Sans CJK SC", fonts.Regular.FamilyName);
        Assert.True(fonts.Bold.ContainsGlyphs("北京综合得分"));
    }

    private static HttpClient Client(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private static async Task<byte[]> PngAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(630, bitmap.Height);
        return bytes;
    }

    private static async Task<ShareCard> CardAsync(IServiceProvider services, string culture, Func<ShareCards, Task<ShareCard?>> build)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var scope = services.CreateScope();
            return await build(scope.ServiceProvider.GetRequiredService<ShareCards>()) ?? throw new Xunit.Sdk.XunitException("no card");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
