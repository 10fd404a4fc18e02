using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

using CityExchange.Core.Excel;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// One line of the import history (without the stored files). <see cref="CreatedAt"/> is UTC; <see cref="Year"/> is
/// null for a rejected file whose year could not be read; <see cref="HasOriginal"/> says the uploaded file can be
/// downloaded (for a restore: the restored import's file).
/// </summary>
public sealed record ImportHistoryItem(
    long Id, int? Year, string Status, DateTime CreatedAt, string User, string FileName, string Sha256, int Rows, int Values, int Errors,
    long? RestoredFromId, bool HasOriginal = false);

/// <summary>Filters of the history; null or empty means any.</summary>
public sealed record ImportFilter(int? Year = null, string? Status = null, string? User = null);

/// <summary>
/// The live imports: for each year, the one whose values the year holds now (<see cref="Ids"/>), and the accepted
/// imports those values came from (<see cref="Sources"/>: the live import itself, or the one a live restore restored).
/// Restoring a source changes nothing.
/// </summary>
public sealed record LiveImports(IReadOnlySet<long> Ids, IReadOnlySet<long> Sources);

/// <summary>A file as it was uploaded, for download.</summary>
public sealed record UploadedFile(string FileName, byte[] Content)
{
    /// <summary>Whatever the file holds (it may be a rejected upload that is no CSV at all), it is downloaded, never rendered.</summary>
    public const string ContentType = "application/octet-stream";

    /// <summary>The extension of a file by its content (what a name is given when the client sent none).</summary>
    public static string Extension(ReadOnlySpan<byte> content) => WorkbookReader.Detect(content) switch
    {
        UploadFormat.Xlsx => ".xlsx",
        UploadFormat.Xls => ".xls",
        _ => ".csv",
    };
}

/// <summary>Reads the import history, newest first. History is only ever added to.</summary>
public sealed class ImportHistory(CityExchangeDbContext db)
{
    public static IReadOnlyList<string> Statuses { get; } = [ImportRecord.Accepted, ImportRecord.Rejected, ImportRecord.Restored, ImportRecord.Published];

    public async Task<IReadOnlyList<ImportHistoryItem>> ListAsync(ImportFilter filter, int skip = 0, int take = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var imports = db.Set<ImportRecord>().AsNoTracking();
        var items = await Filtered(filter)
            .OrderByDescending(i => i.Id)
            .Skip(skip).Take(take)
            .Select(i => new ImportHistoryItem(
                i.Id, i.Year, i.Status, i.CreatedAt, i.User, i.FileName, i.Sha256, i.Rows, i.Values, i.Errors, i.RestoredFromId,
                i.OriginalFile != null || imports.Any(s => s.Id == i.RestoredFromId && s.OriginalFile != null)))
            .ToListAsync(cancellationToken);
        return [.. items.Select(i => i with { CreatedAt = DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc) })];
    }

    public Task<int> CountAsync(ImportFilter filter, CancellationToken cancellationToken = default) => Filtered(filter).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UsersAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRecord>().AsNoTracking().Select(i => i.User).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);

    /// <summary>The years of the history, newest first; a rejected file without a year adds none.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRecord>().AsNoTracking().Where(i => i.Year != null).Select(i => i.Year!.Value).Distinct().OrderByDescending(y => y)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// For each year, the import whose values the year holds now: its newest accepted or restored import (every
    /// change of a year's values is one of those; a rejected file changes nothing), and where those values came from.
    /// </summary>
    public async Task<LiveImports> LiveAsync(CancellationToken cancellationToken = default)
    {
        var imports = db.Set<ImportRecord>().AsNoTracking();
        var ids = await imports
            .Where(i => i.Year != null && (i.Status == ImportRecord.Accepted || i.Status == ImportRecord.Restored))
            .GroupBy(i => i.Year)
            .Select(g => g.Max(i => i.Id))
            .ToListAsync(cancellationToken);
        var sources = await imports.Where(i => ids.Contains(i.Id)).Select(i => i.RestoredFromId ?? i.Id).ToListAsync(cancellationToken);
        return new LiveImports(ids.ToHashSet(), sources.ToHashSet());
    }

    /// <summary>The file import <paramref name="id"/> was made from, as uploaded (a restore gives the restored import's); null when not kept.</summary>
    public async Task<UploadedFile?> OriginalAsync(long id, CancellationToken cancellationToken = default)
    {
        var imports = db.Set<ImportRecord>().AsNoTracking();
        var found = await imports.Where(i => i.Id == id)
            .Select(i => new
            {
                i.FileName,
                File = i.OriginalFile ?? imports.Where(s => s.Id == i.RestoredFromId).Select(s => s.OriginalFile).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found?.File is { } file ? new UploadedFile(found.FileName, Gzip.Decompress(file)) : null;
    }

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
