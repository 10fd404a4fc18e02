using CityExchange.Core.Csv;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Cities;

/// <summary>
/// The texts that find a city in <see cref="CityDirectory"/>, its keys: its code, its Chinese name and that name's 市
/// form, ignoring case. No two cities may share a key, or one name would find both: an upload naming 北京 would file
/// Beijing's values under a city that took the name. Cities are claimed one at a time, from the store or a file row.
/// </summary>
internal sealed class CityIdentities
{
    private readonly Dictionary<string, Owner> _owners = new(StringComparer.OrdinalIgnoreCase);

    public void AddStored(City city)
    {
        // Stored cities are trusted as they are: a collision already in the store is not an upload's doing.
        var owner = new Owner(null, city, null);
        _owners.TryAdd(city.Code, owner with { Text = city.Code, IsCode = true });
        _owners.TryAdd(city.NameZh, owner with { Text = city.NameZh });
        _owners.TryAdd(CityDirectory.ShiForm(city.NameZh), owner with { Text = city.NameZh });
    }

    /// <summary>
    /// Claims the keys of the city on <paramref name="line"/> given by its code and Chinese name cells (null when missing or
    /// invalid), each with its column as the file names it. The first key another city has is an error naming that city;
    /// one per row, so a row repeated is one mistake (its code), not two.
    /// </summary>
    public void Claim(int line, (string Column, string? Text) code, (string Column, string? Text) nameZh, CsvIssueList errors)
    {
        var reported = false;
        if (code.Text is { } c)
        {
            Check(line, code.Column, c, isCode: true, [c], errors, ref reported);
        }

        if (nameZh.Text is { } n)
        {
            Check(line, nameZh.Column, n, isCode: false, [n, CityDirectory.ShiForm(n)], errors, ref reported);
        }
    }

    private void Check(int line, string column, string text, bool isCode, string[] keys, CsvIssueList errors, ref bool reported)
    {
        foreach (var key in keys)
        {
            if (_owners.TryGetValue(key, out var owner))
            {
                if (owner.Line != line && !reported)
                {
                    errors.Add(Collision(line, column, text, isCode, key, owner));
                    reported = true;
                }

                continue;
            }

            _owners[key] = new Owner(line, null, text) { IsCode = isCode };
        }
    }

    private static CsvIssue Collision(int line, string column, string text, bool isCode, string key, Owner owner)
    {
        if (owner.Stored is { } stored)
        {
            return CsvTable.Issue(line, column, text, MessageKey.NameTaken, text, stored.NameZh, stored.Code, key);
        }

        var sameText = string.Equals(text, owner.Text, StringComparison.OrdinalIgnoreCase) && isCode == owner.IsCode;
        return sameText
            ? CsvTable.Issue(line, column, text, isCode ? MessageKey.DuplicateCode : MessageKey.DuplicateName, text, owner.Line)
            : CsvTable.Issue(line, column, text, MessageKey.NameCollision, text, owner.Text, owner.Line, key);
    }

    /// <summary>Who holds a key: a stored city, or the city of a file's row (with the text of its cell).</summary>
    private sealed record Owner(int? Line, City? Stored, string? Text)
    {
        public bool IsCode { get; init; }
    }
}
