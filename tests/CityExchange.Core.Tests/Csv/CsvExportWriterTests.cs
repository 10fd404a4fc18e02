using System.Globalization;
using System.Text;
using CityExchange.Core.Csv;
using CsvHelper;

namespace CityExchange.Core.Tests.Csv;

public sealed class CsvExportWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes, Bom.Length, bytes.Length - Bom.Length);

    private static List<string[]> ReadBack(byte[] bytes)
    {
        using var reader = new StringReader(Text(bytes));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    [Fact]
    public void ToBytes_StartsWithTheUtf8ByteOrderMark()
    {
        var bytes = CsvExportWriter.ToBytes(["城市"], [[CsvCell.Text("北京")]]);

        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal("城市\r\n北京\r\n", Text(bytes));
    }

    [Fact]
    public void ToBytes_PrefixesFormulaLikeTextWithAnApostrophe()
    {
        var bytes = CsvExportWriter.ToBytes(["name"], [[CsvCell.Text("=HYPERLINK(\"http://x\")")], [CsvCell.Text("@SUM(A1)")], [CsvCell.Text("Beijing")]]);

        var rows = ReadBack(bytes);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[1][0]);
        Assert.Equal("'@SUM(A1)", rows[2][0]);
        Assert.Equal("Beijing", rows[3][0]);
    }

    [Fact]
    public void ToBytes_NeutralisesTheHeaderToo()
    {
        var rows = ReadBack(CsvExportWriter.ToBytes(["+cmd"], [[CsvCell.WholeNumber(1)]]));

        Assert.Equal("'+cmd", rows[0][0]);
    }

    [Fact]
    public void ToBytes_WritesNegativeNumbersAsNumbers()
    {
        var bytes = CsvExportWriter.ToBytes(["movement", "score"], [[CsvCell.WholeNumber(-3), CsvCell.Number(-0.5, 1)]]);

        Assert.Equal("movement,score\r\n-3,-0.5\r\n", Text(bytes));
    }

    [Fact]
    public void ToBytes_QuotesCommasQuotesAndLineBreaksSoTheyReadBackUnchanged()
    {
        var tricky = "a, \"quoted\"\nsecond line";

        var rows = ReadBack(CsvExportWriter.ToBytes(["note", "n"], [[CsvCell.Text(tricky), CsvCell.WholeNumber(7)]]));

        Assert.Equal(2, rows.Count);
        Assert.Equal([tricky, "7"], rows[1]);
    }

    [Fact]
    public void ToBytes_WritesNumbersInTheInvariantCultureWhateverTheCurrentCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var bytes = CsvExportWriter.ToBytes(["a", "b", "c"], [[CsvCell.Number(1234.56, 1), CsvCell.Number(0.125), CsvCell.WholeNumber(1000000)]]);

            Assert.Equal("a,b,c\r\n1234.6,0.125,1000000\r\n", Text(bytes));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ToBytes_WritesAMissingNumberAsAnEmptyCell()
    {
        var bytes = CsvExportWriter.ToBytes(["a", "b", "c"], [[CsvCell.Number(double.NaN), CsvCell.Number(null), CsvCell.WholeNumber(null)]]);

        Assert.Equal("a,b,c\r\n,,\r\n", Text(bytes));
    }

    [Fact]
    public void WriteRow_RefusesARowWithADifferentNumberOfCells()
    {
        using var stream = new MemoryStream();
        using var writer = new CsvExportWriter(stream);
        writer.WriteHeader(["a", "b"]);

        Assert.Throws<ArgumentException>(() => writer.WriteRow([CsvCell.Text("only one")]));
        Assert.Equal(1, writer.RowCount);
    }

    [Fact]
    public void Writer_LeavesTheStreamOpenWhenAsked()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvExportWriter(stream, leaveOpen: true))
        {
            writer.WriteHeader(["a"]);
        }

        Assert.True(stream.CanWrite);
        Assert.Equal([.. Bom, .. "a\r\n"u8.ToArray()], stream.ToArray());
    }
}
