using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityExchange.Core.Csv;

/// <summary>
/// Writes a CSV file for download that Excel opens correctly: UTF-8 with a byte-order mark, comma-separated,
/// CRLF line ends, quoted where needed (by CsvHelper), text cells neutralised against formula injection
/// (<see cref="CsvInjection"/>) and numbers in the invariant culture. Every row must have as many cells as the first.
/// </summary>
public sealed class CsvExportWriter : IDisposable
{
    /// <summary>The media type of an exported file.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        // Neutralisation is ours (text cells only): CsvHelper's own would also prefix negative numbers.
        InjectionOptions = InjectionOptions.None,
        NewLine = "\r\n",
    };

    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private int _columns = -1;

    /// <summary>Writes to <paramref name="stream"/>, starting with the UTF-8 byte-order mark when the stream is at its start.</summary>
    public CsvExportWriter(Stream stream, bool leaveOpen = false)
    {
        // StreamWriter writes the BOM first unless the stream is seekable and already past its start.
        _text = new StreamWriter(stream, Utf8WithBom, bufferSize: -1, leaveOpen);
        _csv = new CsvWriter(_text, Configuration, leaveOpen: true);
    }

    /// <summary>The number of rows written so far, header included.</summary>
    public int RowCount { get; private set; }

    public void WriteHeader(IEnumerable<string> names) => WriteRow(names.Select(CsvCell.Text));

    public void WriteRow(IEnumerable<CsvCell> cells)
    {
        var count = 0;
        foreach (var cell in cells)
        {
            _csv.WriteField(cell.ToField());
            count++;
        }

        if (_columns < 0)
        {
            _columns = count;
        }
        else if (count != _columns)
        {
            throw new ArgumentException($"Row {RowCount + 1} has {count} cells; the file has {_columns} columns.", nameof(cells));
        }

        _csv.NextRecord();
        RowCount++;
    }

    public void Flush()
    {
        _csv.Flush();
        _text.Flush();
    }

    public void Dispose()
    {
        Flush();
        _csv.Dispose();
        _text.Dispose();
    }

    /// <summary>A whole file in memory: the header, then the rows.</summary>
    public static byte[] ToBytes(IEnumerable<string> header, IEnumerable<IEnumerable<CsvCell>> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new CsvExportWriter(buffer, leaveOpen: true))
        {
            writer.WriteHeader(header);
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return buffer.ToArray();
    }
}
