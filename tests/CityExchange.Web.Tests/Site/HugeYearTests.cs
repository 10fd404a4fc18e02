using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Tests.Infrastructure;
using CityExchange.Web.Tests.Providers;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// A year of 5,001 cities (a database of its own): past the size at which average and complete linkage need their n²
/// distances refused (5,000), and at which the weight grid's default step of 0.01 is coarsened so the default answers.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class HugeYearTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int Year = 2093;
    private const int Cities = 5001;

    private static readonly SyntheticYear Prepared = new();

    [Theory]
    [InlineData("average")]
    [InlineData("complete")]
    public async Task ClustersApi_RefusesTheN2LinkagesWithTheirLimit(string linkage)
    {
        await PrepareAsync();

        using var response = await app.Factory.CreateClient().GetAsync(new Uri($"/api/analysis/{Year}/clusters?linkage={linkage}&culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("5,001", detail, StringComparison.Ordinal);
        Assert.Contains("5,000", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClustersApi_StillClustersByWard()
    {
        await PrepareAsync();

        var clusters = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/analysis/{Year}/clusters");

        Assert.Equal("ward", clusters.GetProperty("linkage").GetString());
        Assert.Equal(Cities, clusters.GetProperty("clusters").EnumerateArray().Sum(c => c.GetProperty("cities").GetArrayLength()));
    }

    [Theory]
    [InlineData("en", "Ward (minimum variance)")]
    [InlineData("zh-CN", "Ward")]
    public async Task ClustersPage_AskedForAverageLinkage_ShowsWardAndSaysWhy(string culture, string shown)
    {
        await PrepareAsync();

        var html = await PageHtml.GetOkAsync(app.Factory, $"/Analysis/Clusters?year={Year}&linkage=average", culture);
        var page = Dom.Parse(html);

        Assert.Contains("5,001", page.GetElementById("clusters-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(shown, page.QuerySelector("#linkage option[selected]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ward", page.QuerySelector("#linkage option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task WeightBounds_ByDefault_CoarsenTheStepSoTheyAnswer()
    {
        await PrepareAsync();

        var bounds = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/sensitivity/{Year}/bounds");

        // The default bounds 0.1–0.4: at step 0.01 that is 19,871 weight vectors, over the 7,998 that 5,001 cities allow
        // (40,000,000 / 5,001); at 0.02, 2,736.
        Assert.Equal(0.02, bounds.GetProperty("step").GetDouble());
        Assert.Equal(2736, bounds.GetProperty("points").GetInt32());
        Assert.Equal(Cities, bounds.GetProperty("cities").GetArrayLength());
    }

    [Fact]
    public async Task WeightBounds_WithTheStepAskedFor_AreRefusedWhenTheGridIsTooLarge()
    {
        await PrepareAsync();

        using var response = await app.Factory.CreateClient().GetAsync(new Uri($"/api/sensitivity/{Year}/bounds?step=0.01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task PrepareAsync() => Prepared.EnsureAsync(
        app.Factory,
        Year,
        [.. Enumerable.Range(1, Cities).Select(i => $"h{i:0000}")],
        // One indicator per domain, each a different pattern, so that no two cities tie.
        "city,consulates,passports,foreign_language,odi",
        (c, i) => string.Create(CultureInfo.InvariantCulture, $"{c},{Cities - i},{(i * 7919) % Cities},{(i * 104729) % Cities},{i}"));
}
