using System.IO.Compression;
using System.Text;

namespace CityExchange.Core.Tests.Excel;

/// <summary>
/// Writes a .xlsx ZIP part by part, by hand: for workbooks too large to build as a DOM (a million rows) and for ZIPs
/// no spreadsheet program writes (too many entries, a bomb, lying sizes).
/// </summary>
public static class RawWorkbook
{
    public const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";

    public const string RootRels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    public const string Workbook =
        """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    public const string WorkbookRels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""";

    /// <summary>A one-sheet workbook (sheet "Data") whose sheet XML is written by <paramref name="writeSheet"/>, plus any extra entries.</summary>
    public static byte[] Build(Action<TextWriter> writeSheet, int extraEntries = 0, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes);
            Write(zip, "_rels/.rels", RootRels);
            Write(zip, "xl/workbook.xml", Workbook);
            Write(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", level);
            using (var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false), 1 << 16))
            {
                writer.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                writeSheet(writer);
                writer.Write("</sheetData></worksheet>");
            }

            for (var i = 0; i < extraEntries; i++)
            {
                Write(zip, $"docProps/extra{i}.xml", "<x/>");
            }
        }

        return stream.ToArray();
    }

    /// <summary>Inline-string and number cells without references, as a minimal writer may leave them.</summary>
    public static void Row(TextWriter writer, string city, string value) =>
        writer.Write($"<row><c t=\"inlineStr\"><is><t>{city}</t></is></c><c><v>{value}</v></c></row>");

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
