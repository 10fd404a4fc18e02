using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Core.Resources;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Validations;
using SpreadCheetah.Worksheets;

namespace CityExchange.Core.Excel;

/// <summary>
/// Writes the upload template of a year as .xlsx: the data sheet (<c>指标</c>/<c>indicators</c>) with the headers the
/// workbook reader recognises, one row per city, a warning-style validation (number ≥ 0, so <c>NA</c> can still be
/// typed) with the unit and definition as input message on every indicator cell, frozen header and name columns; then
/// the instructions sheet (<c>说明</c>/<c>instructions</c>). Text is always written as a string cell, never a formula.
/// </summary>
public static class IndicatorTemplateWorkbook
{
    /// <summary>The columns before the first indicator: city code, Chinese name, English name, year.</summary>
    public const int LeadingColumns = 4;

    /// <summary>Frozen on the left: the city's code and both its names.</summary>
    public const int FrozenColumns = 3;

    /// <summary>Excel's limits for a validation's input title and message.</summary>
    internal const int MaxInputTitle = 32;

    internal const int MaxInputMessage = 255;

    /// <summary>Writes the template to <paramref name="stream"/>, which may be a response body (forward-only streams are buffered).</summary>
    public static Task WriteAsync(TemplateWorkbookSpec spec, Stream stream, CancellationToken cancellationToken = default) =>
        TableWorkbook.WriteToAsync(stream, target => WriteWorkbookAsync(spec, target, cancellationToken), cancellationToken);

    private static async Task WriteWorkbookAsync(TemplateWorkbookSpec spec, Stream stream, CancellationToken cancellationToken)
    {
        var culture = spec.Language.Culture();
        string T(string key, params object?[] args) => WorkbookTexts.Get(key, culture, args);

        await using var workbook = await Spreadsheet.CreateNewAsync(stream, TableWorkbook.Options(T(WorkbookTexts.TemplateTitle, spec.Year)), cancellationToken);
        var bold = workbook.AddStyle(TableWorkbook.HeaderStyle);

        await WriteDataSheetAsync(workbook, spec, bold, T, cancellationToken);
        await WriteInstructionsAsync(workbook, spec, bold, workbook.AddStyle(TableWorkbook.TitleStyle), T, cancellationToken);
        await workbook.FinishAsync(cancellationToken);
    }

    public static async Task<byte[]> ToBytesAsync(TemplateWorkbookSpec spec, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(spec, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The data sheet's header row, as the reader expects it: fixed columns, "name (code)" per indicator, the source note.</summary>
    public static IReadOnlyList<string> Header(TemplateWorkbookSpec spec)
    {
        var culture = spec.Language.Culture();
        return
        [
            WorkbookTexts.Get(WorkbookTexts.HeaderCity, culture),
            WorkbookTexts.Get(WorkbookTexts.HeaderNameZh, culture),
            WorkbookTexts.Get(WorkbookTexts.HeaderNameEn, culture),
            WorkbookTexts.Get(WorkbookTexts.HeaderYear, culture),
            .. spec.Indicators.Select(i => $"{i.Name} ({i.Code})"),
            WorkbookTexts.Get(WorkbookTexts.HeaderSource, culture),
        ];
    }

    private static async Task WriteDataSheetAsync(
        Spreadsheet workbook, TemplateWorkbookSpec spec, StyleId bold, Func<string, object?[], string> text, CancellationToken cancellationToken)
    {
        var header = Header(spec);
        var options = new WorksheetOptions { FrozenRows = 1, FrozenColumns = FrozenColumns };
        options.Column(1).Width = 16;
        options.Column(2).Width = 14;
        options.Column(3).Width = 20;
        options.Column(4).Width = 8;
        for (var i = 0; i < spec.Indicators.Count; i++)
        {
            options.Column(LeadingColumns + 1 + i).Width = TableWorkbook.WidthFor(header[LeadingColumns + i], min: 12, max: 36);
        }

        options.Column(header.Count).Width = 40;
        await workbook.StartWorksheetAsync(text(WorkbookTexts.TemplateDataSheet, []), options, cancellationToken);
        await workbook.AddRowAsync([.. header.Select(h => new StyledCell(TableWorkbook.XmlText(h), bold))], cancellationToken);

        var row = new DataCell[header.Count];
        foreach (var city in spec.Cities.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            row[0] = new DataCell(TableWorkbook.XmlText(city.Code));
            row[1] = new DataCell(TableWorkbook.XmlText(city.NameZh));
            row[2] = new DataCell(TableWorkbook.XmlText(city.NameEn));
            row[3] = new DataCell(spec.Year);
            for (var i = 0; i < spec.Indicators.Count; i++)
            {
                row[LeadingColumns + i] = spec.Values is not null && spec.Values.TryGetValue((city.Code, spec.Indicators[i].Code), out var value) && double.IsFinite(value)
                    ? new DataCell(value)
                    : TableWorkbook.Empty;
            }

            row[^1] = spec.SourceNotes is not null && spec.SourceNotes.TryGetValue(city.Code, out var note) ? new DataCell(TableWorkbook.XmlText(note)) : TableWorkbook.Empty;
            await workbook.AddRowAsync(row, cancellationToken);
        }

        if (spec.Cities.Count == 0)
        {
            return;
        }

        // One validation per indicator column over the data rows: 17 ranges, not 17 × 5,000 cells.
        var lastRow = spec.Cities.Count + 1;
        for (var i = 0; i < spec.Indicators.Count; i++)
        {
            var indicator = spec.Indicators[i];
            var validation = DataValidation.DecimalGreaterThanOrEqualTo(0);
            validation.ErrorType = ValidationErrorType.Warning;
            validation.IgnoreBlank = true;
            validation.ShowErrorAlert = true;
            validation.ShowInputMessage = true;
            validation.InputTitle = TableWorkbook.Truncate(TableWorkbook.XmlText(indicator.Name), MaxInputTitle);
            validation.InputMessage = TableWorkbook.Truncate(TableWorkbook.XmlText(text(WorkbookTexts.InputMessage, [indicator.Unit, indicator.Definition])), MaxInputMessage);
            validation.ErrorTitle = TableWorkbook.Truncate(text(WorkbookTexts.ErrorTitle, []), MaxInputTitle);
            validation.ErrorMessage = TableWorkbook.Truncate(text(WorkbookTexts.ErrorMessage, []), MaxInputMessage);
            var column = TableWorkbook.ColumnName(LeadingColumns + 1 + i);
            workbook.AddDataValidation($"{column}2:{column}{lastRow.ToString(CultureInfo.InvariantCulture)}", validation);
        }
    }

    private static async Task WriteInstructionsAsync(
        Spreadsheet workbook, TemplateWorkbookSpec spec, StyleId bold, StyleId title, Func<string, object?[], string> text, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => text(key, args);

        var options = new WorksheetOptions();
        foreach (var (column, width) in new[] { (1, 22d), (2, 28d), (3, 12d), (4, 16d), (5, 60d), (6, 40d) })
        {
            options.Column(column).Width = width;
        }

        await workbook.StartWorksheetAsync(T(WorkbookTexts.TemplateInstructionsSheet), options, cancellationToken);
        await workbook.AddRowAsync([new StyledCell(T(WorkbookTexts.TemplateTitle, spec.Year), title)], cancellationToken);
        await workbook.AddRowAsync([new Cell(T(WorkbookTexts.YearLabel), bold), new Cell(spec.Year)], cancellationToken);
        if (!string.IsNullOrWhiteSpace(spec.FillNote))
        {
            await workbook.AddRowAsync([new Cell(T(WorkbookTexts.FillNoteHeading), bold), new Cell(TableWorkbook.XmlText(spec.FillNote))], cancellationToken);
        }

        await workbook.AddRowAsync(Array.Empty<DataCell>(), cancellationToken);
        await workbook.AddRowAsync([new StyledCell(T(WorkbookTexts.HowToFillHeading), bold)], cancellationToken);
        foreach (var line in new[]
        {
            T(WorkbookTexts.HowToFillRows), T(WorkbookTexts.HowToFillValues), T(WorkbookTexts.HowToFillMissing),
            T(WorkbookTexts.HowToFillHeaders, spec.Year), T(WorkbookTexts.HowToFillSource),
        })
        {
            await workbook.AddRowAsync([new DataCell(line)], cancellationToken);
        }

        await workbook.AddRowAsync(Array.Empty<DataCell>(), cancellationToken);
        await workbook.AddRowAsync([new StyledCell(T(WorkbookTexts.HowToUploadHeading), bold)], cancellationToken);
        await workbook.AddRowAsync([new DataCell(T(WorkbookTexts.HowToUploadPage))], cancellationToken);
        await workbook.AddRowAsync([new DataCell(T(WorkbookTexts.HowToUploadApi, spec.Year))], cancellationToken);

        await workbook.AddRowAsync(Array.Empty<DataCell>(), cancellationToken);
        await workbook.AddRowAsync([new StyledCell(T(WorkbookTexts.IndicatorsHeading), bold)], cancellationToken);
        await workbook.AddRowAsync(
            [.. new[]
            {
                WorkbookTexts.ColumnCode, WorkbookTexts.ColumnIndicator, WorkbookTexts.ColumnDomain, WorkbookTexts.ColumnUnit,
                WorkbookTexts.ColumnDefinition, WorkbookTexts.ColumnTypicalSource,
            }.Select(key => new StyledCell(T(key), bold))],
            cancellationToken);
        foreach (var indicator in spec.Indicators)
        {
            var domain = DomainInfo.Of(indicator.Domain);
            await workbook.AddRowAsync(
                [
                    new DataCell(TableWorkbook.XmlText(indicator.Code)), new DataCell(TableWorkbook.XmlText(indicator.Name)),
                    new DataCell(spec.Language == WorkbookLanguage.Chinese ? domain.NameZh : domain.NameEn),
                    new DataCell(TableWorkbook.XmlText(indicator.Unit)), new DataCell(TableWorkbook.XmlText(indicator.Definition)),
                    new DataCell(TableWorkbook.XmlText(indicator.TypicalSource)),
                ],
                cancellationToken);
        }
    }
}
