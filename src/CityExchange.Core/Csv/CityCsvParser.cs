using System.Text.RegularExpressions;
using CityExchange.Core.Cities;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Csv;

/// <summary>
/// The outcome of parsing a city file: the cities (only when there is no error), the first
/// <see cref="CsvIssueLimit.MaxReported"/> errors by row and <see cref="ErrorCount"/>, how many there are in all.
/// </summary>
public sealed record CityCsv(string EncodingName, IReadOnlyList<City> Cities, IReadOnlyList<CsvIssue> Errors, int ErrorCount)
{
    public bool IsValid => ErrorCount == 0;

    /// <summary>Cells that had invisible characters removed: the first <see cref="CsvIssueLimit.MaxReported"/> by row.</summary>
    public IReadOnlyList<CsvIssue> Notices { get; init; } = [];

    public int NoticeCount { get; init; }

    /// <summary>The line of the file each of <see cref="Cities"/> is on, in the same order.</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];

    /// <summary>
    /// Whether the file has the optional <c>lat</c>/<c>lon</c> columns. Without them an upload keeps the stored cities'
    /// coordinates (a file written before the columns existed must not erase them); with them a blank pair clears them.
    /// </summary>
    public bool HasCoordinates { get; init; }
}

/// <summary>
/// Parses a file with the columns of <c>cities.csv</c> (any order): <c>code</c>, names, province, region,
/// <c>level</c> (municipality | capital | other), <c>east_west</c> (east | west | blank), <c>north_south</c>
/// (north | south | blank), and optionally <c>lat</c> and <c>lon</c> (WGS84 decimal degrees, both or neither per row).
/// Encodings, delimiters and structural errors as for indicator files; every problem is located.
/// Within the file no two cities may share a code, a Chinese name, or a name and another's 市 form (北京 and 北京市):
/// one would find both (<see cref="CityIdentities"/>). English names may repeat (福州 and 抚州 are both Fuzhou).
/// </summary>
public static partial class CityCsvParser
{
    public const int MaxCodeLength = 64;

    private static readonly (string Name, int MaxLength, bool Required)[] Columns =
    [
        ("code", MaxCodeLength, true),
        ("name_zh", 64, true),
        ("name_en", 128, true),
        ("province_zh", 64, true),
        ("province_en", 128, true),
        ("region_zh", 32, true),
        ("region_en", 64, true),
        ("level", 32, true),
        ("east_west", 16, false),
        ("north_south", 16, false),
    ];

    /// <summary>The optional coordinate columns: a file has both or neither; a row fills both or neither.</summary>
    private static readonly (string Name, double Min, double Max)[] CoordinateColumns =
    [
        ("lat", -90, 90),
        ("lon", -180, 180),
    ];

    private static readonly string[] EastWest = ["east", "west"];
    private static readonly string[] NorthSouth = ["north", "south"];

    public static IReadOnlyList<string> ColumnNames { get; } = [.. Columns.Select(c => c.Name), .. CoordinateColumns.Select(c => c.Name)];

    /// <summary>
    /// Parses the file as an upload into the directory of <paramref name="existing"/> (the stored cities): a file valid
    /// on its own is refused too if a city would take a stored city's code, Chinese name or 市 form
    /// (<see cref="CityDirectory.FindCollisions"/>), located at its row. A city with a stored code replaces that city.
    /// </summary>
    public static CityCsv Parse(ReadOnlySpan<byte> content, IReadOnlyList<City> existing, int maxRows = CsvTable.DefaultMaxRows)
    {
        var parsed = Parse(content, maxRows);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        var errors = new CsvIssueList();
        foreach (var collision in CityDirectory.FindCollisions(existing, parsed.Cities, parsed.Lines))
        {
            errors.Add(collision);
        }

        return errors.Count == 0 ? parsed : parsed with { Cities = [], Lines = [], Errors = errors.ToList(), ErrorCount = errors.Count };
    }

    public static CityCsv Parse(ReadOnlySpan<byte> content, int maxRows = CsvTable.DefaultMaxRows)
    {
        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        var decoded = DecodedText.Decode(content);
        if (!decoded.IsText)
        {
            errors.Add(1, null, null, decoded.ErrorKey!);
            return Result(decoded.EncodingName, [], errors, notices);
        }

        var table = CsvTable.Read(decoded.Text!, errors, notices, maxRows);
        if (table is null)
        {
            return Result(decoded.EncodingName, [], errors, notices);
        }

        var index = ReadHeader(table.Header, errors);
        if (table.Records.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.HeaderOnly);
        }

        var cities = new List<City>(table.Records.Count);
        var lines = new List<int>(table.Records.Count);
        var identities = new CityIdentities();
        foreach (var record in table.Records)
        {
            if (record.Cells.Length != table.Header.Length)
            {
                errors.Add(record.Line, null, null, MessageKey.RaggedRow, record.Cells.Length, table.Header.Length);
            }

            var before = errors.Count;
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, maxLength, required) in Columns)
            {
                if (!index.TryGetValue(name, out var column))
                {
                    continue;
                }

                var value = column < record.Cells.Length ? record.Cells[column].Trim() : string.Empty;
                var header = table.Header[column];
                if (value.Length == 0)
                {
                    if (required)
                    {
                        errors.Add(record.Line, header, value, MessageKey.MissingValue, name);
                    }

                    cells[name] = null;
                    continue;
                }

                if (value.Length > maxLength)
                {
                    errors.Add(record.Line, header, value, MessageKey.TooLong, value, maxLength);
                    continue;
                }

                cells[name] = Check(record.Line, header, name, value, errors);
            }

            var (latitude, longitude) = ReadCoordinates(record, table.Header, index, errors);

            identities.Claim(
                record.Line,
                (HeaderOf("code"), cells.GetValueOrDefault("code")),
                (HeaderOf("name_zh"), cells.GetValueOrDefault("name_zh")),
                errors);

            if (errors.Count == before && Columns.All(c => index.ContainsKey(c.Name)))
            {
                cities.Add(new City(
                    Code: cells["code"]!,
                    NameZh: cells["name_zh"]!,
                    NameEn: cells["name_en"]!,
                    ProvinceZh: cells["province_zh"]!,
                    ProvinceEn: cells["province_en"]!,
                    RegionZh: cells["region_zh"]!,
                    RegionEn: cells["region_en"]!,
                    Level: cells["level"]!,
                    EastWest: cells["east_west"],
                    NorthSouth: cells["north_south"],
                    Latitude: latitude,
                    Longitude: longitude));
                lines.Add(record.Line);
            }
        }

        return Result(decoded.EncodingName, cities, errors, notices, lines) with { HasCoordinates = CoordinateColumns.All(c => index.ContainsKey(c.Name)) };

        string HeaderOf(string name) => index.TryGetValue(name, out var column) ? table.Header[column] : name;
    }

    private static CityCsv Result(string encoding, List<City> cities, CsvIssueList errors, CsvIssueList notices, List<int>? lines = null) =>
        new(encoding, errors.Count == 0 ? cities : [], errors.ToList(), errors.Count)
        {
            Notices = notices.ToList(),
            NoticeCount = notices.Count,
            Lines = errors.Count == 0 ? lines ?? [] : [],
        };

    /// <summary>
    /// Reads a row's lat/lon: both numbers within their ranges, or both blank (an unknown location). Errors are located
    /// at the cell; a pair with one half blank is located at the blank one.
    /// </summary>
    private static (double? Latitude, double? Longitude) ReadCoordinates(
        CsvRecord record, string[] header, Dictionary<string, int> index, CsvIssueList errors)
    {
        if (!CoordinateColumns.All(c => index.ContainsKey(c.Name)))
        {
            return (null, null);
        }

        var values = new double?[CoordinateColumns.Length];
        var blank = new bool[CoordinateColumns.Length];
        var valid = true;
        for (var i = 0; i < CoordinateColumns.Length; i++)
        {
            var (name, min, max) = CoordinateColumns[i];
            var column = index[name];
            var raw = column < record.Cells.Length ? record.Cells[column].Trim() : string.Empty;
            if (CsvNumbers.IsMissing(raw))
            {
                blank[i] = true;
                continue;
            }

            if (!CsvNumbers.TryParse(CsvNumbers.NormaliseWidth(raw), out var value))
            {
                errors.Add(record.Line, header[column], raw, MessageKey.NotANumber, raw);
                valid = false;
            }
            else if (value < min || value > max)
            {
                errors.Add(record.Line, header[column], raw, MessageKey.CoordinateOutOfRange, raw, min, max);
                valid = false;
            }
            else
            {
                values[i] = value;
            }
        }

        if (blank.Any(b => b) && !blank.All(b => b))
        {
            var missing = Array.IndexOf(blank, true);
            var column = index[CoordinateColumns[missing].Name];
            errors.Add(record.Line, header[column], string.Empty, MessageKey.CoordinateHalf, CoordinateColumns[missing].Name,
                CoordinateColumns[1 - missing].Name);
            return (null, null);
        }

        return valid ? (values[0], values[1]) : (null, null);
    }

    /// <summary>Checks one non-empty cell; returns its normalised value (null when invalid).</summary>
    private static string? Check(int line, string header, string name, string value, CsvIssueList errors)
    {
        switch (name)
        {
            case "code":
                if (!CodePattern().IsMatch(value))
                {
                    errors.Add(line, header, value, MessageKey.InvalidCode, value);
                    return null;
                }

                return value;
            case "level":
                return OneOf(line, header, value, CityLevels.All, errors);
            case "east_west":
                return OneOf(line, header, value, EastWest, errors);
            case "north_south":
                return OneOf(line, header, value, NorthSouth, errors);
            default:
                return value;
        }
    }

    private static string? OneOf(int line, string header, string value, IReadOnlyList<string> allowed, CsvIssueList errors)
    {
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(line, header, value, MessageKey.InvalidValue, value, string.Join(", ", allowed));
        }

        return match;
    }

    private static Dictionary<string, int> ReadHeader(string[] header, CsvIssueList errors)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                errors.Add(1, null, name, MessageKey.EmptyColumnName, i + 1);
            }
            else if (!ColumnNames.Any(c => c.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(1, name, name, MessageKey.UnknownCityColumn, name, string.Join(", ", ColumnNames));
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(1, name, name, MessageKey.DuplicateColumn, name);
            }
        }

        foreach (var (name, _, _) in Columns)
        {
            if (!index.ContainsKey(name))
            {
                errors.Add(1, name, null, MessageKey.MissingColumn, name);
            }
        }

        // lat without lon (or the reverse) would store half a location: the file needs both columns or neither.
        var coordinates = CoordinateColumns.Where(c => index.ContainsKey(c.Name)).ToList();
        if (coordinates.Count == 1)
        {
            var other = CoordinateColumns.First(c => !index.ContainsKey(c.Name)).Name;
            errors.Add(1, other, null, MessageKey.MissingColumn, other);
        }

        return index;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
