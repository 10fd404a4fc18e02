using System.Diagnostics;
using CityExchange.Core.Csv;
using CityExchange.Core.Excel;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit.Abstractions;

namespace CityExchange.Core.Tests.Excel;

public sealed class TableWorkbookTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> Headers = ["Rank", "City code", "City", "Score", "Consulates"];

    private static readonly IReadOnlyList<IReadOnlyList<CsvCell>> Rows =
    [
        [CsvCell.WholeNumber(1), "shanghai", "上海", CsvCell.Number(87.654, 2), CsvCell.Number(75)],
        [CsvCell.WholeNumber(2), "beijing", "=SUM(A1:A9)", CsvCell.Number(80.1, 2), CsvCell.Number(null)],
        [CsvCell.WholeNumber(3), "@x", "-1", CsvCell.Number(-3.5), CsvCell.Number(0.125)],
    ];

    private static readonly IReadOnlyList<TableAboutItem> About =
    [
        new("Year", CsvCell.WholeNumber(2015)),
        new("Method", "arithmetic, equal weights"),
        new("Demo data", "no"),
        new("Page", "https://example.org/rankings/2015"),
        new("Cite as", "CityExchange (2030), rankings 2015."),
    ];

    private static TableWorkbookSpec Spec(WorkbookLanguage language = WorkbookLanguage.English, bool demo = false) =>
        new(language, "Rankings 2015", Headers, Rows, About, demo);

    private static async Task<TableWorkbookXlsx> OpenAsync(TableWorkbookSpec spec) => new(await TableWorkbook.ToBytesAsync(spec));

    [Fact]
    public async Task English_DataThenAbout()
    {
        using var xlsx = await OpenAsync(Spec());

        Assert.Equal(["data", "about"], xlsx.SheetNames);
    }

    [Fact]
    public async Task Chinese_DataThenAbout()
    {
        using var xlsx = await OpenAsync(Spec(WorkbookLanguage.Chinese));

        Assert.Equal(["数据", "说明"], xlsx.SheetNames);
    }

    [Fact]
    public async Task HeaderIsRowOne_BoldAndFrozen_ColumnsHaveWidths()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("data");

        Assert.Equal(Headers, new[] { "A1", "B1", "C1", "D1", "E1" }.Select(r => xlsx.Text(data, r)));
        Assert.True(xlsx.IsBold(data, "A1"));
        Assert.True(xlsx.IsBold(data, "E1"));
        Assert.False(xlsx.IsBold(data, "A2"));
        var pane = TableWorkbookXlsx.FrozenPane(data)!;
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Null(pane.HorizontalSplit);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (uint)i), TableWorkbookXlsx.Widths(data).Keys.Order());
        Assert.Equal(12, TableWorkbookXlsx.Widths(data)[5]); // "Consulates" + 2
        Assert.Equal(4, TableWorkbookXlsx.Rows(data).Count);
    }

    [Fact]
    public async Task NumbersAreNumericCells_MissingNumbersEmpty_TextStrings()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("data");

        Assert.Equal(("1", "n"), (xlsx.Text(data, "A2"), TableWorkbookXlsx.TypeOf(data, "A2")));
        Assert.Equal(("87.65", "n"), (xlsx.Text(data, "D2"), TableWorkbookXlsx.TypeOf(data, "D2")));
        Assert.Equal("0.00", xlsx.NumberFormatOf(data, "D2")); // shown with the CSV's two decimals
        Assert.Equal(("80.1", "n"), (xlsx.Text(data, "D3"), TableWorkbookXlsx.TypeOf(data, "D3")));
        Assert.Equal("0.00", xlsx.NumberFormatOf(data, "D3"));
        Assert.Equal(("75", "n"), (xlsx.Text(data, "E2"), TableWorkbookXlsx.TypeOf(data, "E2")));
        Assert.Null(xlsx.NumberFormatOf(data, "E2"));
        Assert.Null(xlsx.Text(data, "E3"));
        Assert.Equal(("-3.5", "n"), (xlsx.Text(data, "D4"), TableWorkbookXlsx.TypeOf(data, "D4")));
        Assert.Equal(("0.125", "n"), (xlsx.Text(data, "E4"), TableWorkbookXlsx.TypeOf(data, "E4")));
        Assert.Equal("0.000", xlsx.NumberFormatOf(data, "E4"));
        Assert.Equal(("shanghai", "inlineStr"), (xlsx.Text(data, "B2"), TableWorkbookXlsx.TypeOf(data, "B2")));
        Assert.Equal(("上海", "inlineStr"), (xlsx.Text(data, "C2"), TableWorkbookXlsx.TypeOf(data, "C2")));
    }

    [Fact]
    public async Task FormulaTriggersInTextStayStrings()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("data");

        Assert.Equal(("=SUM(A1:A9)", "inlineStr"), (xlsx.Text(data, "C3"), TableWorkbookXlsx.TypeOf(data, "C3")));
        Assert.Equal(("@x", "inlineStr"), (xlsx.Text(data, "B4"), TableWorkbookXlsx.TypeOf(data, "B4")));
        Assert.Equal(("-1", "inlineStr"), (xlsx.Text(data, "C4"), TableWorkbookXlsx.TypeOf(data, "C4")));
        Assert.Empty(data.Descendants<CellFormula>());
    }

    [Fact]
    public async Task AboutSheet_TitleThenTheCallersLines()
    {
        using var xlsx = await OpenAsync(Spec());
        var about = xlsx.Sheet("about");

        Assert.Equal("Rankings 2015", xlsx.Text(about, "A1"));
        Assert.Equal(["Year", "Method", "Demo data", "Page", "Cite as"], new[] { "A2", "A3", "A4", "A5", "A6" }.Select(r => xlsx.Text(about, r)));
        Assert.True(xlsx.IsBold(about, "A2"));
        Assert.Equal(("2015", "n"), (xlsx.Text(about, "B2"), TableWorkbookXlsx.TypeOf(about, "B2")));
        Assert.Equal("arithmetic, equal weights", xlsx.Text(about, "B3"));
        Assert.Equal("https://example.org/rankings/2015", xlsx.Text(about, "B5"));
        Assert.Equal("CityExchange (2030), rankings 2015.", xlsx.Text(about, "B6"));
        Assert.Equal(6, TableWorkbookXlsx.Rows(about).Count);
    }

    [Fact]
    public async Task English_DemoTableSaysSoAboveTheHeader_OnARedTab_AndOnTheAboutSheet()
    {
        using var xlsx = await OpenAsync(Spec(demo: true));
        var data = xlsx.Sheet("data");
        const string Banner = "SYNTHETIC DEMO DATA: invented for demonstration, not real figures. Do not cite or reuse as data.";

        Assert.Equal(2, TableWorkbook.HeaderRow(isDemo: true));
        Assert.Equal(Banner, xlsx.Text(data, "A1"));
        Assert.True(xlsx.IsBold(data, "A1"));
        Assert.Equal(Headers, new[] { "A2", "B2", "C2", "D2", "E2" }.Select(r => xlsx.Text(data, r)));
        Assert.Equal("shanghai", xlsx.Text(data, "B3"));
        Assert.Equal(2, TableWorkbookXlsx.FrozenPane(data)!.VerticalSplit!.Value);
        Assert.Equal("FFC00000", data.SheetProperties!.TabColor!.Rgb!.Value);

        var about = xlsx.Sheet("about");
        Assert.Equal("Rankings 2015", xlsx.Text(about, "A1"));
        Assert.Equal(Banner, xlsx.Text(about, "A2"));
        Assert.Equal("Year", xlsx.Text(about, "A3"));
    }

    [Fact]
    public async Task Chinese_DemoBanner()
    {
        using var xlsx = await OpenAsync(Spec(WorkbookLanguage.Chinese, demo: true));

        Assert.Equal("合成演示数据：为演示而虚构，并非真实数据。请勿引用或作为数据使用。", xlsx.Text(xlsx.Sheet("数据"), "A1"));
        Assert.Equal("合成演示数据：为演示而虚构，并非真实数据。请勿引用或作为数据使用。", xlsx.Text(xlsx.Sheet("说明"), "A2"));
    }

    [Fact]
    public async Task RealTableHasNoBannerAndNoTabColour()
    {
        using var xlsx = await OpenAsync(Spec());
        var data = xlsx.Sheet("data");

        Assert.Equal("Rank", xlsx.Text(data, "A1"));
        Assert.Null(data.SheetProperties?.TabColor);
        Assert.Equal("Year", xlsx.Text(xlsx.Sheet("about"), "A2"));
    }

    [Fact]
    public async Task ARowOfTheWrongWidthIsRefused()
    {
        var spec = Spec() with { Rows = [["only", "two"]] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TableWorkbook.ToBytesAsync(spec));
        Assert.StartsWith("Row 2 has 2 cells; the table has 5 columns.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(703, "AAA")]
    public void ColumnNames(int column, string name) => Assert.Equal(name, TableWorkbook.ColumnName(column));

    [Fact]
    public async Task FiveThousandRows_WrittenQuickly()
    {
        var headers = Enumerable.Range(0, 24).Select(i => $"column {i}").ToList();
        var rows = Enumerable.Range(0, 5000)
            .Select(r => (IReadOnlyList<CsvCell>)[CsvCell.WholeNumber(r + 1), $"city{r:D5}", $"城市{r}", .. Enumerable.Range(0, 21).Select(c => CsvCell.Number((r * 0.37) + c, 4))])
            .ToList();
        var spec = Spec() with { Headers = headers, Rows = rows };
        _ = await TableWorkbook.ToBytesAsync(Spec()); // warm-up

        var clock = Stopwatch.StartNew();
        var bytes = await TableWorkbook.ToBytesAsync(spec);
        clock.Stop();
        output.WriteLine($"5,000-row × 24 table: {clock.ElapsedMilliseconds} ms, {bytes.Length:N0} bytes");

        using var xlsx = new TableWorkbookXlsx(bytes);
        var data = xlsx.Sheet("data");
        Assert.Equal("5000", xlsx.Text(data, "A5001"));
        Assert.Equal("n", TableWorkbookXlsx.TypeOf(data, "X5001"));
    }

    [Fact]
    public async Task ControlCharactersStillGiveAWorkbookThatOpens()
    {
        var spec = Spec() with { Rows = [[CsvCell.WholeNumber(1), "a\u0001b\u001Fc", "line\nbreak", "tab\tx", "\uFFFEz"]], Title = "t\u0002", About = [new("\uD800label", "v\uFFFF")] };

        using var xlsx = await OpenAsync(spec);
        var data = xlsx.Sheet("data");

        Assert.Equal("a\uFFFDb\uFFFDc", xlsx.Text(data, "B2"));
        Assert.Equal("line\nbreak", xlsx.Text(data, "C2"));
        Assert.Equal("tab\tx", xlsx.Text(data, "D2"));
        Assert.Equal("\uFFFDz", xlsx.Text(data, "E2"));
        var about = xlsx.Sheet("about");
        Assert.Equal("t\uFFFD", xlsx.Text(about, "A1"));
        Assert.Equal("\uFFFDlabel", xlsx.Text(about, "A2"));
        Assert.Equal("v\uFFFD", xlsx.Text(about, "B2"));
    }

    [Fact]
    public async Task WritesToAResponseLikeStream_NotSeekableAndAsyncOnly()
    {
        var inner = new MemoryStream();
        await using (var response = new AsyncOnlyStream(inner))
        {
            await TableWorkbook.WriteAsync(Spec(), response);
        }

        using var xlsx = new TableWorkbookXlsx(inner.ToArray());
        Assert.Equal("Rank", xlsx.Text(xlsx.Sheet("data"), "A1"));
    }

    /// <summary>Like Kestrel's response body: forward only, and synchronous writes throw.</summary>
    internal sealed class AsyncOnlyStream(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
