namespace CityExchange.Core.Csv;

/// <summary>
/// A problem found in an uploaded file, located by <see cref="Row"/> (line number in the file, the header is 1)
/// and <see cref="Column"/> (the header name). <see cref="Code"/> is stable; <see cref="Message"/> is localised.
/// </summary>
public sealed record CsvIssue(int Row, string? Column, string? Value, string Code, string Message);
