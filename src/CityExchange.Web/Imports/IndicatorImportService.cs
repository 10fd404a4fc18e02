using System.Security.Cryptography;
using CityExchange.Core.Csv;
using CityExchange.Core.Scoring;
using CityExchange.Web.Api.Rankings;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Imports;

/// <summary>
/// Replaces a year's indicator values from a CSV file in one transaction, and records every attempt in the
/// import history. An invalid file changes no data; it is recorded as rejected.
/// </summary>
public sealed class IndicatorImportService(
    CityExchangeDbContext db,
    ReferenceCache referenceCache,
    TimeProvider clock,
    ILogger<IndicatorImportService> logger)
{
    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var parsed = reference.CreateParser().Parse(request.Content, request.Year);
        var record = new ImportRecord
        {
            Year = request.Year,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            User = request.User,
            FileName = request.FileName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            Rows = parsed.Rows.Count,
            Errors = parsed.Errors.Count,
        };

        if (!parsed.IsValid)
        {
            record.Status = ImportRecord.Rejected;
            db.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            LogImport(record);
            return new ImportOutcome(record.Id, parsed, 0, 0, []);
        }

        var values = parsed.Values.ToList();
        record.Status = ImportRecord.Accepted;
        record.Values = values.Count;
        record.Snapshot = ValueSnapshot.Create(values);
        await ReplaceYearAsync(request.Year, values, request.IsDemo, record, cancellationToken);
        LogImport(record);

        var warnings = Warnings(reference, values);
        return new ImportOutcome(record.Id, parsed, values.Select(v => v.CityCode).Distinct().Count(), values.Count, warnings);
    }

    /// <summary>Deletes the year's values and writes <paramref name="values"/> and the history record, all or nothing.</summary>
    internal async Task ReplaceYearAsync(int year, IReadOnlyList<ParsedValue> values, bool isDemo, ImportRecord record, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dataYear = await db.Set<DataYear>().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (dataYear is null)
        {
            dataYear = new DataYear { Year = year };
            db.Add(dataYear);
        }

        dataYear.Kind = DataYear.Indicators;
        dataYear.IsDemo = isDemo;
        dataYear.UpdatedAt = record.CreatedAt;
        dataYear.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);

        await db.Set<IndicatorValue>().Where(v => v.Year == year).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(values.Select(v => new IndicatorValue
        {
            Year = year,
            CityCode = v.CityCode,
            IndicatorCode = v.IndicatorCode,
            Value = v.Value,
            SourceNote = v.Source,
        }));
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

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
