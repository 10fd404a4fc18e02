using CityExchange.Core.Csv;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Imports;

/// <summary>The downloads of the upload page: a yearly template and the indicator dictionary.</summary>
public sealed class UploadTemplates(CityExchangeDbContext db, ReferenceCache referenceCache)
{
    /// <summary>The latest year up to <paramref name="year"/> that has indicator values (the template's prefill), or null.</summary>
    public async Task<int?> PrefillYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.Set<DataYear>().AsNoTracking()
            .Where(y => y.Year <= year && y.Kind == DataYear.Indicators)
            .OrderByDescending(y => y.Year)
            .Select(y => (int?)y.Year)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Header and every city; with <paramref name="prefill"/>, the values of <see cref="PrefillYearAsync"/>.</summary>
    public async Task<byte[]> TemplateAsync(int year, bool prefill, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        Dictionary<(string City, string Indicator), double>? values = null;
        if (prefill && await PrefillYearAsync(year, cancellationToken) is { } source)
        {
            values = await db.Set<IndicatorValue>().AsNoTracking()
                .Where(v => v.Year == source)
                .ToDictionaryAsync(v => (v.CityCode, v.IndicatorCode), v => v.Value, cancellationToken);
        }

        return CsvTemplates.IndicatorTemplate(year, reference.Framework, reference.Cities.Cities, values);
    }

    public async Task<byte[]> DictionaryAsync(CancellationToken cancellationToken = default) =>
        CsvTemplates.IndicatorDictionary((await referenceCache.GetAsync(db, cancellationToken)).Framework);
}
