using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using DocumentFormat.OpenXml.Packaging;

namespace CityExchange.Core.Excel;

/// <summary>
/// The table read from an uploaded workbook: its format, the sheet read, the table (null when none could be read),
/// and the errors and notices found reading it.
/// </summary>
internal sealed record WorkbookTable(UploadFormat Format, string? Sheet, CsvTable? Table, CsvIssueList Errors, CsvIssueList Notices);

/// <summary>
/// Turns an uploaded workbook into the <see cref="CsvTable"/> a CSV file gives, so that one validation runs after it
/// (<see cref="IndicatorCsvParser"/>). The format is told by content: a ZIP (<c>PK\x03\x04</c>) holding an
/// <c>xl/workbook</c> part is a .xlsx/.xlsm; an OLE compound file (<c>D0 CF 11 E0 A1 B1 1A E1</c>) is a legacy .xls, or
/// a password-encrypted .xlsx when it holds an <c>EncryptedPackage</c> stream.
/// The sheet read is the first visible worksheet named as <see cref="DataSheetNames"/> says, else the first visible
/// worksheet; chart and hidden sheets are never read. Its first non-empty row is the header, and the table spans the
/// header's first to last non-empty cell. Each cell's text is what a CSV file would hold: numbers in invariant
/// round-trip form, strings as written, booleans <c>TRUE</c>/<c>FALSE</c>, formulas their cached values, error cells
/// their error (<c>#DIV/0!</c>); what text cannot say (a date format, an error, <c>#N/A</c>, a formula without a
/// value) is a <see cref="CellMark"/> for the validation. A damaged file is an error, never an exception.
/// </summary>
public static class WorkbookReader
{
    /// <summary>The sheet names read first, in any case: a workbook may hold notes or a pivot table beside the data.</summary>
    public static readonly IReadOnlyList<string> DataSheetNames = ["indicators", "指标", "数据", "Data"];

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Directory entry names in an OLE file are UTF-16LE; an encrypted OOXML file has these two streams.
    private static readonly byte[] EncryptedPackageName = System.Text.Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] EncryptionInfoName = System.Text.Encoding.Unicode.GetBytes("EncryptionInfo");

    /// <summary>The format of an upload by its first bytes; anything but a ZIP or an OLE file is read as text.</summary>
    public static UploadFormat Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith("PK\u0003\u0004"u8) ? UploadFormat.Xlsx
        : content.StartsWith(OleSignature) ? UploadFormat.Xls
        : UploadFormat.Csv;

    internal static bool IsDataSheetName(string name) => DataSheetNames.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the workbook <paramref name="content"/> (<see cref="Detect"/> is not <see cref="UploadFormat.Csv"/>).</summary>
    internal static WorkbookTable Read(ReadOnlySpan<byte> content, int maxRows)
    {
        var format = Detect(content);
        if (format == UploadFormat.Xls && IsEncryptedPackage(content))
        {
            return Refused(UploadFormat.Xlsx, MessageKey.WorkbookEncrypted);
        }

        var bytes = content.ToArray();
        try
        {
            return format == UploadFormat.Xlsx ? ReadXlsx(bytes, maxRows) : ReadXls(bytes, maxRows);
        }
        catch (ExcelDataReader.Exceptions.InvalidPasswordException)
        {
            return Refused(format, MessageKey.WorkbookEncrypted);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a damaged file makes a library throw is this one error; what was found before it is dropped.
            return Refused(format, MessageKey.WorkbookUnreadable);
        }
    }

    private static WorkbookTable Refused(UploadFormat format, string key)
    {
        var errors = new CsvIssueList();
        errors.Add(1, null, null, key);
        return new WorkbookTable(format, null, null, errors, new CsvIssueList());
    }

    private static WorkbookTable ReadXlsx(byte[] bytes, int maxRows)
    {
        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        if (ZipGuard.Check(bytes, errors) != ZipVerdict.Workbook)
        {
            return new WorkbookTable(UploadFormat.Xlsx, null, null, errors, notices);
        }

        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings
        {
            AutoSave = false,
            MaxCharactersInPart = WorkbookLimits.MaxUnpackedBytes,
        });
        var reader = new XlsxReader(errors);
        var sheet = reader.Open(document);
        var table = sheet is null ? null : Tabulate(sheet, reader, errors, notices, maxRows);
        return new WorkbookTable(UploadFormat.Xlsx, sheet, table, errors, notices);
    }

    private static WorkbookTable ReadXls(byte[] bytes, int maxRows)
    {
        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        using var stream = new MemoryStream(bytes, writable: false);
        using var excel = XlsReader.Create(stream);
        var reader = new XlsReader(excel, errors);
        var sheet = reader.Open();
        var table = sheet is null ? null : Tabulate(sheet, reader, errors, notices, maxRows);
        if (table is not null)
        {
            notices.AddAt(null, table.HeaderLine, null, null, MessageKey.XlsErrorsReadAsMissing);
        }

        return new WorkbookTable(UploadFormat.Xls, sheet, table, errors, notices);
    }

    /// <summary>Finds the header, then streams the data rows, each as wide as the header, into a <see cref="CsvTable"/>.</summary>
    private static CsvTable? Tabulate(string sheet, ISheetReader reader, CsvIssueList errors, CsvIssueList notices, int maxRows)
    {
        using var rows = reader.Rows().GetEnumerator();
        SheetRow? header = null;
        while (rows.MoveNext())
        {
            if (rows.Current.Cells.Any(c => !CsvTable.IsBlank(c.Text)))
            {
                header = rows.Current;
                break;
            }
        }

        if (header is null)
        {
            if (!reader.Stopped)
            {
                errors.Add(1, null, null, MessageKey.EmptyFile);
            }

            return null;
        }

        var used = header.Cells.Where(c => !CsvTable.IsBlank(c.Text)).ToList();
        var first = used.Min(c => c.Column);
        var last = used.Max(c => c.Column);
        var headerCells = new string[last - first + 1];
        Array.Fill(headerCells, string.Empty);
        foreach (var cell in header.Cells.Where(c => c.Column >= first && c.Column <= last))
        {
            headerCells[cell.Column - first] = cell.Text;
        }

        var progress = new Progress();
        var table = CsvTable.FromRows(sheet, header.Number, first, headerCells, Aligned(rows, first, last, errors, progress), errors, notices, maxRows);
        if (progress.Ended && !reader.Stopped)
        {
            foreach (var merge in reader.Merges.Where(m => m.FromRow <= header.Number && m.ToRow >= header.Number
                         && (m.FromRow != m.ToRow || m.FromColumn != m.ToColumn)))
            {
                var column = merge.FromColumn - first;
                errors.AddAt(CellReferences.Format(merge.FromColumn, merge.FromRow), header.Number,
                    column >= 0 && column < table.Header.Length ? table.Header[column] : null, merge.ToString(), MessageKey.MergedHeader, merge.ToString());
            }
        }

        return table;
    }

    private static IEnumerable<CsvRecord> Aligned(IEnumerator<SheetRow> rows, int first, int last, CsvIssueList errors, Progress progress)
    {
        var width = last - first + 1;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var cells = new string[width];
            Array.Fill(cells, string.Empty);
            CellMark[]? marks = null;
            foreach (var cell in row.Cells)
            {
                if (cell.Column < first || cell.Column > last)
                {
                    if (!CsvTable.IsBlank(cell.Text))
                    {
                        var at = CellReferences.Format(cell.Column, row.Number);
                        errors.AddAt(at, row.Number, null, cell.Text, MessageKey.OutsideTable, cell.Text, at);
                    }

                    continue;
                }

                cells[cell.Column - first] = cell.Text;
                if (cell.Mark != CellMark.None)
                {
                    (marks ??= new CellMark[width])[cell.Column - first] = cell.Mark;
                }
            }

            yield return new CsvRecord(row.Number, cells) { Marks = marks };
        }

        progress.Ended = true;
    }

    private static bool IsEncryptedPackage(ReadOnlySpan<byte> content) =>
        content.IndexOf(EncryptedPackageName) >= 0 && content.IndexOf(EncryptionInfoName) >= 0;

    private sealed class Progress
    {
        public bool Ended { get; set; }
    }
}
