using System.Globalization;
using System.Resources;

namespace CityExchange.Core.Resources;

/// <summary>
/// The fixed texts of the written workbooks (sheet names, headers, instructions, the demo banner) in English and zh-CN.
/// Looked up in the workbook's own culture, not the thread's: a template is written in the language asked for.
/// </summary>
internal static class WorkbookTexts
{
    public const string TemplateDataSheet = nameof(TemplateDataSheet);

    public const string TemplateInstructionsSheet = nameof(TemplateInstructionsSheet);

    public const string HeaderCity = nameof(HeaderCity);

    public const string HeaderNameZh = nameof(HeaderNameZh);

    public const string HeaderNameEn = nameof(HeaderNameEn);

    public const string HeaderYear = nameof(HeaderYear);

    public const string HeaderSource = nameof(HeaderSource);

    public const string InputMessage = nameof(InputMessage);

    public const string ErrorTitle = nameof(ErrorTitle);

    public const string ErrorMessage = nameof(ErrorMessage);

    public const string TemplateTitle = nameof(TemplateTitle);

    public const string YearLabel = nameof(YearLabel);

    public const string HowToFillHeading = nameof(HowToFillHeading);

    public const string HowToFillRows = nameof(HowToFillRows);

    public const string HowToFillValues = nameof(HowToFillValues);

    public const string HowToFillMissing = nameof(HowToFillMissing);

    public const string HowToFillHeaders = nameof(HowToFillHeaders);

    public const string HowToFillSource = nameof(HowToFillSource);

    public const string HowToUploadHeading = nameof(HowToUploadHeading);

    public const string HowToUploadPage = nameof(HowToUploadPage);

    public const string HowToUploadApi = nameof(HowToUploadApi);

    public const string FillNoteHeading = nameof(FillNoteHeading);

    public const string IndicatorsHeading = nameof(IndicatorsHeading);

    public const string ColumnCode = nameof(ColumnCode);

    public const string ColumnIndicator = nameof(ColumnIndicator);

    public const string ColumnDomain = nameof(ColumnDomain);

    public const string ColumnUnit = nameof(ColumnUnit);

    public const string ColumnDefinition = nameof(ColumnDefinition);

    public const string ColumnTypicalSource = nameof(ColumnTypicalSource);

    public const string TableDataSheet = nameof(TableDataSheet);

    public const string TableAboutSheet = nameof(TableAboutSheet);

    public const string DemoBanner = nameof(DemoBanner);

    private static readonly ResourceManager Resources = new("CityExchange.Core.Resources.WorkbookTexts", typeof(WorkbookTexts).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> with the arguments filled in; the key itself when none.</summary>
    public static string Get(string key, CultureInfo culture, params object?[] args)
    {
        var template = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
