using System.Globalization;
using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Web.Pages.Shared;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// What the upload page offers for a new template: the year it is for by default (the one after the latest stored year
/// of any kind) and the year whose values a prefilled template for it takes (null: it is blank).
/// </summary>
public sealed record TemplateDefaults(int Year, int? PrefillYear);

/// <summary>The file a template is written as: an Excel workbook (the default) or CSV.</summary>
public enum TemplateFormat
{
    Xlsx,
    Csv,
}

public static class TemplateFormats
{
    /// <summary>
    /// <c>xlsx</c> or <c>csv</c> (any case). A missing value is CSV, what template links meant before workbooks; the
    /// upload page's form asks for xlsx by default.
    /// </summary>
    public static bool TryParse(string? text, out TemplateFormat format)
    {
        format = TemplateFormat.Csv;
        if (string.IsNullOrEmpty(text) || text.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        format = TemplateFormat.Xlsx;
        return text.Equals("xlsx", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The downloads of the upload page: a yearly template and the indicator dictionary. A template is never prefilled
/// from demo values: filled in and uploaded, synthetic figures would become a real year's data.
/// </summary>
public sealed class UploadTemplates(
    CityExchangeDbContext db, ReferenceCache referenceCache, TimeProvider clock, IStringLocalizer<TemplateText> text, IndicatorTexts indicatorTexts)
{
    /// <summary>The latest year up to <paramref name="year"/> with real (non-demo) indicator values: the template's prefill, or null.</summary>
    public async Task<int?> PrefillYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.Set<DataYear>().AsNoTracking()
            .Where(y => y.Year <= year && y.Kind == YearKind.Indicators && !y.IsDemo)
            .OrderByDescending(y => y.Year)
            .Select(y => (int?)y.Year)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The template year the page proposes and where its prefill would come from.</summary>
    public async Task<TemplateDefaults> DefaultsAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.Set<DataYear>().AsNoTracking().MaxAsync(y => (int?)y.Year, cancellationToken);
        var year = latest + 1 ?? clock.GetUtcNow().Year;
        return new TemplateDefaults(year, await PrefillYearAsync(year, cancellationToken));
    }

    /// <summary>
    /// Header and every city; with <paramref name="prefill"/>, the values of <see cref="PrefillYearAsync"/> (blank when
    /// there is none). A CSV ends with a comment line saying which; a workbook says it on its instructions sheet; the file
    /// name says it too. A workbook is in the reader's language (headers "name (code)", which the upload reads back).
    /// </summary>
    public async Task<DownloadFile> TemplateAsync(int year, bool prefill, TemplateFormat format = TemplateFormat.Csv, CancellationToken cancellationToken = default)
    {
        var reference = await referenceCache.GetAsync(db, cancellationToken);
        var source = prefill ? await PrefillYearAsync(year, cancellationToken) : null;
        Dictionary<(string City, string Indicator), double>? values = null;
        if (source is { } from)
        {
            values = await db.Set<IndicatorValue>().AsNoTracking()
                .Where(v => v.Year == from)
                .ToDictionaryAsync(v => (v.CityCode, v.IndicatorCode), v => v.Value, cancellationToken);
        }

        var comment = source is { } y
            ? text["Prefilled with the indicator values of {0}: real data; demo values are never used. Lines starting with # are skipped on upload.", y]
            : prefill
                ? text["Blank: no year up to {0} has real (non-demo) indicator values to prefill from; demo values are never used. Lines starting with # are skipped on upload.", year]
                : text["Blank template. Lines starting with # are skipped on upload."];
        var name = source is { } s ? $"cityexchange-{year}-template-from-{s}" : $"cityexchange-{year}-template-blank";
        if (format == TemplateFormat.Csv)
        {
            var content = CsvTemplates.IndicatorTemplate(year, reference.Framework, reference.Cities.Cities, values, comment);
            return new DownloadFile(content, CsvExportWriter.ContentType, name + ".csv");
        }

        var notes = source is { } noted
            ? await db.Set<IndicatorValue>().AsNoTracking()
                .Where(v => v.Year == noted && v.SourceNote != null && v.SourceNote != "")
                .GroupBy(v => v.CityCode)
                .Select(g => new { City = g.Key, Note = g.Min(v => v.SourceNote)! })
                .ToDictionaryAsync(n => n.City, n => n.Note, cancellationToken)
            : null;
        var spec = new TemplateWorkbookSpec(
            WorkbookLanguages.Of(CultureInfo.CurrentUICulture),
            year,
            [.. reference.Framework.Indicators.Select(i => new TemplateIndicator(i.Code, i.Domain, Localized.Name(i), indicatorTexts.Unit(i), indicatorTexts.Definition(i), indicatorTexts.TypicalSource(i)))],
            [.. reference.Cities.Cities.Select(c => new TemplateCity(c.Code, c.NameZh, c.NameEn))],
            values,
            notes,
            source is { } w
                ? text["Prefilled with the indicator values of {0}: real data; demo values are never used.", w]
                : prefill
                    ? text["Blank: no year up to {0} has real (non-demo) indicator values to prefill from; demo values are never used.", year]
                    : text["Blank template."]);
        return new DownloadFile(await IndicatorTemplateWorkbook.ToBytesAsync(spec, cancellationToken), TableWorkbook.ContentType, name + ".xlsx");
    }

    public async Task<byte[]> DictionaryAsync(CancellationToken cancellationToken = default) =>
        CsvTemplates.IndicatorDictionary((await referenceCache.GetAsync(db, cancellationToken)).Framework);
}
