using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Tests.Store;

[Collection(WebTestGroup.Name)]
public sealed class SeedingTests(CityExchangeFactory factory)
{
    [Fact]
    public async Task Seed_FillsFrameworkCitiesPublishedAndDemoYears()
    {
        _ = factory.Server;
        await using var db = factory.CreateDbContext();

        Assert.Equal(4, await db.Set<DomainInfo>().CountAsync());
        Assert.Equal(17, await db.Set<Indicator>().CountAsync());
        Assert.Equal(46, await db.Set<City>().CountAsync());
        Assert.Equal(46, await db.Set<PublishedScore>().CountAsync(p => p.Year == 2013));
        Assert.True(await db.Set<DataYear>().Where(y => y.Year >= 2014 && y.Year <= 2016).AllAsync(y => y.IsDemo));
        var beijing = await db.Set<City>().SingleAsync(c => c.Code == "beijing");
        Assert.Equal(new City("beijing", "北京", "Beijing", "北京", "Beijing", "华北", "North China", "municipality", "east", "north", 39.9075, 116.3972), beijing);
        var unassigned = await db.Set<City>().CountAsync(c => c.EastWest == null);
        Assert.Equal(9, unassigned);
    }

    [Fact]
    public async Task Seed_SecondRunAddsNothing()
    {
        _ = factory.Server;
        async Task<(int, int, int, int, int)> CountAsync()
        {
            await using var db = factory.CreateDbContext();
            return (await db.Set<City>().CountAsync(), await db.Set<Indicator>().CountAsync(), await db.Set<PublishedScore>().CountAsync(),
                await db.Set<IndicatorValue>().CountAsync(v => v.Year <= 2016), await db.Set<ImportRecord>().CountAsync(i => i.Year <= 2016));
        }

        var before = await CountAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Seed_MarksTheCountIndicatorsAsWholeNumbers_AlsoInADatabaseMadeBeforeTheFlag()
    {
        _ = factory.Server;
        string[] counts =
        [
            "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports", "intl_performances", "foreign_language",
            "foreign_restaurants", "foreign_firms", "joint_ventures", "leader_visits", "consulates", "intl_orgs", "sister_cities",
        ];
        async Task<List<string>> WholeNumbersAsync()
        {
            await using var db = factory.CreateDbContext();
            return await db.Set<Indicator>().Where(i => i.WholeNumber).OrderBy(i => i.SortOrder).Select(i => i.Code).ToListAsync();
        }

        Assert.Equal(counts, await WholeNumbersAsync());

        // As the migration leaves a database of an earlier version: the column added, false everywhere.
        await using (var db = factory.CreateDbContext())
        {
            await db.Set<Indicator>().ExecuteUpdateAsync(setters => setters.SetProperty(i => i.WholeNumber, false));
        }

        Assert.Empty(await WholeNumbersAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        Assert.Equal(counts, await WholeNumbersAsync());
    }
}
