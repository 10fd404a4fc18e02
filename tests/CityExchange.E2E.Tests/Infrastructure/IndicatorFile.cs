using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// An indicator CSV built from the bundled demo file of 2016 (every city, every indicator), re-dated and edited per
/// test: a city pushed to the top, a cell made invalid, a row with an unknown city.
/// </summary>
public sealed class IndicatorFile
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private IndicatorFile(string[] header, List<string[]> rows)
    {
        _header = header;
        _rows = rows;
    }

    /// <summary>The demo values of 2016 (46 cities × 17 indicators), dated <paramref name="year"/>.</summary>
    public static IndicatorFile DemoValues(int year)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "demo", "indicators_2016.csv"))
            .Where(l => l.Length > 0).ToList();
        var file = new IndicatorFile(lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
        var yearColumn = file.Column("year");
        foreach (var row in file._rows)
        {
            row[yearColumn] = year.ToString(CultureInfo.InvariantCulture);
        }

        return file;
    }

    public IReadOnlyList<string> IndicatorCodes => [.. _header.Where(h => h is not ("city" or "year"))];

    /// <summary>Every non-empty indicator cell: (city code, indicator code, the raw text).</summary>
    public IEnumerable<(string City, string Indicator, string Raw)> Cells() =>
        from row in _rows
        from code in IndicatorCodes
        let raw = row[Column(code)]
        where raw.Length > 0
        select (row[Column("city")], code, raw);

    /// <summary>
    /// Gives <paramref name="city"/> twice the year's highest value of every indicator (missing ones included), so it
    /// ranks first in every domain.
    /// </summary>
    public IndicatorFile WithCityLeading(string city)
    {
        var row = Row(city);
        foreach (var code in IndicatorCodes)
        {
            var column = Column(code);
            var max = _rows.Max(r => double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0);
            row[column] = (2 * max).ToString("R", CultureInfo.InvariantCulture);
        }

        return this;
    }

    /// <summary>Replaces one cell with raw text (e.g. something that is not a number).</summary>
    public IndicatorFile WithCell(string city, string column, string raw)
    {
        Row(city)[Column(column)] = raw;
        return this;
    }

    /// <summary>Adds a copy of <paramref name="likeCity"/>'s row for a city the app does not know.</summary>
    public IndicatorFile WithUnknownCity(string name, string likeCity)
    {
        var copy = (string[])Row(likeCity).Clone();
        copy[Column("city")] = name;
        _rows.Add(copy);
        return this;
    }

    /// <summary>The line number (header = 1) of a city's row, as the preview reports errors.</summary>
    public int LineOf(string city) => _rows.FindIndex(r => r[Column("city")] == city) + 2;

    public byte[] ToBytes() =>
        Encoding.UTF8.GetBytes(string.Join("\n", new[] { string.Join(',', _header) }.Concat(_rows.Select(r => string.Join(',', r)))) + "\n");

    public ByteArrayContent ToContent()
    {
        var content = new ByteArrayContent(ToBytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }

    private int Column(string name)
    {
        var index = Array.IndexOf(_header, name);
        return index >= 0 ? index : throw new ArgumentException($"No column {name}", nameof(name));
    }

    private string[] Row(string city) =>
        _rows.Find(r => r[Column("city")] == city) ?? throw new ArgumentException($"No row for {city}", nameof(city));
}
