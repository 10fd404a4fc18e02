using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CityExchange.Web.Tests.Pages.Cite;

/// <summary>
/// "Cite this page" on every main page, in both languages, with the page's own address and query; the BibTeX and RIS
/// downloads; the download's path check; absolute addresses from Site:PublicUrl only; and the city page's rank-move
/// sentence against the rank-change API.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed partial class CiteTests(CityExchangeFactory factory)
{
    public static TheoryData<string, string> MainPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "/", "/Rankings?year=2015&sort=name", "/Cities/beijing?year=2016", "/Compare?a=beijing&b=shanghai", "/Methodology", "/data", "/Explore", "/Analysis/Clusters", "/Account/Login" })
        {
            data.Add(page, "zh-CN");
            data.Add(page, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task EveryMainPage_CitesItsOwnAddressAndQuery(string page, string culture)
    {
        var html = await PageHtml.GetOkAsync(factory, page, culture);
        var address = $"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}";

        var cite = Dom.Parse(html).QuerySelector("details#cite-this")!;
        Assert.Equal(culture == "en" ? "Cite this page" : "引用本页", cite.QuerySelector("summary")!.TextContent);
        Assert.EndsWith($"]. {address}.", cite.QuerySelector("#cite-gbt")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(culture == "en" ? $", from {address}" : $", 取自 {address}", cite.QuerySelector("#cite-apa")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(address, Query(Download(cite, "ris"))["path"]);
        Assert.Equal(culture, Query(Download(cite, "bibtex"))["lang"]);
    }

    [Theory]
    [InlineData("en", "Shanghai Institutes for International Studies. City International Exchange Vitality Index: Rankings 2015[EB/OL]. (")]
    [InlineData("zh-CN", "上海国际问题研究院. 城市对外交往活力指数: 2015 年排名[EB/OL]. (")]
    public async Task TheGbTEntry_NamesTheInstituteTheIndexAndThePage(string culture, string start)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2015", culture);

        var text = Dom.Parse(html).QuerySelector("#cite-gbt")!.TextContent;
        Assert.StartsWith(start, text, StringComparison.Ordinal);
        Assert.Matches(@"\(\d{4}-\d{2}-\d{2}\)\[" + Regex.Escape(Today()) + @"\]\. ", text);
    }

    [Fact]
    public async Task TheRisDownload_IsAnElecRecordOfThePage()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Rankings?year=2015", "en");
        var cite = Dom.Parse(html).QuerySelector("details#cite-this")!;

        using var response = await factory.CreateClient().GetAsync(new Uri(Download(cite, "ris"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-research-info-systems", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"cityexchange-rankings-{Today().Replace("-", "", StringComparison.Ordinal)}.ris", response.Content.Headers.ContentDisposition.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\r\nER  - \r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches("^[A-Z][A-Z0-9]  - ", l));
        var tags = lines.ToDictionary(l => l[..2], l => l[6..]);
        Assert.Equal("ELEC", tags["TY"]);
        Assert.Equal("Shanghai Institutes for International Studies", tags["AU"]);
        Assert.Equal("Rankings 2015", tags["TI"]);
        Assert.Equal("/Rankings?year=2015&culture=en", tags["UR"]);
        Assert.Equal(Today().Replace('-', '/'), tags["Y2"]);
        var version = ApaVersion(cite.QuerySelector("#cite-apa")!.TextContent);
        Assert.Equal($"Data version {version}", tags["N1"]);
        Assert.Equal("TY", lines[0][..2]);
    }

    [Fact]
    public async Task TheBibTexDownload_IsAMiscEntryOfThePage_InChinese()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/beijing?year=2016", "zh-CN");
        var cite = Dom.Parse(html).QuerySelector("details#cite-this")!;

        using var response = await factory.CreateClient().GetAsync(new Uri(Download(cite, "bibtex"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"cityexchange-cities-beijing-{Today().Replace("-", "", StringComparison.Ordinal)}.bib", response.Content.Headers.ContentDisposition!.FileName);
        var entry = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("@misc{cityexchange-cities-beijing-", entry, StringComparison.Ordinal);
        var fields = BibField().Matches(entry).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal("{上海国际问题研究院}", fields["author"]);
        Assert.Equal("{北京：城市概况（2016 年）}", fields["title"]);
        Assert.Equal("\\url{/Cities/beijing?year=2016&culture=zh-CN}", fields["howpublished"]);
        Assert.Equal(Today(), fields["urldate"]);
        Assert.Contains($"数据版本 {ApaVersion(cite.QuerySelector("#cite-apa")!.TextContent)}", fields["note"], StringComparison.Ordinal);
        Assert.Equal("chinese", fields["language"]);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("Rankings")]
    [InlineData("/Rankings#top")]
    [InlineData("")]
    public async Task ADownloadOfAnotherSitesAddress_Is400(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri($"/cite?format=ris&title=x&path={Uri.EscapeDataString(path)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ADownload_RefusesATooLongPath_ABadFormat_AndNoTitle()
    {
        var client = factory.CreateClient();
        async Task<HttpStatusCode> Status(string query)
        {
            using var response = await client.GetAsync(new Uri("/cite?" + query, UriKind.Relative));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Status($"format=ris&title=x&path=/{new string('a', 999)}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status($"format=ris&title=x&path=/{new string('a', 1000)}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status("format=pdf&title=x&path=/"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status("format=ris&path=/"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status($"format=ris&path=/&title={new string('t', 201)}"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status("format=ris&path=/&title=x&version=XYZ&updated=2026-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, await Status("format=ris&path=/&title=x&updated=yesterday"));
    }

    [Fact]
    public async Task WithAPublicUrl_AddressesAreAbsolute_AndAForgedHostChangesNothing()
    {
        using var site = factory.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://index.example.org/"));
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Rankings?year=2015&culture=en", UriKind.Relative)));
        var cite = Dom.Parse(html).QuerySelector("details#cite-this")!;
        Assert.EndsWith("]. https://index.example.org/Rankings?year=2015&culture=en.", cite.QuerySelector("#cite-gbt")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", cite.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Site:PublicUrl", cite.QuerySelector("#cite-about")!.TextContent, StringComparison.Ordinal);

        var ris = await client.GetStringAsync(new Uri(Download(cite, "ris"), UriKind.Relative));
        Assert.Contains("\r\nUR  - https://index.example.org/Rankings?year=2015&culture=en\r\n", ris, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", ris, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAPublicUrl_ThePageSaysTheAddressIsRelative()
    {
        var html = await PageHtml.GetOkAsync(factory, "/Methodology", "en");

        Assert.Contains("The address is relative: this site has no public address configured (Site:PublicUrl)", Dom.Parse(html).QuerySelector("#cite-about")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task TheCityPage_SaysWhyTheRankMoved_AsTheRankChangeApiDecomposesIt(string culture)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/chengdu?year=2016", culture);
        var change = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/rankchange/chengdu?from=2015&to=2016");

        var from = change.GetProperty("rankFrom").GetInt32();
        var to = change.GetProperty("rankTo").GetInt32();
        Assert.NotEqual(from, to);
        var sign = to < from ? 1 : -1;
        var domain = change.GetProperty("domains").EnumerateArray().MaxBy(d => d.GetProperty("contribution").GetDouble() * sign);
        var indicator = domain.GetProperty("indicators").EnumerateArray().MaxBy(i => i.GetProperty("contribution").GetDouble() * sign);
        var en = culture == "en";
        var domainName = Names(en)[domain.GetProperty("domain").GetString()!];
        var indicatorName = Names(en)[indicator.GetProperty("indicator").GetString()!];
        var places = Math.Abs(from - to);
        var expected = en
            ? $"{(sign > 0 ? "Up" : "Down")} {places} {(places == 1 ? "place" : "places")} on the previous year, mainly because of {domainName} {Signed(domain)} ({indicatorName} {Signed(indicator)})."
            : $"比上年{(sign > 0 ? "上升" : "下降")} {places} 位，主要因为{domainName} {Signed(domain)}（{indicatorName} {Signed(indicator)}）。";
        Assert.Equal(expected, Dom.Parse(html).QuerySelector("#rank-move")!.TextContent);
    }

    [Theory]
    [InlineData("en", "2013 is the first year with data: there is no earlier rank to compare with.")]
    [InlineData("zh-CN", "2013 年是第一个有数据的年份，没有可比较的上年排名。")]
    public async Task TheCityPage_OfTheFirstYear_SaysThereIsNothingToCompare(string culture, string sentence)
    {
        var html = await PageHtml.GetOkAsync(factory, "/Cities/chengdu?year=2013", culture);

        Assert.Equal(sentence, Dom.Parse(html).QuerySelector("#rank-move")!.TextContent);
    }

    private static string Signed(JsonElement part)
    {
        var value = Math.Round(part.GetProperty("contribution").GetDouble(), 1, MidpointRounding.AwayFromZero);
        return (value > 0 ? "+" : "−") + Math.Abs(value).ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>Domain and indicator names by code, from the bundled framework file (domains as the site names them).</summary>
    private static Dictionary<string, string> Names(bool english)
    {
        var (header, rows) = Csv.ParseTable(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "framework.csv")));
        var names = rows.ToDictionary(r => r[header.IndexOf("code")], r => r[header.IndexOf(english ? "name_en" : "name_zh")], StringComparer.Ordinal);
        foreach (var (code, zh, en) in new[] { ("social", "社会领域", "Social"), ("culture", "文化领域", "Culture"), ("trade", "经贸领域", "Trade"), ("politics", "政治领域", "Politics") })
        {
            names[code] = english ? en : zh;
        }

        return names;
    }

    private static string ApaVersion(string apa) => Regex.Match(apa, @"\((?:Data version|数据版本) ([0-9a-f]{12})\)").Groups[1].Value is { Length: 12 } v ? v : throw new InvalidOperationException(apa);

    private static string Today() => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The address the download form asks for when its <paramref name="format"/> button is pressed.</summary>
    private static string Download(AngleSharp.Dom.IElement cite, string format)
    {
        var form = cite.QuerySelector("form.cite-downloads")!;
        Assert.Equal("/cite", form.GetAttribute("action"));
        Assert.Equal(format, cite.QuerySelector($"#cite-{format}")!.GetAttribute("value"));
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string?>(i.GetAttribute("name")!, i.GetAttribute("value")));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/cite", fields.Prepend(new("format", format)));
    }

    private static Dictionary<string, string> Query(string href) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), href).Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    [GeneratedRegex(@"^  (\w+) = \{(.*)\},$", RegexOptions.Multiline)]
    private static partial Regex BibField();
}
