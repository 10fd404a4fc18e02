using System.Net.Http.Json;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Hosting;

/// <summary>
/// A cached page of one year is kept while another year is uploaded (the data stamp holds only the versions of the
/// years it reads: the year shown and, on pages with movements, the stored year before it), and rebuilt as soon as one of those changes; the
/// panel scale and pages without a year scope read every year. Whether a response came from the output cache is told by
/// the <c>Age</c> header it adds to what it replays. Years 2131, 2133, 2135 (none between them is used elsewhere).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class DataStampScopeTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task AYearsRankingIsKeptWhileAnotherYearIsUploaded_AndRebuiltWhenItChanges()
    {
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2131, "beijing,1", "shanghai,2");
        await PutAsync(editor, 2133, "beijing,9", "shanghai,1");
        await PutAsync(editor, 2135, "beijing,1", "shanghai,9");
        const string url = "/api/rankings/2133";
        Assert.False(await FromCacheAsync(reader, url));
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2135, "beijing,2", "shanghai,8");
        Assert.True(await FromCacheAsync(reader, url));

        // The API's ranking shows no movements: the year before does not key it.
        await PutAsync(editor, 2131, "beijing,3", "shanghai,4");
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2133, "beijing,1", "shanghai,9");
        Assert.False(await FromCacheAsync(reader, url));
        Assert.Contains("\"code\":\"shanghai\",", await reader.GetStringAsync(new Uri(url, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Rankings?year=2133")]
    [InlineData("/?year=2133")]
    public async Task PagesWithMovementsAreRebuiltWhenTheYearBeforeChanges(string url)
    {
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2131, "beijing,1", "shanghai,2", "tianjin,5");
        await PutAsync(editor, 2133, "beijing,9", "shanghai,1", "tianjin,5");
        Assert.False(await FromCacheAsync(reader, url));
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2131, "beijing,5", "shanghai,3", "tianjin,1");

        Assert.False(await FromCacheAsync(reader, url));
    }

    [Theory]
    [InlineData("/?year=2133")]
    [InlineData("/api/analysis/2133/correlations")]
    [InlineData("/api/analysis/2133/audit")]
    [InlineData("/Analysis/Groups?year=2133")]
    [InlineData("/Analysis/Correlations?year=2133")]
    public async Task PagesOfAYearAreKeptWhileALaterYearIsUploaded(string url)
    {
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2133, "beijing,9", "shanghai,1", "tianjin,5");
        await PutAsync(editor, 2135, "beijing,1", "shanghai,9", "tianjin,5");
        Assert.False(await FromCacheAsync(reader, url));
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2135, "beijing,2", "shanghai,8", "tianjin,5");

        Assert.True(await FromCacheAsync(reader, url));
    }

    [Theory]
    [InlineData("/Analysis/Groups?year=2133")]
    [InlineData("/Analysis/Correlations?year=2133")]
    public async Task AnalysisPagesOfAYearAreRebuiltWhenItChanges(string url)
    {
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2133, "beijing,9", "shanghai,1", "tianjin,5");
        Assert.False(await FromCacheAsync(reader, url));
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2133, "beijing,1", "shanghai,9", "tianjin,5");

        Assert.False(await FromCacheAsync(reader, url));
    }

    [Theory]
    [InlineData("/api/rankings/2133?scale=panel")]
    [InlineData("/Compare?a=beijing&b=shanghai&year=2133")]
    // Its bump chart shows every stored year's ranks.
    [InlineData("/Rankings?year=2133")]
    // The report's reference year need not be a published one.
    [InlineData("/Analysis/Report")]
    public async Task ThePanelScaleAndPagesOfEveryYearAreRebuiltWhenAnyYearChanges(string url)
    {
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2133, "beijing,9", "shanghai,1");
        await PutAsync(editor, 2135, "beijing,1", "shanghai,9");
        Assert.False(await FromCacheAsync(reader, url));
        Assert.True(await FromCacheAsync(reader, url));

        await PutAsync(editor, 2135, "beijing,2", "shanghai,8");

        Assert.False(await FromCacheAsync(reader, url));
    }

    [Fact]
    public async Task TheYearListCountsAYearsCitiesAgainAfterEachUpload()
    {
        // The counts are kept per year version (YearCityCounts): an upload must replace the kept count at once.
        var editor = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(editor, 2135, "beijing,1", "shanghai,9");
        Assert.Equal(2, await CitiesListedAsync(reader, 2135));

        await PutAsync(editor, 2135, "beijing,1", "shanghai,9", "tianjin,5");
        Assert.Equal(3, await CitiesListedAsync(reader, 2135));
        Assert.Equal(46, await CitiesListedAsync(reader, 2013));

        // Fewer cities again; two, so that the year stays rankable for the other tests that open on the latest year.
        await PutAsync(editor, 2135, "beijing,2", "tianjin,8");
        Assert.Equal(2, await CitiesListedAsync(reader, 2135));
    }

    private static async Task<int> CitiesListedAsync(HttpClient client, int year)
    {
        var years = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/years", UriKind.Relative));
        return years.EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year).GetProperty("cities").GetInt32();
    }

    private static async Task<bool> FromCacheAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Age is not null;
    }

    private static async Task PutAsync(HttpClient client, int year, params string[] rows)
    {
        var response = await client.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), Csv.Content(["city,consulates", .. rows]));
        response.EnsureSuccessStatusCode();
    }
}
