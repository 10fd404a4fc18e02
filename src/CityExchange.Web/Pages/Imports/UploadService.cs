using System.Security.Cryptography;
using CityExchange.Core.Csv;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Imports;

/// <summary>A file uploaded on the page; <see cref="Year"/> is null when it is to come from the file's year column.</summary>
public sealed record UploadRequest(int? Year, byte[] Content, string FileName, string User);

/// <summary>Everything the preview shows: the parse, the diff against the stored year, the warnings.</summary>
public sealed record UploadPreview(
    Guid Id,
    string FileName,
    string UploadedBy,
    DateTime UploadedAt,
    IndicatorCsv Parsed,
    IndexReference Reference,
    YearVersion Version,
    bool YearIsDemo,
    bool YearIsPublished,
    ValueDiff? Diff,
    IReadOnlyList<ImportWarning> Warnings)
{
    public int? Year => Parsed.Year;

    public bool CanConfirm => Parsed.IsValid && Parsed.Year is not null;
}

public enum ConfirmStatus
{
    Accepted,
    NotFound,
    Invalid,
    Conflict,
}

public sealed record ConfirmOutcome(ConfirmStatus Status, long ImportId, int Year);

/// <summary>
/// The page's upload flow: stage (parse, record a rejected file, keep the file as a pending import), preview (diff
/// and warnings against the current data), confirm (replace the year if its data did not change since the preview)
/// or cancel. The preview's parse is kept (<see cref="PreviewParses"/>); the confirmation parses the file again, so what
/// is stored is exactly what was previewed.
/// </summary>
public sealed class UploadService(
    CityExchangeDbContext db,
    ReferenceCache referenceCache,
    IndicatorImportService imports,
    PreviewParses previews,
    TimeProvider clock)
{
    /// <summary>Pending imports older than this are discarded when the next file is staged.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromDays(2);

    public async Task<Guid> StageAsync(UploadRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - PendingLifetime;
        await db.Set<PendingImport>().Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var parsed = reference.CreateParser().Parse(request.Content, request.Year);
        if (!parsed.IsValid)
        {
            // A rejected upload is history at once (with no year when none could be read); its preview only shows the errors.
            await imports.RecordRejectedAsync(imports.NewRecord(parsed.Year, request.FileName, request.User, request.Content, parsed), cancellationToken);
        }

        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            Year = request.Year,
            CreatedAt = now,
            User = request.User,
            FileName = request.FileName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            Content = Gzip.Compress(request.Content),
        };
        db.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return pending.Id;
    }

    public async Task<UploadPreview?> PreviewAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<PendingImport>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pending is null)
        {
            return null;
        }

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var parsed = previews.GetOrParse(pending, reference, () => FileOf(pending));
        DataYear? dataYear = null;
        ValueDiff? diff = null;
        IReadOnlyList<ImportWarning> warnings = [];
        if (parsed.Year is { } year)
        {
            dataYear = await db.Set<DataYear>().AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
            if (parsed.IsValid)
            {
                var incoming = parsed.Values.ToList();
                var stored = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Year == year)
                    .Select(v => new ParsedValue(v.CityCode, v.IndicatorCode, v.Value, v.SourceNote))
                    .ToListAsync(cancellationToken);
                var cities = incoming.Select(v => v.CityCode).Distinct().ToList();
                var previous = await db.Set<IndicatorValue>().AsNoTracking()
                    .Where(v => v.Year < year && cities.Contains(v.CityCode))
                    .Select(v => new PreviousValue(v.Year, v.CityCode, v.IndicatorCode, v.Value))
                    .ToListAsync(cancellationToken);
                diff = ImportReview.Diff(incoming, stored);
                warnings = ImportReview.Warnings(reference.Framework, incoming, previous);
            }
        }

        return new UploadPreview(
            pending.Id, pending.FileName, pending.User, pending.CreatedAt, parsed, reference,
            new YearVersion(dataYear?.Version), dataYear?.IsDemo == true, dataYear?.Kind == YearKind.Published, diff, warnings);
    }

    /// <summary>Stores the pending file if the year's data is still at <paramref name="expected"/>, the version the preview showed.</summary>
    public async Task<ConfirmOutcome> ConfirmAsync(Guid id, YearVersion expected, string user, CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<PendingImport>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pending is null)
        {
            return new ConfirmOutcome(ConfirmStatus.NotFound, 0, 0);
        }

        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var content = FileOf(pending);
        var parsed = reference.CreateParser().Parse(content, pending.Year);
        if (!parsed.IsValid || parsed.Year is not { } year)
        {
            return new ConfirmOutcome(ConfirmStatus.Invalid, 0, parsed.Year ?? 0);
        }

        var values = parsed.Values.ToList();
        var record = imports.NewRecord(year, pending.FileName, user, content, parsed);
        IndicatorImportService.MarkAccepted(record, values);
        if (await imports.ReplaceYearAsync(year, values, isDemo: false, record, expected, cancellationToken) is null)
        {
            return new ConfirmOutcome(ConfirmStatus.Conflict, 0, year);
        }

        await db.Set<PendingImport>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        previews.Forget(id);
        return new ConfirmOutcome(ConfirmStatus.Accepted, record.Id, year);
    }

    public async Task CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await db.Set<PendingImport>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        previews.Forget(id);
    }

    /// <summary>The uploaded bytes of a pending import (compressed since the bounded-errors change; raw before it).</summary>
    private static byte[] FileOf(PendingImport pending) =>
        pending.Content is [0x1F, 0x8B, ..] ? Gzip.Decompress(pending.Content) : pending.Content;
}
