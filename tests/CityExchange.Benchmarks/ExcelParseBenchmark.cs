using System.Diagnostics;
using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CityExchange.Benchmarks;

/// <summary>
/// `xlsx-parse N`: parses an N-city × 17 workbook (the synthetic matrix, as Excel writes it: shared strings for the
/// header and city codes, numbers as number cells, blanks left out) five times and prints the median time, the bytes
/// allocated per parse, and the process's resident memory before the first parse and its peak (VmHWM) after.
/// </summary>
public static class ExcelParseBenchmark
{
    public static void Run(int cities)
    {
        var workbook = Build(cities);
        var directory = new CityDirectory(Enumerable.Range(0, cities).Select(c => new City($"c{c}", $"城市{c}", $"City {c}", "", "", "", "", "other", null, null)));
        var parser = new IndicatorCsvParser(SyntheticData.Framework, directory);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = Status("VmRSS");

        var times = new List<double>();
        var allocated = new List<long>();
        IndicatorCsv? result = null;
        for (var run = 0; run < 6; run++)
        {
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            result = parser.Parse(workbook, 2020);
            clock.Stop();
            // The first run pays for JIT compilation and is not counted.
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore);
            }
        }

        times.Sort();
        allocated.Sort();
        var peak = Status("VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"xlsx-parse cities={cities} file_kb={workbook.Length / 1024} rows={result!.Rows.Count} values={result.Values.Count()} errors={result.ErrorCount} " +
            $"median_ms={times[2]:F0} min_ms={times[0]:F0} max_ms={times[^1]:F0} allocated_mb={allocated[2] / 1048576.0:F1} " +
            $"rss_before_mb={rssBefore / 1024.0:F1} peak_rss_mb={peak / 1024.0:F1} extra_peak_mb={(peak - rssBefore) / 1024.0:F1}"));
    }

    /// <summary>The synthetic matrix as a one-sheet .xlsx, written with the SDK's streaming writer.</summary>
    public static byte[] Build(int cities)
    {
        var matrix = SyntheticData.Matrix(cities);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "指标", SheetId = 1, Id = "rIdSheet" }));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rIdSheet");
            var strings = new List<string> { "city" };
            strings.AddRange(SyntheticData.Framework.Indicators.Select(i => i.Code));
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, [.. Enumerable.Range(0, strings.Count).Select(i => ((string?)null, (double?)i))]);
                for (var c = 0; c < cities; c++)
                {
                    strings.Add($"c{c}");
                    var cells = new List<(string?, double?)> { (null, strings.Count - 1) };
                    for (var j = 0; j < SyntheticData.Framework.Count; j++)
                    {
                        cells.Add(double.IsNaN(matrix[j, c]) ? (null, null) : ("n", matrix[j, c]));
                    }

                    WriteRow(writer, c + 2, cells);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        }

        return stream.ToArray();
    }

    /// <summary>Writes a row; a cell (kind null, value) is a shared string index, ("n", value) a number, (null, null) no cell.</summary>
    private static void WriteRow(OpenXmlWriter writer, int number, List<(string? Kind, double? Value)> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < cells.Count; i++)
        {
            var (kind, value) = cells[i];
            if (value is null)
            {
                continue;
            }

            var reference = CityExchange.Core.Excel.CellReferences.Format(i, number);
            var cell = kind is null
                ? new Cell { CellReference = reference, DataType = CellValues.SharedString }
                : new Cell { CellReference = reference };
            cell.CellValue = new CellValue(value.Value.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    /// <summary>A field of /proc/self/status in kB (VmRSS, VmHWM); 0 where there is none.</summary>
    private static long Status(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
