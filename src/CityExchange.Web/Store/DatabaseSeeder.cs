using System.Globalization;
using System.Text;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Web.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Store;

/// <summary>
/// Fills an empty database from the bundled files in <c>data/</c>. Idempotent: every step adds only what is
/// missing, so a second start adds nothing and never overwrites what users stored.
/// </summary>
public sealed partial class DatabaseSeeder(
    CityExchangeDbContext db,
    IEnumerable<IDemoDataSeed> demoSeeds,
    ReferenceCache referenceCache,
    IOptions<SeedOptions> options,
    ILogger<DatabaseSeeder> logger)
{
    public const int PublishedYear = 2013;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var dataPath = options.Value.ResolveDataPath();
        var added = 0;
        added += await AddMissingAsync(DomainInfo.All, d => d.Domain, cancellationToken);
        var framework = Read(dataPath, "framework.csv", ReferenceCsv.ReadFramework);
        added += await AddMissingAsync(framework, i => i.Code, cancellationToken);
        added += await MarkWholeNumbersAsync(framework, cancellationToken);
        var bundledCities = Read(dataPath, "cities.csv", ReferenceCsv.ReadCities);
        var citiesAdded = await AddMissingAsync(bundledCities, c => c.Code, cancellationToken);
        citiesAdded += await LocateCitiesAsync(bundledCities, cancellationToken);
        if (citiesAdded > 0)
        {
            await CityDirectoryVersion.ReplaceAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        added += citiesAdded;
        referenceCache.Invalidate();

        if (!await db.Set<DataYear>().AnyAsync(y => y.Year == PublishedYear, cancellationToken))
        {
            await SeedPublishedAsync(dataPath, cancellationToken);
            added++;
        }

        if (options.Value.Demo)
        {
            foreach (var seed in demoSeeds.OrderBy(s => s.Order))
            {
                added += await seed.SeedAsync(dataPath, cancellationToken);
            }
        }

        logger.LogInformation("Seeding from {DataPath} added {Count} items", dataPath, added);
    }

    /// <summary>
    /// Sets each stored indicator's whole-number flag to framework.csv's. A database made before the flag existed has it
    /// false everywhere (the migration's default); the framework is reference data, never edited by users, so the file wins.
    /// </summary>
    private async Task<int> MarkWholeNumbersAsync(IReadOnlyList<Indicator> framework, CancellationToken cancellationToken)
    {
        var wholeNumber = framework.ToDictionary(i => i.Code, i => i.WholeNumber, StringComparer.Ordinal);
        var stale = (await db.Set<Indicator>().ToListAsync(cancellationToken))
            .Where(i => wholeNumber.TryGetValue(i.Code, out var flag) && flag != i.WholeNumber)
            .ToList();
        foreach (var indicator in stale)
        {
            db.Entry(indicator).Property(i => i.WholeNumber).CurrentValue = wholeNumber[indicator.Code];
        }

        if (stale.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return stale.Count;
    }

    /// <summary>
    /// Gives stored cities without coordinates those of cities.csv. A database made before the lat/lon columns existed
    /// has none. A stored location is never overwritten: one given by an upload stays (a location cleared by an upload
    /// of a bundled city comes back at the next start, as every other bundled value missing from the store does).
    /// </summary>
    private async Task<int> LocateCitiesAsync(IReadOnlyList<City> bundled, CancellationToken cancellationToken)
    {
        var located = bundled.Where(c => c.HasLocation).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var unlocated = (await db.Set<City>().Where(c => c.Latitude == null || c.Longitude == null).ToListAsync(cancellationToken))
            .Where(c => located.ContainsKey(c.Code))
            .ToList();
        foreach (var city in unlocated)
        {
            var entry = db.Entry(city);
            entry.Property(c => c.Latitude).CurrentValue = located[city.Code].Latitude;
            entry.Property(c => c.Longitude).CurrentValue = located[city.Code].Longitude;
        }

        if (unlocated.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return unlocated.Count;
    }

    private async Task SeedPublishedAsync(string dataPath, CancellationToken cancellationToken)
    {
        var published = Read(dataPath, "siis2015_published.csv", ReferenceCsv.ReadPublished);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new DataYear { Year = PublishedYear, Kind = YearKind.Published, IsDemo = false, UpdatedAt = DateTime.UtcNow });
        db.AddRange(published.Select(p => new PublishedScore
        {
            Year = PublishedYear,
            CityCode = p.CityCode,
            Social = p.Social,
            Culture = p.Culture,
            Trade = p.Trade,
            Politics = p.Politics,
            OverallRank = p.OverallRank,
            SocialRank = p.SocialRank,
            CultureRank = p.CultureRank,
            TradeRank = p.TradeRank,
            PoliticsRank = p.PoliticsRank,
            Cluster = p.Cluster,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<int> AddMissingAsync<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var existing = (await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken)).Select(key).ToHashSet();
        var missing = items.Where(i => !existing.Contains(key(i))).ToList();
        if (missing.Count > 0)
        {
            db.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return missing.Count;
    }

    private static IReadOnlyList<T> Read<T>(string dataPath, string fileName, Func<TextReader, IReadOnlyList<T>> read)
    {
        using var reader = new StreamReader(Path.Combine(dataPath, fileName), Encoding.UTF8);
        return read(reader);
    }

}
