using System.Globalization;
using System.IO.Compression;
using System.Text;
using CityExchange.Core.Csv;
using CsvHelper;

namespace CityExchange.Web.Pages.Imports;

/// <summary>The values an accepted import produced, kept gzip-compressed with the import so the year can be restored to them.</summary>
public static class ValueSnapshot
{
    public static byte[] Create(IEnumerable<ParsedValue> values)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(values.Select(v => new SnapshotRow(v.CityCode, v.IndicatorCode, v.Value, v.Source)));
        }

        return buffer.ToArray();
    }

    public static IReadOnlyList<ParsedValue> Read(byte[] snapshot)
    {
        using var gzip = new GZipStream(new MemoryStream(snapshot), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<SnapshotRow>().Select(r => new ParsedValue(r.City, r.Indicator, r.Value, string.IsNullOrEmpty(r.Source) ? null : r.Source))];
    }

    private sealed record SnapshotRow(string City, string Indicator, double Value, string? Source);
}
