using System.Buffers;

namespace CityExchange.Core.Csv;

/// <summary>
/// Spreadsheet formula injection (CWE-1236): a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab,
/// a carriage return or a line feed may be run as a formula when a CSV file is opened in Excel or LibreOffice.
/// <see cref="Neutralise"/> prefixes such text with an apostrophe, which spreadsheets show as text.
/// Apply it to text cells only: numbers (including negative ones) are written as numbers.
/// </summary>
public static class CsvInjection
{
    /// <summary>The character put in front of a formula-like cell.</summary>
    public const char EscapeCharacter = '\'';

    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r\n");

    /// <summary>True when a spreadsheet could read <paramref name="text"/> as a formula.</summary>
    public static bool IsFormulaLike(string? text) => !string.IsNullOrEmpty(text) && Triggers.Contains(text[0]);

    /// <summary>The text, prefixed with an apostrophe when it is formula-like; null becomes empty.</summary>
    public static string Neutralise(string? text) =>
        text is null ? string.Empty : IsFormulaLike(text) ? EscapeCharacter + text : text;
}
