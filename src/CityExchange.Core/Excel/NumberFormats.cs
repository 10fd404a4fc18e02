namespace CityExchange.Core.Excel;

/// <summary>Which cell number formats show a number as a date or a time.</summary>
internal static class NumberFormats
{
    /// <summary>
    /// The built-in date and time formats: 14–22 and 45–47 in every locale, and 27–36 and 50–58, the East Asian ones
    /// (<c>yyyy"年"m"月"d"日"</c>…) that a Chinese Excel or WPS writes by number without spelling them out.
    /// </summary>
    public static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>Whether a format code has a date or time part: d, m, y, h or s outside quotes, brackets and escapes.</summary>
    public static bool IsDateCode(string code)
    {
        if (code.Equals("General", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }

        return false;
    }

    public static bool IsDate(uint id, string? customCode) => customCode is not null ? IsDateCode(customCode) : IsBuiltInDate(id);
}
