using CityExchange.Core.Csv;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Cities;

/// <summary>What a name typed in a <c>city</c> column finds: one city, or the <see cref="Candidates"/> an English name shared by several names.</summary>
public sealed record CityLookup(City? City, IReadOnlyList<City> Candidates)
{
    public static CityLookup None { get; } = new(null, []);

    /// <summary>An English name of several cities (福州 and 抚州 are both Fuzhou): none is picked.</summary>
    public bool IsAmbiguous => City is null && Candidates.Count > 1;

    /// <summary>The candidates for a message, in the UI culture: "福州 (fuzhou) or 抚州 (fuzhou_jx)".</summary>
    public string DescribeCandidates()
    {
        var names = Candidates.Select(c => Messages.Format(MessageKey.CandidateCity, c.NameZh, c.Code)).ToList();
        return names.Count < 2
            ? string.Concat(names)
            : string.Join(Messages.Format(MessageKey.ListSeparator), names[..^1]) + Messages.Format(MessageKey.ListLastSeparator) + names[^1];
    }
}

/// <summary>
/// Resolves what a user typed in a <c>city</c> column: a code, a Chinese name (or its 市 form) or an English name,
/// ignoring case, in that order of precedence. Codes and Chinese names identify a city (<see cref="FindCollisions"/>
/// keeps them apart); English names may repeat, and one shared by several cities resolves to none of them.
/// </summary>
public sealed class CityDirectory
{
    private readonly Dictionary<string, City> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, City> _byNameZh = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, City> _byShiForm = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<City>> _byNameEn = new(StringComparer.OrdinalIgnoreCase);

    public CityDirectory(IEnumerable<City> cities)
    {
        Cities = [.. cities];
        foreach (var c in Cities)
        {
            _byCode[c.Code] = c;
            _byNameZh.TryAdd(c.NameZh, c);
            // "北京市" is common in spreadsheets; an exact Chinese name wins over another city's 市 form.
            _byShiForm.TryAdd(ShiForm(c.NameZh), c);
            if (!_byNameEn.TryGetValue(c.NameEn, out var named))
            {
                _byNameEn[c.NameEn] = named = [];
            }

            named.Add(c);
        }
    }

    public IReadOnlyList<City> Cities { get; }

    /// <summary>The 市 ("city") form of a Chinese name: 北京 → 北京市.</summary>
    public static string ShiForm(string nameZh) => nameZh + "市";

    /// <summary>
    /// A code first (one that differs only in case yields to an English name of several cities: "Fuzhou" is the name,
    /// "fuzhou" the code), then a Chinese name or its 市 form, then an English name of one city; an English name of
    /// several is <see cref="CityLookup.IsAmbiguous"/>. Whatever the order of the cities, an English name never takes
    /// another city's code or Chinese name.
    /// </summary>
    public CityLookup Lookup(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CityLookup.None;
        }

        var key = text.Trim();
        _byNameEn.TryGetValue(key, out var english);
        if (_byCode.TryGetValue(key, out var byCode) && (english is not { Count: > 1 } || string.Equals(byCode.Code, key, StringComparison.Ordinal)))
        {
            return new CityLookup(byCode, []);
        }

        if (_byNameZh.TryGetValue(key, out var byName) || _byShiForm.TryGetValue(key, out byName))
        {
            return new CityLookup(byName, []);
        }

        return english switch
        {
            [var only] => new CityLookup(only, []),
            { Count: > 1 } => new CityLookup(null, english),
            _ => CityLookup.None,
        };
    }

    /// <summary>The city <paramref name="text"/> names; false when it names none, or several (see <see cref="Lookup"/>).</summary>
    public bool TryResolve(string? text, out City city)
    {
        city = Lookup(text).City!;
        return city is not null;
    }

    /// <summary>
    /// The collisions an upload of <paramref name="uploaded"/> would make in the directory of <paramref name="existing"/>
    /// (the stored cities, each replaced by the uploaded city with its code): a code, Chinese name or 市 form that would
    /// find another city, stored (<c>NameTaken</c>) or uploaded (<c>NameCollision</c>, <c>DuplicateName</c>,
    /// <c>DuplicateCode</c>). Each is located at <paramref name="lines"/>[i] for <paramref name="uploaded"/>[i] (by
    /// default i + 2, as in a file without blank or comment lines) and names the other city; at most one per uploaded
    /// city (its code checked first, then its Chinese name). English names may repeat. Collisions among stored cities that
    /// the upload leaves alone are not its doing and not reported.
    /// </summary>
    public static IReadOnlyList<CsvIssue> FindCollisions(IReadOnlyList<City> existing, IReadOnlyList<City> uploaded, IReadOnlyList<int>? lines = null)
    {
        if (lines is not null && lines.Count != uploaded.Count)
        {
            throw new ArgumentException("One line per uploaded city.", nameof(lines));
        }

        var replaced = new HashSet<string>(uploaded.Select(c => c.Code), StringComparer.OrdinalIgnoreCase);
        var identities = new CityIdentities();
        foreach (var city in existing)
        {
            if (!replaced.Contains(city.Code))
            {
                identities.AddStored(city);
            }
        }

        var issues = new CsvIssueList(int.MaxValue);
        for (var i = 0; i < uploaded.Count; i++)
        {
            var city = uploaded[i];
            identities.Claim(lines?[i] ?? i + 2, ("code", city.Code), ("name_zh", city.NameZh), issues);
        }

        return issues.ToList();
    }
}
