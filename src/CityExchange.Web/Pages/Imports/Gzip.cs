using System.IO.Compression;

namespace CityExchange.Web.Pages.Imports;

/// <summary>Whole byte arrays in and out of gzip, for the files kept with the import history.</summary>
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
}
