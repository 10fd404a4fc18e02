using System.Globalization;
using System.Text;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using ExcelDataReader;

namespace CityExchange.Core.Excel;

/// <summary>
/// Reads the chosen worksheet of a legacy .xls (BIFF8) with ExcelDataReader. That library returns an error cell
/// (<c>#DIV/0!</c>, <c>#N/A</c>…) as a blank one, so in a .xls an error cell reads as missing; the file gets one notice
/// saying so (<see cref="MessageKey.XlsErrorsReadAsMissing"/>). A number formatted as a date comes back as a date.
/// </summary>
internal sealed class XlsReader(IExcelDataReader reader, CsvIssueList errors) : ISheetReader
{
    private readonly List<MergedRange> _merges = [];

    static XlsReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IReadOnlyList<MergedRange> Merges => _merges;

    public bool Stopped { get; private set; }

    public static IExcelDataReader Create(Stream stream) =>
        ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });

    /// <summary>Chooses the sheet to read and moves the reader to it; null, with the error added, when there is none.</summary>
    public string? Open()
    {
        var sheets = new List<(string Name, bool Visible)>();
        do
        {
            sheets.Add((reader.Name ?? string.Empty, reader.VisibleState is null or "visible"));
        }
        while (reader.NextResult() && sheets.Count <= WorkbookLimits.MaxEntries);

        var shown = sheets.Select((s, i) => (s.Name, s.Visible, Index: i)).Where(s => s.Visible).ToList();
        if (shown.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.HiddenSheetsOnly, string.Join(", ", sheets.Select(s => s.Name)));
            return null;
        }

        var chosen = shown.FirstOrDefault(s => WorkbookReader.IsDataSheetName(s.Name));
        if (chosen.Name is null)
        {
            chosen = shown[0];
        }

        reader.Reset();
        for (var i = 0; i < chosen.Index; i++)
        {
            reader.NextResult();
        }

        return chosen.Name;
    }

    public IEnumerable<SheetRow> Rows()
    {
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new List<SheetCell>();
            for (var column = 0; column < reader.FieldCount; column++)
            {
                if (Text(reader.GetValue(column)) is not { } content)
                {
                    continue;
                }

                if (column >= WorkbookLimits.MaxColumns)
                {
                    var at = CellReferences.Format(column, number);
                    errors.AddPinned(CsvTable.Issue(number, null, null, MessageKey.TooManyColumns, WorkbookLimits.MaxColumns, at) with { Cell = at });
                    Stopped = true;
                    yield break;
                }

                cells.Add(new SheetCell(column, content.Text, content.Mark));
            }

            if (cells.Count > 0)
            {
                yield return new SheetRow(number, cells);
            }
        }

        foreach (var range in reader.MergeCells ?? [])
        {
            _merges.Add(new MergedRange(range.FromColumn, range.FromRow + 1, range.ToColumn, range.ToRow + 1));
        }
    }

    private static (string Text, CellMark Mark)? Text(object? value) => value switch
    {
        null => null,
        string text => (text, CellMark.None),
        bool flag => (flag ? "TRUE" : "FALSE", CellMark.None),
        DateTime date => (date.ToOADate().ToString("R", CultureInfo.InvariantCulture), CellMark.Date),
        TimeSpan time => (time.TotalDays.ToString("R", CultureInfo.InvariantCulture), CellMark.Date),
        double number => (number.ToString("R", CultureInfo.InvariantCulture), CellMark.None),
        IConvertible other => (Convert.ToDouble(other, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture), CellMark.None),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, CellMark.None),
    };
}
