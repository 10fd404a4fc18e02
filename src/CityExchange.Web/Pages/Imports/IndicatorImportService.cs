using System.Security.Cryptography;
using CityExchange.Core.Csv;
using CityExchange.Core.Scoring;
using CityExchange.Web.Store;
using CityExchange.Web.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Imports;

/// <summary>The version of a year's data a caller saw: null <see cref="Version"/> when the year had no data then.</summary>
public sealed record YearVersion(Guid? Version);

public enum RestoreStatus
{
    Restored,
    NotFound,
    NotAccepted,

    /// <summary>The year's data changed since the version the caller saw (the confirmation page's diff is stale).</summary>
    Conflict,
}

/// <summary>
/// What replacing a year did besides writing the values: when the year held the published figures, how many cities'
/// figures were set aside (kept in the history as import <see cref="PublishedImportId"/>).
/// </summary>
public sealed record YearReplacement(int? PublishedCitiesReplaced = null, long? PublishedImportId = null);

/// <summary>What a restore did: the new history record (status restored) or why nothing happened.</summary>
public sealed record RestoreOutcome(RestoreStatus Status, long ImportId, long RestoredFromId, int Year, int Values);

/// <summary>
/// What restoring import <see cref="ImportId"/> would do, for the confirmation page: the diff of its values against
/// the year's stored ones (null when it cannot be restored), the version of the year's data the diff was made against,
/// whether the year already holds its values (it is live, or a live restore restored it), and whether demo data is
/// involved on either side.
/// </summary>
public sealed record RestorePreview(
    RestoreStatus Status, long ImportId, int? Year, string FileName, DateTime CreatedAt, string User, bool IsLive, bool InvolvesDemo,
    YearVersion Version, ValueDiff? Diff, IndexReference Reference, int? PublishedCities = null)
{
    /// <summary>True when the import holds the published figures (restoring puts them back instead of indicator values).</summary>
    public bool IsPublished => PublishedCities is not null;

    public bool CanRestore => Status == RestoreStatus.Restored && (Diff is not null || IsPublished);
}

/// <summary>
/// Replaces a year's indicator values in one transaction, and records every attempt in the import history.
/// An invalid file changes no data; it is recorded as rejected. Nothing here ever deletes history.
/// </summary>
public sealed class IndicatorImportService(
    CityExchangeDbContext db,
    ReferenceCache referenceCache,
    ImportHistory history,
    TimeProvider clock,
    ILogger<IndicatorImportService> logger)
{
    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var parsed = reference.CreateParser().Parse(request.Content, request.Year);
        var record = NewRecord(request.Year, request.FileName, request.User, request.Content, parsed);
        record.IsDemo = request.IsDemo;

        if (!parsed.IsValid)
        {
            await RecordRejectedAsync(record, cancellationToken);
            return new ImportOutcome(record.Id, parsed, 0, 0, []);
        }

        if (!request.ReplacePublished
            && await db.Set<DataYear>().AsNoTracking().AnyAsync(y => y.Year == request.Year && y.Kind == YearKind.Published, cancellationToken))
        {
            // Nothing recorded: the caller is asked to confirm, as the upload page asks.
            return new ImportOutcome(0, parsed, 0, 0, [], PublishedRefused: true);
        }

        var values = parsed.Values.ToList();
        MarkAccepted(record, values);
        // Said in the answer (the API has no preview): a demo year that receives real values stops being labelled demo.
        var demoCleared = !request.IsDemo && await db.Set<DataYear>().AsNoTracking().AnyAsync(y => y.Year == request.Year && y.IsDemo, cancellationToken);
        var replacement = await ReplaceYearAsync(request.Year, values, request.IsDemo, record, expected: null, cancellationToken);
        LogImport(record);
        if (demoCleared)
        {
            logger.LogInformation("Import {ImportId} replaced the demo data of {Year}: the year is no longer labelled demo", record.Id, record.Year);
        }

        var warnings = Warnings(reference, values);
        return new ImportOutcome(record.Id, parsed, values.Select(v => v.CityCode).Distinct().Count(), values.Count, warnings, demoCleared,
            Replacement: replacement);
    }

    /// <summary>
    /// Puts back the values an accepted import produced, recorded as a new import with status restored. With
    /// <paramref name="expected"/>, only if the year's data is still at that version (else <see cref="RestoreStatus.Conflict"/>).
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(long importId, string user, YearVersion? expected = null, CancellationToken cancellationToken = default)
    {
        var source = await RestorableAsync(importId, cancellationToken);
        if (source is null)
        {
            return new RestoreOutcome(RestoreStatus.NotFound, 0, importId, 0, 0);
        }

        if (!IsRestorable(source) || source.Snapshot is null || source.Year is not { } year)
        {
            return new RestoreOutcome(RestoreStatus.NotAccepted, 0, importId, source.Year ?? 0, 0);
        }

        if (source.Status == ImportRecord.Published)
        {
            return await RestorePublishedAsync(source, year, user, expected, cancellationToken);
        }

        var values = ValueSnapshot.Read(source.Snapshot);
        var record = new ImportRecord
        {
            Year = year,
            Status = ImportRecord.Restored,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            User = user,
            FileName = source.FileName,
            Sha256 = source.Sha256,
            Rows = source.Rows,
            Values = values.Count,
            RestoredFromId = source.Id,
            Snapshot = source.Snapshot,
            IsDemo = source.IsDemo,
        };
        if (await ReplaceYearAsync(year, values, source.IsDemo, record, expected, cancellationToken) is null)
        {
            return new RestoreOutcome(RestoreStatus.Conflict, 0, source.Id, year, 0);
        }

        LogImport(record);
        return new RestoreOutcome(RestoreStatus.Restored, record.Id, source.Id, year, values.Count);
    }

    /// <summary>Accepted imports and the published figures an import set aside can be restored; rejected files and restores cannot.</summary>
    public static bool IsRestorable(ImportRecord source) => source.Status is ImportRecord.Accepted or ImportRecord.Published;

    /// <summary>
    /// Puts the published figures kept in <paramref name="source"/> back: the year becomes a published year again and its
    /// indicator values go (they stay in the history as the import that brought them).
    /// </summary>
    private async Task<RestoreOutcome> RestorePublishedAsync(ImportRecord source, int year, string user, YearVersion? expected, CancellationToken cancellationToken)
    {
        var scores = PublishedSnapshot.Read(source.Snapshot!, year);
        var record = new ImportRecord
        {
            Year = year, Status = ImportRecord.Restored, CreatedAt = clock.GetUtcNow().UtcDateTime, User = user,
            FileName = source.FileName, Sha256 = source.Sha256, Rows = scores.Count, Values = scores.Count,
            RestoredFromId = source.Id, Snapshot = source.Snapshot,
        };
        var written = await WriteYearAsync(year, expected, record.CreatedAt, async dataYear =>
        {
            dataYear.Kind = YearKind.Published;
            dataYear.IsDemo = false;
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<IndicatorValue>().Where(v => v.Year == year).ExecuteDeleteAsync(cancellationToken);
            await db.Set<PublishedScore>().Where(p => p.Year == year).ExecuteDeleteAsync(cancellationToken);
            db.AddRange(scores);
            db.Add(record);
        }, cancellationToken);
        if (!written)
        {
            return new RestoreOutcome(RestoreStatus.Conflict, 0, source.Id, year, 0);
        }

        LogImport(record);
        return new RestoreOutcome(RestoreStatus.Restored, record.Id, source.Id, year, scores.Count);
    }

    /// <summary>What restoring import <paramref name="importId"/> would change in its year now; null when there is no such import.</summary>
    public async Task<RestorePreview?> PreviewRestoreAsync(long importId, CancellationToken cancellationToken = default)
    {
        var source = await RestorableAsync(importId, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        if (!IsRestorable(source) || source.Snapshot is null || source.Year is not { } year)
        {
            return new RestorePreview(RestoreStatus.NotAccepted, source.Id, source.Year, source.FileName, source.CreatedAt, source.User,
                IsLive: false, source.IsDemo, new YearVersion(null), Diff: null, reference);
        }

        var dataYear = await db.Set<DataYear>().AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var live = await history.LiveAsync(cancellationToken);
        if (source.Status == ImportRecord.Published)
        {
            return new RestorePreview(
                RestoreStatus.Restored, source.Id, year, source.FileName, DateTime.SpecifyKind(source.CreatedAt, DateTimeKind.Utc), source.User,
                live.Sources.Contains(source.Id), InvolvesDemo: false, new YearVersion(dataYear?.Version), Diff: null, reference,
                PublishedCities: PublishedSnapshot.Read(source.Snapshot, year).Count);
        }

        var stored = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Year == year)
            .Select(v => new ParsedValue(v.CityCode, v.IndicatorCode, v.Value, v.SourceNote))
            .ToListAsync(cancellationToken);
        return new RestorePreview(
            RestoreStatus.Restored, source.Id, year, source.FileName, DateTime.SpecifyKind(source.CreatedAt, DateTimeKind.Utc), source.User, live.Sources.Contains(source.Id),
            source.IsDemo || dataYear?.IsDemo == true, new YearVersion(dataYear?.Version),
            ImportReview.Diff(ValueSnapshot.Read(source.Snapshot), stored), reference);
    }

    internal ImportRecord NewRecord(int? year, string fileName, string user, byte[] content, IndicatorCsv parsed) => new()
    {
        Year = year,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
        User = user,
        FileName = fileName,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Rows = parsed.Rows.Count,
        Errors = parsed.Errors.Count,
        OriginalFile = Gzip.Compress(content),
    };

    internal static void MarkAccepted(ImportRecord record, IReadOnlyList<ParsedValue> values)
    {
        record.Status = ImportRecord.Accepted;
        record.Values = values.Count;
        record.Snapshot = ValueSnapshot.Create(values);
    }

    internal async Task RecordRejectedAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        record.Status = ImportRecord.Rejected;
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        LogImport(record);
    }

    /// <summary>
    /// Deletes the year's values and writes <paramref name="values"/> and the history record, all or nothing, in one
    /// explicit transaction. With <paramref name="expected"/>, the write happens only if the year's data is still at
    /// that version (optimistic concurrency on <see cref="DataYear.Version"/>); returns null, changing nothing, otherwise.
    /// A published year's figures are not lost: they are kept in the history (status published), restorable.
    /// </summary>
    internal async Task<YearReplacement?> ReplaceYearAsync(
        int year, IReadOnlyList<ParsedValue> values, bool isDemo, ImportRecord record, YearVersion? expected, CancellationToken cancellationToken)
    {
        ImportRecord? published = null;
        var written = await WriteYearAsync(year, expected, record.CreatedAt, async dataYear =>
        {
            if (dataYear.Kind == YearKind.Published)
            {
                var scores = await db.Set<PublishedScore>().AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.CityCode).ToListAsync(cancellationToken);
                published = new ImportRecord
                {
                    Year = year, Status = ImportRecord.Published, CreatedAt = record.CreatedAt, User = ImportRecord.PublishedReport,
                    FileName = $"{year}.csv", Rows = scores.Count, Values = scores.Count, Snapshot = PublishedSnapshot.Create(scores),
                };
                db.Add(published);
                await db.Set<PublishedScore>().Where(p => p.Year == year).ExecuteDeleteAsync(cancellationToken);
            }

            dataYear.Kind = YearKind.Indicators;
            dataYear.IsDemo = isDemo;
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<IndicatorValue>().Where(v => v.Year == year).ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.IndicatorValuesAsync(db, year, values, cancellationToken);
            db.Add(record);
        }, cancellationToken);
        return written ? new YearReplacement(published?.Rows, published?.Id) : null;
    }

    /// <summary>
    /// Writes a year in one explicit transaction, all or nothing: one writer per year at a time (SQLite: BEGIN IMMEDIATE;
    /// PostgreSQL: an advisory lock on the year), so concurrent writes of a year serialise and it always holds exactly one
    /// file's values. With <paramref name="expected"/>, only if the year's data is still at that version; the year's row
    /// gets a new version, whose UPDATE is conditional on the one read, so a concurrent import makes it fail. False,
    /// changing nothing, on a conflict.
    /// </summary>
    private async Task<bool> WriteYearAsync(int year, YearVersion? expected, DateTime at, Func<DataYear, Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.LockYearAsync(year, cancellationToken);
            var dataYear = await db.Set<DataYear>().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
            if (expected is not null && dataYear?.Version != expected.Version)
            {
                return false;
            }

            if (dataYear is null)
            {
                dataYear = new DataYear { Year = year };
                db.Add(dataYear);
            }

            dataYear.UpdatedAt = at;
            dataYear.Version = Guid.NewGuid();
            await write(dataYear);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (expected is not null)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>An import with what a restore needs, without its original file (up to 10 MB, not needed here).</summary>
    private Task<ImportRecord?> RestorableAsync(long importId, CancellationToken cancellationToken) =>
        db.Set<ImportRecord>().AsNoTracking().Where(i => i.Id == importId)
            .Select(i => new ImportRecord
            {
                Id = i.Id, Year = i.Year, Status = i.Status, CreatedAt = i.CreatedAt, User = i.User, FileName = i.FileName,
                Sha256 = i.Sha256, Rows = i.Rows, Snapshot = i.Snapshot, IsDemo = i.IsDemo,
            })
            .SingleOrDefaultAsync(cancellationToken);

    private static List<RankingWarning> Warnings(IndexReference reference, List<ParsedValue> values)
    {
        var cities = values.Select(v => v.CityCode).Distinct().ToList();
        var index = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var matrix = new IndicatorMatrix(reference.Framework, cities.Count);
        foreach (var v in values)
        {
            matrix[reference.Framework.IndexOf(v.IndicatorCode), index[v.CityCode]] = v.Value;
        }

        return [.. ScoringEngine.Score(matrix).Warnings.Select(RankingWarning.From)];
    }

    private void LogImport(ImportRecord record) =>
        logger.LogInformation(
            "Import {ImportId} of {Year} by {User}: {Status}, {Rows} rows, {Values} values, {Errors} errors, SHA-256 {Sha256}",
            record.Id, record.Year, record.User, record.Status, record.Rows, record.Values, record.Errors, record.Sha256);
}
