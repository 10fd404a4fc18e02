namespace CityExchange.Core.Excel;

/// <summary>
/// What an uploaded workbook may hold, each beyond it a located error with nothing read past it. A .xlsx is a ZIP of
/// XML parts: a few KB can unpack to gigabytes (a ZIP bomb), so the unpacked size is counted as it is read, not taken
/// from the ZIP's headers, which the file's writer chooses.
/// </summary>
public static class WorkbookLimits
{
    /// <summary>The most all parts of a .xlsx may unpack to, together: a 100,000-row sheet of 17 indicators is about 40 MB.</summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>The most parts (ZIP entries) a .xlsx may have: Excel writes about a dozen, one more per sheet.</summary>
    public const int MaxEntries = 1000;

    /// <summary>The most columns a sheet may use: the framework has 17 indicators, and each may have a source column.</summary>
    public const int MaxColumns = 1000;
}
