using System.Globalization;
using System.Text.Json;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>How the pages print numbers in English, to compare them with the API's unrounded doubles.</summary>
public static class Numbers
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>A score as the pages show it: one decimal.</summary>
    public static string Score(double value) => value.ToString("N1", English);

    public static string Score(JsonElement value) => Score(value.GetDouble());

    /// <summary>Parses a score or rank cell in English ("91.2", "12 (3)" → 12).</summary>
    public static double Parse(string text) =>
        double.Parse(text.Trim().Split(' ', '(')[0].Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
}
