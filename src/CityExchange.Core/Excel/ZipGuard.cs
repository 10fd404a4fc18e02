using System.IO.Compression;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Excel;

/// <summary>
/// Checks a .xlsx's ZIP before any library reads it: at most <see cref="WorkbookLimits.MaxEntries"/> entries, and every
/// entry unpacked here, counting the bytes as they come, stopping once all together pass
/// <see cref="WorkbookLimits.MaxUnpackedBytes"/> (the sizes in the ZIP's headers are checked first, but not trusted).
/// </summary>
internal static class ZipGuard
{
    /// <summary>What the ZIP is: a workbook within the limits, or why not (the error is added).</summary>
    public static ZipVerdict Check(byte[] bytes, CsvIssueList errors)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > WorkbookLimits.MaxEntries)
        {
            errors.Add(1, null, null, MessageKey.WorkbookTooManyParts, WorkbookLimits.MaxEntries);
            return ZipVerdict.OverLimit;
        }

        if (!zip.Entries.Any(e => e.FullName.StartsWith("xl/workbook.", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(1, null, null, MessageKey.NotAWorkbook);
            return ZipVerdict.NotAWorkbook;
        }

        if (zip.Entries.Sum(e => e.Length) > WorkbookLimits.MaxUnpackedBytes)
        {
            errors.Add(1, null, null, MessageKey.WorkbookTooLarge, WorkbookLimits.MaxUnpackedBytes / (1024 * 1024));
            return ZipVerdict.OverLimit;
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                total += read;
                if (total > WorkbookLimits.MaxUnpackedBytes)
                {
                    errors.Add(1, null, null, MessageKey.WorkbookTooLarge, WorkbookLimits.MaxUnpackedBytes / (1024 * 1024));
                    return ZipVerdict.OverLimit;
                }
            }
        }

        return ZipVerdict.Workbook;
    }
}

internal enum ZipVerdict
{
    Workbook,
    NotAWorkbook,
    OverLimit,
}
