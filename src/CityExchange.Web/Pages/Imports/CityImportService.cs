using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Imports;

/// <summary>What a city upload did: the parse (with every error) and, when valid, how many cities were added or updated.</summary>
public sealed record CityImportOutcome(CityCsv Parsed, int Added, int Updated)
{
    public bool Accepted => Parsed.IsValid;
}

/// <summary>
/// Upserts cities by code from a <c>cities.csv</c>-shaped file, all or nothing; never deletes a city. A city's code and
/// Chinese name (with its 市 form) belong to it alone: an upload that would give a stored city's name to another code is
/// refused with a located error, checked against the stored cities inside the transaction.
/// </summary>
public sealed class CityImportService(CityExchangeDbContext db, ReferenceCache referenceCache, ILogger<CityImportService> logger)
{
    public async Task<CityImportOutcome> UpsertAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var parsed = CityCsvParser.Parse(content);
        if (!parsed.IsValid)
        {
            return new CityImportOutcome(parsed, 0, 0);
        }

        int added = 0, updated = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.LockReferenceAsync(cancellationToken);
                var stored = await db.Set<City>().AsNoTracking().ToListAsync(cancellationToken);
                if (CityCsvParser.Parse(content, stored) is { IsValid: false } collisions)
                {
                    return new CityImportOutcome(collisions, 0, 0);
                }

                var existing = await db.Set<City>().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
                foreach (var uploaded in parsed.Cities)
                {
                    var city = uploaded;
                    if (existing.TryGetValue(city.Code, out var current))
                    {
                        if (!parsed.HasCoordinates)
                        {
                            city = city with { Latitude = current.Latitude, Longitude = current.Longitude };
                        }

                        if (current != city)
                        {
                            db.Entry(current).CurrentValues.SetValues(city);
                            updated++;
                        }
                    }
                    else
                    {
                        db.Add(city);
                        added++;
                    }
                }

                if (added + updated > 0)
                {
                    await CityDirectoryVersion.ReplaceAsync(db, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        referenceCache.Invalidate();
        logger.LogInformation("City upload: {Added} added, {Updated} updated", added, updated);
        return new CityImportOutcome(parsed, added, updated);
    }
}
