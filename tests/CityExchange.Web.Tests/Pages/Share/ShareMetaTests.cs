using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Pages.Share;

/// <summary>Open Graph and Twitter card metadata: on every main page, in the reader's language; absolute URLs only from Site:PublicUrl.</summary>
[Collection(WebTestGroup.Name)]
public sealed partial class ShareMetaTests(CityExchangeFactory factory)
{
    private const string PublicUrl = "https://index.example.org/cityexchange";

    public static TheoryData<string> MainPages =>
    [
        "/", "/Rankings", "/Cities/beijing", "/Compare?a=beijing&b=shanghai", "/Analysis", "/Explore", "/Methodology", "/data", "/Account/Login",
    ];

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task EveryMainPage_HasOpenGraphAndTwitterMetadata_InTheReadersLanguage(string page)
    {
        var zh = Dom.Parse(await PageHtml.GetOkAsync(factory, page, "zh-CN"));
        var en = Dom.Parse(await PageHtml.GetOkAsync(factory, page, "en"));

        Assert.Matches(Cjk(), Meta(zh, "og:title"));
        Assert.Matches(Cjk(), Meta(zh, "og:description"));
        Assert.Equal("城市对外交往活力指数", Meta(zh, "og:site_name"));
        Assert.Equal("zh_CN", Meta(zh, "og:locale"));
        Assert.Equal("en_US", Meta(zh, "og:locale:alternate"));
        Assert.DoesNotMatch(Cjk(), Meta(en, "og:title"));
        Assert.Matches("[A-Za-z]{3}", Meta(en, "og:title"));
        Assert.DoesNotMatch(Cjk(), Meta(en, "og:description"));
        Assert.Equal("City International Exchange Vitality Index", Meta(en, "og:site_name"));
        Assert.Equal("en_US", Meta(en, "og:locale"));
        Assert.Equal("website", Meta(en, "og:type"));
        // Without Site:PublicUrl there is no absolute URL to give: no og:url, no image, the small card.
        foreach (var document in new[] { zh, en })
        {
            Assert.Equal("summary", Meta(document, "twitter:card"));
            Assert.Null(document.QuerySelector("meta[property='og:url']"));
            Assert.Null(document.QuerySelector("meta[property='og:image']"));
            Assert.Null(document.QuerySelector("meta[name='twitter:image']"));
        }
    }

    [Fact]
    public async Task CityPage_DescribesTheCityInBothLanguages()
    {
        var zh = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Cities/beijing?year=2013", "zh-CN"));
        var en = Dom.Parse(await PageHtml.GetOkAsync(factory, "/Cities/beijing?year=2013", "en"));

        Assert.Equal("北京 在 2013 年 46 个城市中排名第 1，综合得分 93.9。", Meta(zh, "og:description"));
        Assert.Equal("Beijing ranks 1 of 46 cities in 2013, with an overall score of 93.9.", Meta(en, "og:description"));
        Assert.Equal("Beijing ranks 1 of 46 cities in 2013, with an overall score of 93.9.", Meta(en, "twitter:description"));
    }

    [Fact]
    public async Task WithPublicUrl_UrlsAndImagesAreAbsoluteFromIt_AndAForgedHostChangesNothing()
    {
        using var site = factory.WithWebHostBuilder(builder => builder.UseSetting("Site:PublicUrl", PublicUrl + "/"));
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Host = "attacker.example";

        var city = await client.GetStringAsync(new Uri("/Cities/beijing?year=2013&culture=en", UriKind.Relative));
        var compare = await client.GetStringAsync(new Uri("/Compare?a=beijing&b=shanghai&year=2013&culture=zh-CN", UriKind.Relative));
        var overview = await client.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));

        var cityDocument = Dom.Parse(city);
        Assert.Equal("https://index.example.org/cityexchange/Cities/beijing?year=2013&culture=en", Meta(cityDocument, "og:url"));
        Assert.Equal("https://index.example.org/cityexchange/Cities/beijing/card.png?year=2013&culture=en", Meta(cityDocument, "og:image"));
        Assert.Equal("https://index.example.org/cityexchange/Cities/beijing/card.png?year=2013&culture=en", Meta(cityDocument, "twitter:image"));
        Assert.Equal("summary_large_image", Meta(cityDocument, "twitter:card"));
        var compareDocument = Dom.Parse(compare);
        Assert.Equal("https://index.example.org/cityexchange/Compare/card.png?year=2013&a=beijing&b=shanghai&culture=zh-CN", Meta(compareDocument, "og:image"));
        // The comparison's shareable link, too.
        Assert.Equal("https://index.example.org/cityexchange/Compare?a=beijing&b=shanghai&year=2013",
            compareDocument.QuerySelector("p.share a")?.GetAttribute("href"));
        // Pages without a card of their own share the site's.
        Assert.Equal("https://index.example.org/cityexchange/card.png?culture=en", Meta(Dom.Parse(overview), "og:image"));
        // (The city page's older "cite as" line, outside the head, is another feature's to move to PublicUrls.)
        foreach (var html in new[] { city, compare, overview })
        {
            Assert.DoesNotContain("attacker.example", Dom.Parse(html).Head!.OuterHtml, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("attacker.example", compare, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPublicUrl_TheComparisonLinkIsRelative_NeverFromTheHostHeader()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Host = "attacker.example";

        var html = await client.GetStringAsync(new Uri("/Compare?a=beijing&b=shanghai&year=2013&culture=en", UriKind.Relative));

        Assert.Equal("/Compare?a=beijing&b=shanghai&year=2013", Dom.Parse(html).QuerySelector("p.share a")?.GetAttribute("href"));
        Assert.DoesNotContain("attacker.example", html, StringComparison.Ordinal);
    }

    private static string Meta(IDocument document, string name) =>
        (document.QuerySelector($"meta[property='{name}']") ?? document.QuerySelector($"meta[name='{name}']"))?.GetAttribute("content")
        ?? throw new Xunit.Sdk.XunitException($"no {name}");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
