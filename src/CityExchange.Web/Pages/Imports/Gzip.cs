using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace CityExchange.Web.Pages.Imports;

/// <summary>Whole byte arrays in and out of gzip, for the files and snapshots kept with the import history.</summary>
public static class Gzip
{
    public static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Records as a gzip-compressed CSV (invariant culture, a header of the property names).</summary>
    public static byte[] CompressCsv<T>(IEnumerable<T> records)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(records);
        }

        return buffer.ToArray();
    }

    /// <summary>The records of <see cref="CompressCsv{T}"/>.</summary>
    public static List<T> DecompressCsv<T>(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<T>()];
    }
}
