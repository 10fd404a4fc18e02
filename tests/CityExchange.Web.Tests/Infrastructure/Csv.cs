using System.Net.Http.Headers;
using System.Text;

namespace CityExchange.Web.Tests.Infrastructure;

public static class Csv
{
    public static ByteArrayContent Content(params string[] lines) => Bytes(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    public static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>A CSV text read with CsvHelper: its header and rows (every cell as text; an empty cell is "").</summary>
    public static (List<string> Header, List<string[]> Rows) ParseTable(string text)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!.ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return (header, rows);
    }
}
