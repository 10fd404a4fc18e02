using CityExchange.Core.Analysis;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>What a covariate upload did: accepted (the year's covariates replaced) or rejected (nothing changed).</summary>
public sealed record CovariateImportOutcome(CovariateCsv Parsed, int Cities, int Values)
{
    public bool Accepted => Parsed.IsValid;
}

/// <summary>
/// Replaces a year's covariates (e.g. GDP) from a CSV file in one transaction. Covariates are stored apart from the
/// index values and never change a score. An invalid file changes nothing.
/// </summary>
public sealed class CovariateImportService(CityExchangeDbContext db, ReferenceCache referenceCache, ILogger<CovariateImportService> logger)
{
    public async Task<CovariateImportOutcome> ImportAsync(int year, byte[] content, bool isDemo = false, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var parsed = new CovariateCsvParser(reference.Cities).Parse(content, year);
        if (!parsed.IsValid)
        {
            logger.LogInformation("Covariate upload for {Year} rejected: {Errors} errors", year, parsed.Errors.Count);
            return new CovariateImportOutcome(parsed, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockYearAsync(year, cancellationToken);
        await db.Set<CovariateValue>().Where(v => v.Year == year).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(parsed.Values.Select(v => new CovariateValue { Year = year, CityCode = v.CityCode, Code = v.Code, Value = v.Value, IsDemo = isDemo }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var cities = parsed.Values.Select(v => v.CityCode).Distinct().Count();
        logger.LogInformation("Covariates of {Year} replaced: {Cities} cities, {Values} values, covariates {Codes}",
            year, cities, parsed.Values.Count, string.Join(",", parsed.Codes));
        return new CovariateImportOutcome(parsed, cities, parsed.Values.Count);
    }
}
