using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Excel;

/// <summary>Bad workbooks: each is one clear error, nothing read past the limit, and never an exception.</summary>
public sealed class WorkbookLimitsTests
{
    private static readonly IndicatorCsvParser Parser = new(TestData.Framework, TestData.Directory);

    private static CsvIssue OnlyError(IndicatorCsv result)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Values);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_TruncatedWorkbookCannotBeRead()
    {
        var valid = WorkbookBuilder.Simple("Data", ["city", "odi"], ["beijing", 1]);
        foreach (var length in new[] { 4, 30, valid.Length / 2, valid.Length - 10 })
        {
            var error = OnlyError(Parser.Parse(valid.AsSpan(0, length), 2020));
            Assert.Equal((MessageKey.WorkbookUnreadable, 1), (error.Code, error.Row));
        }
    }

    [Fact]
    public void Parse_ZipWithoutWorkbookIsNotAWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open());
            writer.Write("<office:document/>");
        }

        Assert.Equal(MessageKey.NotAWorkbook, OnlyError(Parser.Parse(stream.ToArray(), 2020)).Code);
    }

    [Fact]
    public void Parse_TooManyEntriesIsError()
    {
        var bytes = RawWorkbook.Build(w => RawWorkbook.Row(w, "city", "odi"), extraEntries: WorkbookLimits.MaxEntries);
        using var _ = UiCulture.Use("en");

        var error = OnlyError(Parser.Parse(bytes, 2020));

        Assert.Equal((MessageKey.WorkbookTooManyParts, "The workbook has more than 1000 parts (ZIP entries): too many to read."), (error.Code, error.Message));
    }

    [Fact]
    public void Parse_ZipBombIsStoppedAtTheUnpackedLimit()
    {
        // 150 MB of one repeated row packs into well under a megabyte.
        var row = "<row><c t=\"inlineStr\"><is><t>beijing</t></is></c><c><v>1</v></c></row>";
        var bytes = RawWorkbook.Build(w =>
        {
            RawWorkbook.Row(w, "city", "odi");
            for (var written = 0L; written < 150L * 1024 * 1024; written += row.Length)
            {
                w.Write(row);
            }
        }, level: CompressionLevel.SmallestSize);
        Assert.True(bytes.Length < 2 * 1024 * 1024, $"{bytes.Length} bytes");
        using var _ = UiCulture.Use("en");

        var error = OnlyError(Parser.Parse(bytes, 2020));

        Assert.Equal((MessageKey.WorkbookTooLarge, "The workbook unpacks to more than 100 MB: too large to read (or a ZIP bomb)."), (error.Code, error.Message));
    }

    [Fact]
    public void Parse_ZipBombWithLyingSizesIsStoppedAsItUnpacks()
    {
        var row = "<row><c t=\"inlineStr\"><is><t>beijing</t></is></c><c><v>1</v></c></row>";
        var bytes = RawWorkbook.Build(w =>
        {
            RawWorkbook.Row(w, "city", "odi");
            for (var written = 0L; written < 120L * 1024 * 1024; written += row.Length)
            {
                w.Write(row);
            }
        }, level: CompressionLevel.SmallestSize);
        LieAboutSizes(bytes, "xl/worksheets/sheet1.xml", 1000);

        var error = OnlyError(Parser.Parse(bytes, 2020));

        // The headers' sum passes; the entry's stream then refuses to give more than its header says: damaged.
        Assert.Equal(MessageKey.WorkbookUnreadable, error.Code);
    }

    [Fact]
    public void Parse_MillionRowsStopsAtTheRowLimit()
    {
        var bytes = RawWorkbook.Build(w =>
        {
            RawWorkbook.Row(w, "city", "odi");
            for (var i = 0; i < 1_000_000; i++)
            {
                w.Write("<row><c t=\"inlineStr\"><is><t>beijing</t></is></c><c><v>1</v></c></row>");
            }
        });

        // How long it takes is measured in the benchmarks (docs/performance.md), not asserted with a timer here.
        var result = Parser.Parse(bytes, 2020);

        var tooMany = Assert.Single(result.Errors, e => e.Code == MessageKey.TooManyRows);
        Assert.Equal((100_002, "Data"), (tooMany.Row, tooMany.Sheet));
        Assert.Equal(CsvTable.DefaultMaxRows, result.Rows.Count);
    }

    [Fact]
    public void Parse_TenThousandColumnsIsErrorAtTheFirstColumnPastTheLimit()
    {
        var bytes = RawWorkbook.Build(w =>
        {
            w.Write("<row r=\"1\">");
            for (var i = 0; i < 10_000; i++)
            {
                w.Write(i == 0 ? "<c t=\"inlineStr\"><is><t>city</t></is></c>" : "<c t=\"inlineStr\"><is><t>odi</t></is></c>");
            }

            w.Write("</row>");
        });
        using var _ = UiCulture.Use("en");

        var error = Assert.Single(Parser.Parse(bytes, 2020).Errors);

        Assert.Equal((MessageKey.TooManyColumns, 1, "ALM1", "Data", "The sheet has more than 1000 columns (a value in ALM1)."), (error.Code, error.Row, error.Cell, error.Sheet, error.Message));
    }

    [Fact]
    public void Parse_EncryptedWorkbookIsError()
    {
        using var _ = UiCulture.Use("en");
        var error = OnlyError(Parser.Parse(EncryptedOoxml(), 2020));

        Assert.Equal(MessageKey.WorkbookEncrypted, error.Code);
        Assert.StartsWith("The workbook is protected with a password (encrypted)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherOleFileCannotBeRead() =>
        Assert.Equal(MessageKey.WorkbookUnreadable, OnlyError(Parser.Parse([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], 2020)).Code);

    [Fact]
    public void Parse_OtherBinariesAreStillRefusedAsBinary() =>
        Assert.Equal(MessageKey.BinaryFile, OnlyError(Parser.Parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], 2020)).Code);

    /// <summary>
    /// An OLE compound file whose directory names the two streams an encrypted OOXML package has (what Excel writes
    /// for "Encrypt with Password"): the header sector, then a directory sector with the UTF-16 names.
    /// </summary>
    internal static byte[] EncryptedOoxml()
    {
        var bytes = new byte[3 * 512];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(bytes, 512);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(bytes, 512 + 128);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 512 + 256);
        return bytes;
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of <paramref name="entry"/> in its local and central headers.</summary>
    private static void LieAboutSizes(byte[] zip, string entry, uint size)
    {
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x03 && zip[i + 3] == 0x04 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            }
            else if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
    }
}
