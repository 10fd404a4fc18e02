namespace CityExchange.Core.Cities;

/// <summary>Resolves what a user typed in a <c>city</c> column: a code, a Chinese name or an English name.</summary>
public sealed class CityDirectory
{
    private readonly Dictionary<string, City> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public CityDirectory(IEnumerable<City> cities)
    {
        Cities = [.. cities];
        // Codes win over names when a name collides with another city's code.
        foreach (var c in Cities)
        {
            _byKey[c.Code] = c;
        }

        foreach (var c in Cities)
        {
            _byKey.TryAdd(c.NameZh, c);
            _byKey.TryAdd(c.NameEn, c);
            // "北京市" and "Beijing City" are common in spreadsheets.
            _byKey.TryAdd(c.NameZh + "市", c);
        }
    }

    public IReadOnlyList<City> Cities { get; }

    public bool TryResolve(string? text, out City city)
    {
        city = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return _byKey.TryGetValue(text.Trim(), out city!);
    }
}
