using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Imports;

/// <summary>One line of the import history (without the value snapshot). <see cref="CreatedAt"/> is UTC.</summary>
public sealed record ImportHistoryItem(
    long Id, int Year, string Status, DateTime CreatedAt, string User, string FileName, string Sha256, int Rows, int Values, int Errors, long? RestoredFromId);

/// <summary>Filters of the history; null or empty means any.</summary>
public sealed record ImportFilter(int? Year = null, string? Status = null, string? User = null);

/// <summary>Reads the import history, newest first. History is only ever added to.</summary>
public sealed class ImportHistory(CityExchangeDbContext db)
{
    public static IReadOnlyList<string> Statuses { get; } = [ImportRecord.Accepted, ImportRecord.Rejected, ImportRecord.Restored];

    public async Task<IReadOnlyList<ImportHistoryItem>> ListAsync(ImportFilter filter, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var items = await Filtered(filter)
            .OrderByDescending(i => i.Id)
            .Skip(skip).Take(take)
            .Select(i => new ImportHistoryItem(i.Id, i.Year, i.Status, i.CreatedAt, i.User, i.FileName, i.Sha256, i.Rows, i.Values, i.Errors, i.RestoredFromId))
            .ToListAsync(cancellationToken);
        return [.. items.Select(i => i with { CreatedAt = DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc) })];
    }

    public Task<int> CountAsync(ImportFilter filter, CancellationToken cancellationToken = default) => Filtered(filter).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UsersAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRecord>().AsNoTracking().Select(i => i.User).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRecord>().AsNoTracking().Select(i => i.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    private IQueryable<ImportRecord> Filtered(ImportFilter filter)
    {
        var query = db.Set<ImportRecord>().AsNoTracking();
        if (filter.Year is { } year)
        {
            query = query.Where(i => i.Year == year);
        }

        if (!string.IsNullOrEmpty(filter.Status))
        {
            query = query.Where(i => i.Status == filter.Status);
        }

        if (!string.IsNullOrEmpty(filter.User))
        {
            query = query.Where(i => i.User == filter.User);
        }

        return query;
    }
}
