using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CityExchange.Core.Tests.Excel;
using CityExchange.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Flows;

/// <summary>
/// A reader downloads a chart: the image is a PNG at twice the chart's size with a header and footer drawn around it,
/// the CSV and the workbook hold the figures the chart and its table show. The bump chart highlights the city picked.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ChartDownloadFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task CityRadar_DownloadsA2xImageWithItsFrame_AndACsvOfTheChartsValues()
    {
        await using var session = await browser.OpenAsync("chart-download-city");
        await session.GotoAsync("/Cities/beijing?year=2016&culture=en");
        var tools = session.Page.Locator(".chart-tools[data-chart-for=city-radar]");
        await tools.WaitForAsync();

        var (cssWidth, cssHeight) = await CssSizeAsync(session, "city-radar");
        var image = await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "Download image" }), "cities-beijing-city-radar-2016.png");
        var (width, height) = PngSize(image);
        Assert.Equal(cssWidth * 2, width);
        Assert.True(height > cssHeight * 2 + 60, $"{width}×{height}: no header or footer around a {cssWidth}×{cssHeight} chart");

        var csv = Encoding.UTF8.GetString(await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "CSV" }), "cities-beijing-city-radar-2016.csv"));
        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        var (table, about) = Split(csv[1..]);
        // The rows are the radar's labels × its datasets, as drawn.
        var drawn = await session.Page.EvaluateAsync<JsonElement>(
            "() => { const c = window.Chart.getChart(document.getElementById('city-radar')); return { labels: c.data.labels, sets: c.data.datasets.map(d => ({ label: d.label, data: d.data })) }; }");
        var sets = drawn.GetProperty("sets").EnumerateArray().ToList();
        Assert.Equal(["Label", .. sets.Select(s => s.GetProperty("label").GetString()!)], table[0]);
        Assert.Equal(["Social", "Culture", "Trade", "Politics"], table.Skip(1).Select(r => r[0]));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(sets.Select(s => s.GetProperty("data")[i].GetDouble()), table[i + 1].Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        }

        // 2016 is a demo year: the file says so, with the year and the page.
        Assert.Contains(about, r => r.SequenceEqual(["Year", "2016"]));
        Assert.Contains(about, r => r[0] == "Demo data: synthetic figures, not real data");
        Assert.Contains(about, r => r[0] == "Source" && r[1] == "synthetic demo data");
        // The live app has Site:PublicUrl set to its own address: the URL is absolute.
        Assert.Contains(about, r => r.SequenceEqual(["URL", browser.App.BaseUrl + "/Cities/beijing?year=2016&culture=en"]));
        session.AssertClean();
    }

    [SkippableFact]
    public async Task CityMap_DownloadsA2xImage_AndACsvOfEveryPointWithItsCoordinates()
    {
        await using var session = await browser.OpenAsync("chart-download-map");
        await session.GotoAsync("/Rankings?year=2015&culture=en");
        await session.Page.Locator("#city-map").ScrollIntoViewIfNeededAsync();
        var tools = session.Page.Locator(".chart-tools[data-chart-for=city-map]");
        await tools.WaitForAsync();

        var (cssWidth, _) = await CssSizeAsync(session, "city-map");
        var image = await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "Download image" }), "rankings-city-map-2015.png");
        Assert.Equal(cssWidth * 2, PngSize(image).Width);

        var csv = Encoding.UTF8.GetString(await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "CSV" }), "rankings-city-map-2015.csv"));
        var (table, about) = Split(csv[1..]);
        Assert.Equal(["Code", "City", "Rank", "Overall score", "Latitude", "Longitude"], table[0]);
        // The caption and the coordinates' attribution travel with the map's data (and are drawn into its image).
        Assert.Contains(about, r => r.SequenceEqual(["Note", "Schematic: city locations only, no boundaries · City coordinates: GeoNames (CC BY 4.0)"]));
        Assert.Equal(46, table.Count - 1);
        // Beijing at its bundled position (data/cities.csv), as the API gives it.
        var api = await session.Page.APIRequest.GetAsync("/api/cities?q=beijing&culture=en");
        var beijing = (await api.JsonAsync())!.Value.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "beijing");
        var row = table.Single(r => r[0] == "beijing");
        Assert.Equal(beijing.GetProperty("lat").GetDouble(), double.Parse(row[4], CultureInfo.InvariantCulture), 4);
        Assert.Equal(beijing.GetProperty("lon").GetDouble(), double.Parse(row[5], CultureInfo.InvariantCulture), 4);
        session.AssertClean();
    }

    [SkippableFact]
    public async Task BumpChart_HighlightsThePickedCity_AndItsDownloadsMatchTheRanksTable()
    {
        await using var session = await browser.OpenAsync("chart-download-bump");
        await session.GotoAsync("/Rankings?year=2013&culture=en");
        await session.Page.Locator("#bump-chart").ScrollIntoViewIfNeededAsync();
        var tools = session.Page.Locator(".chart-tools[data-chart-for=bump-chart]");
        await tools.WaitForAsync();

        await session.Page.SelectOptionAsync("#bump-city", "shanghai");
        var styles = await session.Page.EvaluateAsync<JsonElement>(
            "() => window.Chart.getChart(document.getElementById('bump-chart')).data.datasets.map(d => ({ code: d.code, color: d.borderColor, width: d.borderWidth }))");
        var shanghai = styles.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "shanghai");
        Assert.Equal(4, shanghai.GetProperty("width").GetDouble());
        Assert.All(styles.EnumerateArray().Where(d => d.GetProperty("code").GetString() != "shanghai"), d => Assert.Equal("#d1d5db", d.GetProperty("color").GetString()));
        await session.ScreenshotAsync();

        var (cssWidth, cssHeight) = await CssSizeAsync(session, "bump-chart");
        var (width, height) = PngSize(await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "Download image" }), "rankings-bump-chart-2013.png"));
        Assert.Equal(cssWidth * 2, width);
        Assert.True(height > cssHeight * 2 + 60, $"{width}×{height} for a {cssWidth}×{cssHeight} chart");

        // The ranks table under the chart, as a reader sees it (a missing rank is a dash, an empty cell in the files).
        var shown = await session.Page.Locator("#bump-data-table table tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))");
        var expected = shown.Select(r => r.Select(c => c == "—" ? "" : c).ToArray()).ToList();
        Assert.Equal(["City", "2013 (published)", "2014 (demo)", "2015 (demo)", "2016 (demo)"], expected[0].Take(5));
        Assert.Contains(expected, r => r.Take(2).SequenceEqual(["Beijing", "1"]));

        var csv = Encoding.UTF8.GetString(await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "CSV" }), "rankings-bump-chart-2013.csv"));
        var (table, _) = Split(csv[1..]);
        Assert.Equal(expected.Count, table.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r], table[r]);
        }

        var xlsx = await DownloadAsync(session, tools.GetByRole(AriaRole.Button, new() { Name = "XLSX" }), "rankings-bump-chart-2013.xlsx");
        using var book = new TableWorkbookXlsx(xlsx);
        var data = book.Sheet(book.SheetNames[0]);
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < expected[r].Length; c++)
            {
                var cell = book.Text(data, $"{(char)('A' + c)}{r + 1}") ?? "";
                Assert.True(expected[r][c] == cell, $"{(char)('A' + c)}{r + 1}: '{cell}', the page shows '{expected[r][c]}'");
            }
        }

        var about = string.Join("\n", book.Sheet(book.SheetNames[1]).Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText));
        Assert.Contains("/Rankings?year=2013&culture=en", about, StringComparison.Ordinal);
        session.AssertClean();
    }

    private static async Task<(int Width, int Height)> CssSizeAsync(BrowserSession session, string id)
    {
        var size = await session.Page.EvaluateAsync<int[]>($"() => {{ const c = document.getElementById('{id}'); return [c.clientWidth, c.clientHeight]; }}");
        return (size[0], size[1]);
    }

    private static async Task<byte[]> DownloadAsync(BrowserSession session, ILocator button, string fileName)
    {
        var download = await session.Page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>A PNG's size from its IHDR chunk (after the 8-byte signature and the chunk's length and type).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>The CSV's table (up to the empty line) and the lines about it after that line.</summary>
    private static (List<string[]> Table, List<string[]> About) Split(string csv)
    {
        var lines = csv.Split("\r\n");
        var blank = Array.IndexOf(lines, "");
        return ([.. lines[..blank].Select(Fields)], [.. lines[(blank + 1)..].Where(l => l.Length > 0).Select(Fields)]);
    }

    /// <summary>One CSV line's fields (quoted fields with doubled quotes).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
