using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Scoring;

/// <summary>The stored version of a year's data (replaced by every import and restore), for a page's "cite as" line.</summary>
public sealed record DataVersion(int Year, Guid Version, DateTime UpdatedAt)
{
    /// <summary>The version's first eight hex digits: enough to tell two versions of a year apart in a citation.</summary>
    public string Label => Version.ToString("N")[..8];
}

public sealed class DataVersions(CityExchangeDbContext db)
{
    public async Task<DataVersion?> ForYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.Set<DataYear>().AsNoTracking().Where(y => y.Year == year)
            .Select(y => new DataVersion(y.Year, y.Version, y.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
