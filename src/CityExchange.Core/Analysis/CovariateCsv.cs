using CityExchange.Core.Csv;

namespace CityExchange.Core.Analysis;

/// <summary>A covariate value ready to store: a city's value of covariate <see cref="Code"/> (e.g. gdp) in the file's year.</summary>
public sealed record CovariateEntry(string CityCode, string Code, double Value);

/// <summary>The outcome of parsing a covariate file: the covariate codes, the errors (the first 1,000 and their count), and the values when there is none.</summary>
public sealed class CovariateCsv
{
    public required IReadOnlyList<string> Codes { get; init; }

    public required int Rows { get; init; }

    public required IReadOnlyList<CovariateEntry> Values { get; init; }

    public required IReadOnlyList<CsvIssue> Errors { get; init; }

    /// <summary>How many errors the file has; <see cref="Errors"/> holds the first <see cref="CsvIssueLimit.MaxReported"/> of them by row.</summary>
    public required int ErrorCount { get; init; }

    public bool IsValid => ErrorCount == 0;

    /// <summary>Cells that had invisible characters removed: the first <see cref="CsvIssueLimit.MaxReported"/> by row.</summary>
    public IReadOnlyList<CsvIssue> Notices { get; init; } = [];

    public int NoticeCount { get; init; }
}
