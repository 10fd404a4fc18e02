using System.Globalization;
using CityExchange.Core.Framework;

namespace CityExchange.Core.Excel;

/// <summary>The language of a written workbook: its sheet names, headers and instructions.</summary>
public enum WorkbookLanguage
{
    Chinese,
    English,
}

public static class WorkbookLanguages
{
    /// <summary>Chinese for any <c>zh</c> culture, English otherwise (the site's two languages).</summary>
    public static WorkbookLanguage Of(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? WorkbookLanguage.Chinese : WorkbookLanguage.English;

    internal static CultureInfo Culture(this WorkbookLanguage language) =>
        language == WorkbookLanguage.Chinese ? CultureInfo.GetCultureInfo("zh-CN") : CultureInfo.InvariantCulture;
}

/// <summary>
/// One indicator as the template shows it, its texts in the workbook's language. The caller passes them because the
/// English units, definitions and sources live in the Web project's resources.
/// </summary>
public sealed record TemplateIndicator(string Code, Domain Domain, string Name, string Unit, string Definition, string TypicalSource)
{
    /// <summary>The framework's Chinese texts (name, unit as given, definition, typical source).</summary>
    public static TemplateIndicator Chinese(Indicator indicator) =>
        new(indicator.Code, indicator.Domain, indicator.NameZh, indicator.Unit, indicator.DefinitionZh, indicator.TypicalSourceZh);
}

/// <summary>A row of the template: the city's code (what the upload reads) and its names (to find the row).</summary>
public sealed record TemplateCity(string Code, string NameZh, string NameEn);

/// <summary>
/// What <see cref="IndicatorTemplateWorkbook"/> writes: the upload template of <see cref="Year"/> in
/// <see cref="Language"/>, one column per indicator in the given (framework) order, one row per city by code.
/// <see cref="Values"/> (city code, indicator code) prefill cells; <see cref="SourceNotes"/> (by city code) prefill the
/// source column; <see cref="FillNote"/> says on the instructions sheet where the prefill comes from, or why it is blank.
/// </summary>
public sealed record TemplateWorkbookSpec(
    WorkbookLanguage Language,
    int Year,
    IReadOnlyList<TemplateIndicator> Indicators,
    IReadOnlyList<TemplateCity> Cities,
    IReadOnlyDictionary<(string City, string Indicator), double>? Values = null,
    IReadOnlyDictionary<string, string>? SourceNotes = null,
    string? FillNote = null);
