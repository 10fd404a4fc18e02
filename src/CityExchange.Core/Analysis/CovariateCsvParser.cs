using System.Globalization;
using System.Text.RegularExpressions;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;

namespace CityExchange.Core.Analysis;

/// <summary>
/// Parses a covariate file: a <c>city</c> column (code, Chinese or English name), an optional <c>year</c> column, and
/// one column per covariate named by a code such as <c>gdp</c> or <c>population</c> (case-insensitive, stored
/// lower-case). Covariates are not indicators of the index: any code is accepted, values may be negative (but not
/// beyond <see cref="CsvNumbers.MaxMagnitude"/> either way), and missing cells (blank, NA, …) are left out. Every
/// problem is located by its row, column and value, like an indicator upload.
/// </summary>
public sealed partial class CovariateCsvParser(CityDirectory cities)
{
    private static readonly string[] CityHeaders = ["city", "城市"];
    private static readonly string[] YearHeaders = ["year", "年份"];

    public CovariateCsv Parse(ReadOnlySpan<byte> content, int expectedYear, int maxRows = CsvTable.DefaultMaxRows)
    {
        var errors = new CsvIssueList();
        var notices = new CsvIssueList();
        var decoded = DecodedText.Decode(content);
        if (!decoded.IsText)
        {
            errors.Add(1, null, null, decoded.ErrorKey!);
            return Result([], 0, [], errors, notices);
        }

        var table = CsvTable.Read(decoded.Text!, errors, notices, maxRows);
        if (table is null)
        {
            return Result([], 0, [], errors, notices);
        }

        var (cityColumn, yearColumn, covariates) = ReadHeader(table.Header, errors);
        if (table.Records.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.HeaderOnly);
        }

        var values = new List<CovariateEntry>();
        var seenCities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in table.Records)
        {
            if (record.Cells.Length != table.Header.Length)
            {
                errors.Add(record.Line, null, null, MessageKey.RaggedRow, record.Cells.Length, table.Header.Length);
            }

            string Cell(int index) => index >= 0 && index < record.Cells.Length ? record.Cells[index].Trim() : string.Empty;

            City? city = null;
            if (cityColumn >= 0)
            {
                var cityText = Cell(cityColumn);
                var column = table.Header[cityColumn];
                if (cityText.Length == 0)
                {
                    errors.Add(record.Line, column, cityText, MessageKey.MissingCity);
                }
                else
                {
                    var lookup = cities.Lookup(cityText);
                    if (lookup.City is not { } resolved)
                    {
                        errors.Add(record.Line, column, cityText, lookup.IsAmbiguous ? MessageKey.AmbiguousCity : MessageKey.UnknownCity,
                            cityText, lookup.DescribeCandidates());
                    }
                    else if (seenCities.TryGetValue(resolved.Code, out var firstLine))
                    {
                        errors.Add(record.Line, column, cityText, MessageKey.DuplicateCity, cityText, firstLine);
                    }
                    else
                    {
                        seenCities[resolved.Code] = record.Line;
                        city = resolved;
                    }
                }
            }

            if (yearColumn >= 0)
            {
                CheckYear(record.Line, table.Header[yearColumn], Cell(yearColumn), expectedYear, errors);
            }

            foreach (var (code, column) in covariates)
            {
                var raw = Cell(column);
                if (CsvNumbers.IsMissing(raw))
                {
                    continue;
                }

                var reading = CsvNumbers.ReadValue(raw, out var value);
                if (reading == CellNumber.NotANumber)
                {
                    errors.Add(record.Line, table.Header[column], raw, MessageKey.NotANumber, raw);
                }
                else if (reading == CellNumber.TooLarge)
                {
                    errors.Add(record.Line, table.Header[column], raw, MessageKey.ValueTooLarge, raw, CsvNumbers.MaxMagnitude);
                }
                else if (city is not null)
                {
                    values.Add(new CovariateEntry(city.Code, code, value));
                }
            }
        }

        if (errors.Count == 0 && values.Count == 0)
        {
            errors.Add(1, null, null, MessageKey.NoValues);
        }

        return Result([.. covariates.Select(c => c.Code)], table.Records.Count, values, errors, notices);
    }

    /// <summary>A covariate code: a letter, then letters, digits, '_' or '-' (at most 64 characters).</summary>
    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    private static (int City, int Year, List<(string Code, int Column)> Covariates) ReadHeader(string[] header, CsvIssueList errors)
    {
        int cityColumn = -1, yearColumn = -1;
        var covariates = new List<(string Code, int Column)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headerErrors = errors.Count;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                errors.Add(1, null, name, MessageKey.EmptyColumnName, i + 1);
            }
            else if (!seen.Add(name))
            {
                errors.Add(1, name, name, MessageKey.DuplicateColumn, name);
            }
            else if (CityHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                cityColumn = i;
            }
            else if (YearHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yearColumn = i;
            }
            else if (IsValidCode(name.ToLowerInvariant()))
            {
                covariates.Add((name.ToLowerInvariant(), i));
            }
            else
            {
                errors.Add(1, name, name, MessageKey.InvalidCode, name);
            }
        }

        if (cityColumn < 0)
        {
            errors.Add(1, "city", null, MessageKey.MissingCityColumn);
        }

        if (covariates.Count == 0 && errors.Count == headerErrors)
        {
            errors.Add(new CsvIssue(1, null, null, CovariateMessages.NoCovariateColumns, CovariateMessages.Format(CovariateMessages.NoCovariateColumns)));
        }

        return (cityColumn, yearColumn, covariates);
    }

    private static void CheckYear(int line, string column, string text, int expected, CsvIssueList errors)
    {
        if (CsvNumbers.IsMissing(text))
        {
            return;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
        {
            errors.Add(line, column, text, MessageKey.YearInvalid, text);
        }
        else if (year != expected)
        {
            errors.Add(line, column, text, MessageKey.YearMismatch, year, expected);
        }
    }

    private static CovariateCsv Result(IReadOnlyList<string> codes, int rows, IReadOnlyList<CovariateEntry> values, CsvIssueList errors, CsvIssueList notices) => new()
    {
        Codes = codes,
        Rows = rows,
        Values = errors.Count == 0 ? values : [],
        Errors = errors.ToList(),
        ErrorCount = errors.Count,
        Notices = notices.ToList(),
        NoticeCount = notices.Count,
    };

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
