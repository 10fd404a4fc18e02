using System.Globalization;

namespace CityExchange.Core.Csv;

/// <summary>
/// One cell of an exported CSV file: text (neutralised against formula injection when written) or a number
/// (written in the invariant culture, never neutralised). A missing number is an empty cell.
/// </summary>
public readonly record struct CsvCell
{
    private CsvCell(string text, bool isNumber)
    {
        Value = text;
        IsNumber = isNumber;
    }

    /// <summary>The cell as written before neutralisation: the text, or the formatted number.</summary>
    public string Value { get; }

    public bool IsNumber { get; }

    public static CsvCell Text(string? text) => new(text ?? string.Empty, isNumber: false);

    /// <summary>A number; <paramref name="decimals"/> fixes the number of decimals (otherwise the shortest round-trip form).</summary>
    public static CsvCell Number(double? value, int? decimals = null) =>
        value is { } v && double.IsFinite(v)
            ? new(decimals is { } d ? v.ToString("F" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture), isNumber: true)
            : new(string.Empty, isNumber: true);

    public static CsvCell WholeNumber(long? value) =>
        new(value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, isNumber: true);

    public static implicit operator CsvCell(string? text) => Text(text);

    /// <summary>What goes into the file: numbers as they are, text neutralised.</summary>
    public string ToField() => IsNumber ? Value : CsvInjection.Neutralise(Value);
}
