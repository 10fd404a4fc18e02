using System.Globalization;

namespace CityExchange.Web.Pages.Explore;

/// <summary>Optional numbers in a query string (invariant culture), for the Explore pages and endpoints alike.</summary>
public static class QueryNumbers
{
    /// <summary>An optional whole number; false (with the message) when present but not one, or out of range.</summary>
    public static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    /// <summary>An optional finite number; false when present but not one.</summary>
    public static bool TryDouble(string? text, double fallback, out double value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text)
            || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));
    }
}
