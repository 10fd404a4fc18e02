using System.Globalization;

namespace CityExchange.Core.Excel;

/// <summary>A1-style cell references: column 0 is <c>A</c>, rows count from 1 as Excel shows them.</summary>
public static class CellReferences
{
    /// <summary>The widest column Excel has (<c>XFD</c>), 0-based: references beyond it are not references.</summary>
    public const int LastColumn = 16_383;

    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }

    public static string Format(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>C5</c> (optionally with <c>$</c> anchors) as column 2, row 5; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out int column, out int row)
    {
        column = -1;
        row = 0;
        var i = 0;
        if (i < reference.Length && reference[i] == '$')
        {
            i++;
        }

        var letters = 0;
        var n = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]) && letters < 3)
        {
            n = (n * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            letters++;
        }

        if (letters == 0 || n - 1 > LastColumn)
        {
            return false;
        }

        if (i < reference.Length && reference[i] == '$')
        {
            i++;
        }

        if (!int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out row) || row < 1)
        {
            return false;
        }

        column = n - 1;
        return true;
    }

    /// <summary>Reads <c>A1:C2</c> (or a single cell) as its corners; false for anything else.</summary>
    public static bool TryParseRange(ReadOnlySpan<char> range, out (int Column, int Row) from, out (int Column, int Row) to)
    {
        var colon = range.IndexOf(':');
        var first = colon < 0 ? range : range[..colon];
        var last = colon < 0 ? range : range[(colon + 1)..];
        from = default;
        to = default;
        if (!TryParse(first, out var c1, out var r1) || !TryParse(last, out var c2, out var r2))
        {
            return false;
        }

        from = (Math.Min(c1, c2), Math.Min(r1, r2));
        to = (Math.Max(c1, c2), Math.Max(r1, r2));
        return true;
    }
}
