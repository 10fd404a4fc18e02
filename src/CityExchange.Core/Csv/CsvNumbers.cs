using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CityExchange.Core.Csv;

/// <summary>What a value cell holds, read by <see cref="CsvNumbers.ReadValue"/>.</summary>
public enum CellNumber
{
    Number,
    NotANumber,
    TooLarge,
}

/// <summary>Cell conventions shared by every upload: missing-value tokens, full-width forms and invariant-culture numbers.</summary>
public static partial class CsvNumbers
{
    /// <summary>
    /// The largest magnitude a value may have: a million times the largest real amount (trade in 100 million USD, a
    /// population, GDP in yuan) and far below where squares of values overflow in the statistics.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    private static readonly HashSet<string> MissingTokens = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "N/A", "-", "—", "–" };

    public static bool IsMissing(string? cell) => cell is null || MissingTokens.Contains(cell.Trim());

    /// <summary>
    /// A numeric cell with its full-width characters (１２３, １，２３４, ．, ＮＡ — what a Chinese input method types)
    /// written in their ASCII forms, by Unicode NFKC applied to the full-width forms U+FF01–U+FF5E and the ideographic
    /// space only. NFKC over the whole cell would also read "10²" as 102 and "①" as 1, turning a typing slip into a
    /// wrong value instead of an error. For numeric cells only: names and notes are kept as written.
    /// </summary>
    public static string NormaliseWidth(string cell)
    {
        if (!cell.Any(IsFullWidth))
        {
            return cell;
        }

        var builder = new StringBuilder(cell.Length);
        foreach (var c in cell)
        {
            if (IsFullWidth(c))
            {
                builder.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses an invariant-culture number. Thousands separators are accepted only in proper groups of three
    /// ("1,318,437"), so a decimal comma ("3,5") is refused rather than misread.
    /// </summary>
    public static bool TryParse(string cell, out double value) => TryParseAny(cell, out value) && double.IsFinite(value);

    /// <summary>
    /// Reads a value cell: a number of magnitude at most <see cref="MaxMagnitude"/>, or why not. A numeral beyond it is
    /// <see cref="CellNumber.TooLarge"/>, also one too large even for a double (<c>1e400</c>); the words <c>NaN</c>
    /// and <c>Infinity</c> are <see cref="CellNumber.NotANumber"/>.
    /// </summary>
    public static CellNumber ReadValue(string cell, out double value)
    {
        if (!TryParseAny(cell, out value) || double.IsNaN(value) || (double.IsInfinity(value) && !cell.Any(char.IsAsciiDigit)))
        {
            return CellNumber.NotANumber;
        }

        return Math.Abs(value) > MaxMagnitude ? CellNumber.TooLarge : CellNumber.Number;
    }

    /// <summary>Parses as <see cref="TryParse"/> does, but an overflow is an infinity (and NaN a NaN) rather than a failure.</summary>
    private static bool TryParseAny(string cell, out double value)
    {
        var s = cell.Trim();
        if (s.Contains(','))
        {
            if (!GroupedNumber().IsMatch(s))
            {
                value = 0;
                return false;
            }

            s = s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    private static bool IsFullWidth(char c) => c is (>= '\uFF01' and <= '\uFF5E') or '\u3000';

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedNumber();
}
