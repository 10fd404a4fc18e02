using System.Drawing;
using System.Globalization;
using System.Text;
using System.Xml;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using SpreadCheetah;
using SpreadCheetah.Metadata;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CityExchange.Core.Excel;

/// <summary>
/// Writes a downloadable table as .xlsx: the <c>data</c> (<c>数据</c>) sheet with a bold, frozen header and typed cells
/// (a <see cref="CsvCell"/> number is a numeric cell shown with the CSV's decimals, a missing one an empty cell, text a
/// string cell, never a formula), then the <c>about</c> (<c>说明</c>) sheet. A demo table says so in row 1 of the data
/// sheet, above the header, and on a red tab: a copied sheet or a program reading the first row meets the banner
/// before any figure.
/// </summary>
public static class TableWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Numbers with more decimals than this are shown in Excel's General format.</summary>
    private const int MaxShownDecimals = 15;

    internal static readonly DataCell Empty = new((string?)null);

    internal static readonly Style HeaderStyle = new() { Font = { Bold = true }, Fill = { Color = Color.FromArgb(0xF2, 0xF2, 0xF2) } };

    internal static readonly Style TitleStyle = new() { Font = { Bold = true, Size = 14 } };

    internal static readonly Style BannerStyle = new() { Font = { Bold = true, Color = Color.FromArgb(0x9C, 0x00, 0x06) }, Fill = { Color = Color.FromArgb(0xFF, 0xC7, 0xCE) } };

    private static readonly Color DemoTab = Color.FromArgb(0xC0, 0x00, 0x00);

    /// <summary>The row of the data sheet's header: 2 under a demo banner, else 1.</summary>
    public static int HeaderRow(bool isDemo) => isDemo ? 2 : 1;

    /// <summary>Writes the workbook to <paramref name="stream"/>, which may be a response body (see <see cref="WriteToAsync"/>).</summary>
    public static Task WriteAsync(TableWorkbookSpec spec, Stream stream, CancellationToken cancellationToken = default) =>
        WriteToAsync(stream, target => WriteWorkbookAsync(spec, target, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> on <paramref name="stream"/>, or on a buffer copied to it when it is forward-only:
    /// on such a stream ZipArchive writes its data descriptors synchronously, which a response body refuses.
    /// </summary>
    internal static async Task WriteToAsync(Stream stream, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            await write(stream);
            return;
        }

        using var buffer = new MemoryStream();
        await write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken);
    }

    private static async Task WriteWorkbookAsync(TableWorkbookSpec spec, Stream stream, CancellationToken cancellationToken)
    {
        var culture = spec.Language.Culture();
        var banner = WorkbookTexts.Get(WorkbookTexts.DemoBanner, culture);
        await using var workbook = await Spreadsheet.CreateNewAsync(stream, Options(spec.IsDemo ? $"{spec.Title} ({banner})" : spec.Title), cancellationToken);
        var bold = workbook.AddStyle(HeaderStyle);
        var bannerStyle = workbook.AddStyle(BannerStyle);

        var options = new WorksheetOptions { FrozenRows = HeaderRow(spec.IsDemo) };
        if (spec.IsDemo)
        {
            options.TabColor = DemoTab;
        }

        for (var c = 0; c < spec.Headers.Count; c++)
        {
            options.Column(c + 1).Width = WidthFor(spec.Headers[c], min: 10, max: 40);
        }

        await workbook.StartWorksheetAsync(WorkbookTexts.Get(WorkbookTexts.TableDataSheet, culture), options, cancellationToken);
        if (spec.IsDemo)
        {
            await workbook.AddRowAsync([new StyledCell(banner, bannerStyle)], cancellationToken);
        }

        await workbook.AddRowAsync([.. spec.Headers.Select(h => new StyledCell(XmlText(h), bold))], cancellationToken);

        var numberStyles = new Dictionary<int, StyleId>();
        var row = new Cell[spec.Headers.Count];
        var rowNumber = HeaderRow(spec.IsDemo);
        foreach (var cells in spec.Rows)
        {
            rowNumber++;
            if (cells.Count != row.Length)
            {
                throw new ArgumentException($"Row {rowNumber} has {cells.Count} cells; the table has {row.Length} columns.", nameof(spec));
            }

            for (var c = 0; c < row.Length; c++)
            {
                row[c] = ToCell(workbook, cells[c], numberStyles);
            }

            await workbook.AddRowAsync(row, cancellationToken);
        }

        var about = new WorksheetOptions();
        about.Column(1).Width = 24;
        about.Column(2).Width = 80;
        await workbook.StartWorksheetAsync(WorkbookTexts.Get(WorkbookTexts.TableAboutSheet, culture), about, cancellationToken);
        await workbook.AddRowAsync([new StyledCell(XmlText(spec.Title), workbook.AddStyle(TitleStyle))], cancellationToken);
        if (spec.IsDemo)
        {
            await workbook.AddRowAsync([new StyledCell(banner, bannerStyle)], cancellationToken);
        }

        foreach (var item in spec.About)
        {
            await workbook.AddRowAsync([new Cell(XmlText(item.Label), bold), ToCell(workbook, item.Value, numberStyles)], cancellationToken);
        }

        await workbook.FinishAsync(cancellationToken);
    }

    public static async Task<byte[]> ToBytesAsync(TableWorkbookSpec spec, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(spec, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// A number as a numeric cell in the format of its CSV text ("3.10" shows as 3.10), a missing one as an empty cell,
    /// text as a string cell: SpreadCheetah writes a string as an inline string, so "=1+1" is never a formula.
    /// </summary>
    private static Cell ToCell(Spreadsheet workbook, CsvCell cell, Dictionary<int, StyleId> numberStyles)
    {
        if (!cell.IsNumber)
        {
            return new Cell(XmlText(cell.Value));
        }

        if (cell.Value.Length == 0 || !double.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return new Cell(Empty);
        }

        var point = cell.Value.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 || cell.Value.Contains('E', StringComparison.OrdinalIgnoreCase) ? 0 : cell.Value.Length - point - 1;
        if (decimals is 0 or > MaxShownDecimals)
        {
            return new Cell(value);
        }

        if (!numberStyles.TryGetValue(decimals, out var style))
        {
            style = workbook.AddStyle(new Style { Format = NumberFormat.Custom("0." + new string('0', decimals)) });
            numberStyles[decimals] = style;
        }

        return new Cell(value, style);
    }

    internal static SpreadCheetahOptions Options(string title) => new()
    {
        DocumentProperties = new DocumentProperties { Title = Truncate(XmlText(title), 255), Author = "CityExchange" },
        // Explicit "r" attributes: readers that locate cells by reference (the upload's own, OleDb) need them.
        WriteCellReferenceAttributes = true,
    };

    /// <summary>A column width in Excel's character units for <paramref name="text"/>: CJK characters count twice.</summary>
    internal static double WidthFor(string text, double min, double max)
    {
        var width = 2.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value >= 0x2E80 ? 2 : 1;
        }

        return Math.Clamp(width, min, max);
    }

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
    /// an unpaired surrogate) as U+FFFD. SpreadCheetah writes them as they are, and Excel then refuses the whole file.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    internal static string? XmlText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var i = 0;
        while (i < text.Length && IsXmlAt(text, i, out var width))
        {
            i += width;
        }

        if (i == text.Length)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length).Append(text, 0, i);
        while (i < text.Length)
        {
            if (IsXmlAt(text, i, out var width))
            {
                safe.Append(text, i, width);
                i += width;
            }
            else
            {
                safe.Append('\uFFFD');
                i++;
            }
        }

        return safe.ToString();
    }

    private static bool IsXmlAt(string text, int i, out int width)
    {
        width = 1;
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }

        return XmlConvert.IsXmlChar(text[i]);
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, cut with "…" and never inside a surrogate pair.</summary>
    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>The A1 letters of 1-based column <paramref name="column"/> (1 → A, 27 → AA).</summary>
    internal static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }
}
