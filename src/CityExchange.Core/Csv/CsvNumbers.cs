using System.Globalization;
using System.Text.RegularExpressions;

namespace CityExchange.Core.Csv;

/// <summary>Cell conventions shared by every upload: missing-value tokens and invariant-culture numbers.</summary>
public static partial class CsvNumbers
{
    private static readonly HashSet<string> MissingTokens = new(StringComparer.OrdinalIgnoreCase) { "", "NA", "N/A", "-", "—", "–" };

    public static bool IsMissing(string? cell) => cell is null || MissingTokens.Contains(cell.Trim());

    /// <summary>
    /// Parses an invariant-culture number. Thousands separators are accepted only in proper groups of three
    /// ("1,318,437"), so a decimal comma ("3,5") is refused rather than misread.
    /// </summary>
    public static bool TryParse(string cell, out double value)
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
                   CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedNumber();
}
