using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Pages.Cities;

/// <summary><c>GET /api/cities?q=&amp;year=&amp;limit=</c>: the compare pickers' suggestions.</summary>
[Collection(WebTestGroup.Name)]
public sealed class CitySearchApiTests(CityExchangeFactory factory)
{
    [Theory]
    [InlineData("bei", "beijing")]
    [InlineData("BEI", "beijing")]
    [InlineData("上海", "shanghai")]
    [InlineData("Guangz", "guangzhou")]
    public async Task Cities_MatchingChineseEnglishOrCode_BestRankedComeFirst(string query, string expected)
    {
        var codes = await CodesAsync($"/api/cities?year=2013&q={Uri.EscapeDataString(query)}");

        Assert.Equal(expected, codes[0]);
    }

    [Fact]
    public async Task Cities_StartingWithTheText_ComeBeforeThoseContainingIt()
    {
        // "hai": Haikou starts with it; Shanghai, Weihai, Zhuhai, Beihai only contain it, best-ranked (Shanghai) first.
        var codes = await CodesAsync("/api/cities?year=2013&q=hai");

        Assert.Equal("haikou", codes[0]);
        Assert.Equal("shanghai", codes[1]);
        Assert.Equal(["beihai", "haikou", "shanghai", "weihai", "zhuhai"], codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cities_WithAYear_AreOnlyThoseWithDataInIt_UpToTheLimit()
    {
        var all = await CodesAsync("/api/cities?year=2013&limit=100");
        var five = await CodesAsync("/api/cities?year=2013&limit=5");

        Assert.Equal(46, all.Count);
        Assert.Equal(all.Take(5), five);
    }

    [Theory]
    [InlineData("/api/cities?year=2013&limit=5", 5, 46)]
    [InlineData("/api/cities?year=2013&q=hai&limit=2", 2, 5)]
    [InlineData("/api/cities?year=2013&q=hai", 5, 5)]
    [InlineData("/api/cities?q=zzzz-no-such-city", 0, 0)]
    public async Task Cities_GiveTheTotalThatMatchBesideThePage(string url, int listed, int total)
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(["cities", "total"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(listed, body.GetProperty("cities").GetArrayLength());
        Assert.Equal(total, body.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/cities?year=2999", HttpStatusCode.NotFound)]
    [InlineData("/api/cities?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/cities?limit=101", HttpStatusCode.BadRequest)]
    public async Task Cities_RefusesAnUnknownYearOrALimitOutOfRange(string url, HttpStatusCode expected)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Cities_MatchingNothing_AreAnEmptyList()
    {
        Assert.Empty(await CodesAsync("/api/cities?q=zzzz-no-such-city"));
    }

    private async Task<List<string>> CodesAsync(string url)
    {
        var body = await factory.CreateClient().GetFromJsonAsync<JsonElement>(url);
        return [.. body.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];
    }
}
