using F23.StringSimilarity;

namespace CityExchange.Core.Cities;

/// <summary>
/// "Did you mean": the cities whose code, Chinese or English name is closest to a name that resolved to no city. A
/// name that starts with what was typed (or is its start: <c>北京市区</c>) comes first, then one that contains it, then
/// those within a few edits (optimal string alignment: a typo, a missing letter, two letters swapped, a wrong
/// character), nearest first. Case, spaces, hyphens and apostrophes do not count (<c>xi an</c> is Xi'an).
/// </summary>
public static class CitySuggestions
{
    public const int DefaultLimit = 5;

    private static readonly OptimalStringAlignment Distance = new();

    /// <summary>
    /// Up to <paramref name="limit"/> cities of <paramref name="cities"/> close to <paramref name="typed"/>, closest
    /// first; cities equally close keep the order they were given in (the caller's best guess first, e.g. by rank).
    /// Empty when nothing is close.
    /// </summary>
    public static IReadOnlyList<City> Closest(IEnumerable<City> cities, string? typed, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = Fold(typed);
        if (query.Length == 0)
        {
            return [];
        }

        // Edits allowed: one for a two-character Chinese name (北惊 → 北京), about one in three for longer names.
        var allowed = Math.Max(1, query.Length / 3);
        return
        [
            .. cities
                .Select((city, order) => (City: city, Order: order, Score: Score(city, query, allowed)))
                .Where(x => x.Score is not null)
                .OrderBy(x => x.Score)
                .ThenBy(x => x.Order)
                .Take(limit)
                .Select(x => x.City),
        ];
    }

    /// <summary>0: a name starts with the text or the text with a name; 1: a name contains it; 1 + edits within the allowance; else null.</summary>
    private static double? Score(City city, string query, int allowed)
    {
        double? best = null;
        foreach (var name in new[] { city.Code, city.NameZh, city.NameEn })
        {
            var folded = Fold(name);
            if (folded.Length == 0)
            {
                continue;
            }

            double? score = folded.StartsWith(query, StringComparison.Ordinal) || query.StartsWith(folded, StringComparison.Ordinal) ? 0
                : query.Length >= 2 && folded.Contains(query, StringComparison.Ordinal) ? 1
                : Distance.Distance(query, folded) is var edits && edits <= allowed ? 1 + edits
                : null;
            if (score < (best ?? double.MaxValue))
            {
                best = score;
            }
        }

        return best;
    }

    /// <summary>Lower case without spaces, hyphens, apostrophes and a trailing 市 or "city".</summary>
    private static string Fold(string? text)
    {
        var folded = new string([.. (text ?? "").Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '\'' or '’'))]);
        if (folded.Length > 1 && folded.EndsWith('市'))
        {
            return folded[..^1];
        }

        return folded.Length > 4 && folded.EndsWith("city", StringComparison.Ordinal) ? folded[..^4] : folded;
    }
}
