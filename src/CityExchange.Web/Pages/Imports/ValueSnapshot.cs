using CityExchange.Core.Csv;

namespace CityExchange.Web.Pages.Imports;

/// <summary>The values an accepted import produced, kept gzip-compressed with the import so the year can be restored to them.</summary>
public static class ValueSnapshot
{
    public static byte[] Create(IEnumerable<ParsedValue> values) =>
        Gzip.CompressCsv(values.Select(v => new SnapshotRow(v.CityCode, v.IndicatorCode, v.Value, v.Source)));

    public static IReadOnlyList<ParsedValue> Read(byte[] snapshot) =>
        [.. Gzip.DecompressCsv<SnapshotRow>(snapshot).Select(r => new ParsedValue(r.City, r.Indicator, r.Value, string.IsNullOrEmpty(r.Source) ? null : r.Source))];

    private sealed record SnapshotRow(string City, string Indicator, double Value, string? Source);
}
