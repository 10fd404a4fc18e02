using System.Globalization;
using System.Text;

namespace CityExchange.Core.Csv;

/// <summary>
/// Text from a file echoed in a message, made visible: every control, format, separator (but the ASCII space),
/// private-use, unassigned or unpaired surrogate character is written as its code point, <c>&lt;U+FEFF&gt;</c>, so
/// a BOM or a right-to-left override in a cell can be seen and cannot reorder the message around it. Every message
/// about an uploaded file goes through <see cref="Echo"/> (see <see cref="CsvTable"/>'s issues).
/// </summary>
public static class VisibleText
{
    /// <summary>The longest echo, in characters, before "…": bounds a message about a 10 MB cell.</summary>
    public const int MaxEchoLength = 200;

    /// <summary><c>U+001B</c>: how a character is named in a message.</summary>
    public static string CodePoint(int value) => "U+" + value.ToString("X4", CultureInfo.InvariantCulture);

    public static string Escape(string text) => Write(text, int.MaxValue);

    /// <summary><see cref="Escape"/>, shortened to <see cref="MaxEchoLength"/> characters and "…".</summary>
    public static string? Echo(string? text) => text is null ? null : Write(text, MaxEchoLength);

    private static string Write(string text, int maxLength)
    {
        if (text.Length <= maxLength && !NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (builder.Length >= maxLength)
            {
                return builder.Append('…').ToString();
            }

            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                if (IsInvisible(rune))
                {
                    builder.Append('<').Append(CodePoint(rune.Value)).Append('>');
                }
                else
                {
                    builder.Append(text, i, rune.Utf16SequenceLength);
                }

                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                // An unpaired surrogate: no character at all.
                builder.Append('<').Append(CodePoint(text[i])).Append('>');
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                return true;
            }

            if (IsInvisible(rune))
            {
                return true;
            }

            i += rune.Utf16SequenceLength - 1;
        }

        return false;
    }

    private static bool IsInvisible(Rune rune) => rune.Value != ' ' && Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
