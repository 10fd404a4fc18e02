using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Scoring;

/// <summary>
/// Rankings are cached under each year's data version: an import or a restore shows at once, in this instance and in
/// another instance on the same database. Years 2111–2116.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class RankingCacheTests(CityExchangeFactory factory)
{
    private static readonly IndicatorFramework Framework = new(
    [
        new Indicator("a", Domain.Social, "a", "a", "", 1, "", "", 0),
        new Indicator("b", Domain.Trade, "b", "b", "", 1, "", "", 1),
    ]);

    [Fact]
    public async Task Ranking_ChangesRightAfterAnImport()
    {
        var client = factory.CreateClientWithToken();
        await PutAsync(client, 2111, "city,consulates,odi", "beijing,9,9", "shanghai,1,1", "tianjin,5,5");
        Assert.Equal("beijing", await LeaderAsync(client, 2111));
        Assert.Equal("beijing", await LeaderAsync(client, 2111)); // served from the cache

        await PutAsync(client, 2111, "city,consulates,odi", "beijing,1,1", "shanghai,9,9", "tianjin,5,5");

        Assert.Equal("shanghai", await LeaderAsync(client, 2111));
    }

    [Fact]
    public async Task Ranking_ChangesRightAfterARestore()
    {
        var client = factory.CreateClientWithToken();
        var first = await PutAsync(client, 2112, "city,consulates", "beijing,9", "shanghai,1");
        await PutAsync(client, 2112, "city,consulates", "beijing,1", "shanghai,9");
        Assert.Equal("shanghai", await LeaderAsync(client, 2112));

        (await client.PostAsync(new Uri($"/api/imports/{first}/restore", UriKind.Relative), null)).EnsureSuccessStatusCode();

        Assert.Equal("beijing", await LeaderAsync(client, 2112));
    }

    [Fact]
    public async Task Ranking_IsServedFromTheCacheUntilTheDataChanges()
    {
        var client = factory.CreateClientWithToken();
        await PutAsync(client, 2114, "city,consulates", "beijing,9", "shanghai,1");
        var cache = factory.Services.GetRequiredService<RankingCache>();
        await LeaderAsync(client, 2114);
        var misses = cache.Misses;

        await LeaderAsync(client, 2114);
        var afterHit = cache.Misses;
        await PutAsync(client, 2114, "city,consulates", "beijing,1", "shanghai,9");
        await LeaderAsync(client, 2114);

        Assert.Equal(misses, afterHit);
        Assert.True(cache.Misses > afterHit);
    }

    [Fact]
    public async Task SecondInstance_SeesTheImportsOfTheFirstAtOnce()
    {
        await using var second = new SecondInstanceFactory(factory.Database);
        var other = second.CreateClient();
        var client = factory.CreateClientWithToken();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync(new Uri("/api/rankings/2113", UriKind.Relative))).StatusCode);

        await PutAsync(client, 2113, "city,consulates", "beijing,9", "shanghai,1");
        Assert.Equal("beijing", await LeaderAsync(other, 2113));
        await PutAsync(client, 2113, "city,consulates", "beijing,1", "shanghai,9");

        Assert.Equal("shanghai", await LeaderAsync(other, 2113));
        Assert.Equal("shanghai", await LeaderAsync(client, 2113));
    }

    [Fact]
    public async Task SecondInstance_SeesTheCitiesUploadedThroughTheFirst()
    {
        // A database of its own: the new city must not join the shared test database's city list.
        await using var first = new CityExchangeFactory(TestDatabase.Create(DatabaseProvider.Sqlite));
        var writer = first.CreateClientWithToken();
        (await writer.GetAsync(new Uri("/health/ready", UriKind.Relative))).EnsureSuccessStatusCode();
        await using var second = new SecondInstanceFactory(first.Database);
        var other = second.CreateClient();
        (await other.GetAsync(new Uri("/api/rankings/2013", UriKind.Relative))).EnsureSuccessStatusCode(); // city list loaded

        var cities = Csv.Content(
            "code,name_zh,name_en,province_zh,province_en,region_zh,region_en,level,east_west,north_south",
            "newcity,新城,New City,省,Province,华东,East China,other,east,south");
        (await writer.PutAsync(new Uri("/api/cities", UriKind.Relative), cities)).EnsureSuccessStatusCode();
        await PutAsync(writer, 2117, "city,consulates", "beijing,1", "newcity,9");

        var ranking = await other.GetFromJsonAsync<JsonElement>("/api/rankings/2117");
        Assert.Equal("newcity", ranking.GetProperty("cities")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task RankingsPage_ChangesRightAfterAnImport()
    {
        var client = factory.CreateClientWithToken();
        var reader = factory.CreateClient();
        await PutAsync(client, 2115, "city,consulates", "beijing,9", "shanghai,1");
        var before = await reader.GetStringAsync(new Uri("/Rankings?year=2115&culture=en", UriKind.Relative));
        var cached = await reader.GetStringAsync(new Uri("/Rankings?year=2115", UriKind.Relative));

        await PutAsync(client, 2115, "city,consulates", "beijing,1", "shanghai,9");
        var after = await reader.GetStringAsync(new Uri("/Rankings?year=2115", UriKind.Relative));

        Assert.True(FirstRow(cached) == "beijing", FirstRow(cached));
        Assert.Equal("shanghai", FirstRow(after));
        Assert.Contains("beijing", before, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputCache_SkipsRequestsWithTheSignInCookie()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/Rankings";
        context.Request.Headers.Cookie = PerformanceSetup.AuthCookie + "=anything";

        // The public cache policy's condition: no entry for, and no hit to, anyone with the sign-in cookie.
        Assert.False(CompressionPolicy.MayCompress(context.Request));
    }

    [Fact]
    public async Task DataStamp_ChangesAtOnceWhenThisInstanceCommitsAnImport()
    {
        var stamp = factory.Services.GetRequiredService<DataStamp>();
        string before;
        using (var scope = factory.Services.CreateScope())
        {
            before = await stamp.GetAsync(scope.ServiceProvider, CancellationToken.None);
        }

        // Within the stamp's one-second reuse: only the commit interceptor can make it read the versions again.
        await PutAsync(factory.CreateClientWithToken(), 2116, "city,consulates", "beijing,9", "shanghai,1");

        using var after = factory.Services.CreateScope();
        Assert.NotEqual(before, await stamp.GetAsync(after.ServiceProvider, CancellationToken.None));
    }

    [Fact]
    public void OptionsKey_IsTheSameForNullAndExplicitEqualWeights()
    {
        var explicitEqual = new ScoringOptions(Weights: ScoringWeights.Equal(Framework));

        Assert.Equal(RankingCache.OptionsKey(ScoringOptions.Default, Framework), RankingCache.OptionsKey(explicitEqual, Framework));
        Assert.Equal("minmax|arithmetic|year|available|false|-|0|d:0.25:0.25:0.25:0.25|i:1:1", RankingCache.OptionsKey(ScoringOptions.Default, Framework));
    }

    [Fact]
    public void OptionsKey_DiffersWhenAnyOptionDiffers()
    {
        var variants = new[]
        {
            ScoringOptions.Default,
            new ScoringOptions(NormalisationMethod.Rank),
            ScoringOptions.Default with { Aggregation = AggregationMethod.Geometric },
            ScoringOptions.Default with { Scale = ScoreScale.Panel },
            ScoringOptions.Default with { Missing = MissingDataTreatment.GroupMedian },
            ScoringOptions.Default with { Winsorise = Winsorisation.Percentile },
            new ScoringOptions(Weights: new ScoringWeights([0.4, 0.2, 0.2, 0.2], [1, 1])),
            new ScoringOptions(Weights: new ScoringWeights([0.25, 0.25, 0.25, 0.25], [1, 1.0000000000000002])),
        };

        var keys = variants.Select(v => RankingCache.OptionsKey(v, Framework)).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The city code of the ranking table's first row.</summary>
    private static string FirstRow(string html)
    {
        var table = html.IndexOf("id=\"ranking-table\"", StringComparison.Ordinal);
        var row = html.IndexOf("data-city=\"", table, StringComparison.Ordinal) + "data-city=\"".Length;
        return html[row..html.IndexOf('"', row)];
    }

    private static async Task<long> PutAsync(HttpClient client, int year, params string[] lines)
    {
        var response = await client.PutAsync(new Uri($"/api/years/{year}/indicators", UriKind.Relative), Csv.Content(lines));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetInt64();
    }

    /// <summary>The leader as an anonymous reader sees it (through the output cache; a token would bypass it).</summary>
    private async Task<string?> LeaderAsync(HttpClient client, int year)
    {
        var reader = client.DefaultRequestHeaders.Authorization is null ? client : factory.CreateClient();
        var ranking = await reader.GetFromJsonAsync<JsonElement>($"/api/rankings/{year}");
        return ranking.GetProperty("cities")[0].GetProperty("code").GetString();
    }

    /// <summary>A second app instance on the same database file, as a second server on a shared PostgreSQL would be.</summary>
    private sealed class SecondInstanceFactory(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Import:ApiToken", CityExchangeFactory.ApiToken);
            builder.UseSetting("Admin:Email", CityExchangeFactory.AdminEmail);
            builder.UseSetting("Admin:Password", CityExchangeFactory.AdminPassword);
            // Another instance learns of this one's imports from the database: read the data stamp on every request
            // (by default it may be reused for up to a second).
            builder.UseSetting("Performance:DataStampMilliseconds", "0");
            database.Configure(builder);
        }
    }
}
