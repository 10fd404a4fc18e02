using System.Globalization;
using System.Text;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using CsvHelper;
using CsvHelper.Configuration;

namespace CityExchange.Core.Csv;

/// <summary>
/// Files offered for download on the upload page: a yearly template (the upload format, one row per city) and the
/// indicator dictionary. UTF-8 with BOM (Excel opens it correctly); text cells are neutralised against formula
/// injection per OWASP; numeric cells stay numbers.
/// </summary>
public static class CsvTemplates
{
    /// <summary>Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection), plus LF.</summary>
    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r', '\n'];

    /// <summary>
    /// The upload format for <paramref name="year"/>: <c>city,year,&lt;every indicator code&gt;,source</c>, one row per
    /// city (by code), cells prefilled from <paramref name="values"/> (city code, indicator code) or blank. With
    /// <paramref name="comment"/>, the file ends with a comment line (<see cref="CsvTable.CommentPrefix"/>), which the
    /// upload skips: it says where the values come from.
    /// </summary>
    public static byte[] IndicatorTemplate(
        int year,
        IndicatorFramework framework,
        IEnumerable<City> cities,
        IReadOnlyDictionary<(string City, string Indicator), double>? values = null,
        string? comment = null) => Write(csv =>
    {
        csv.WriteField("city");
        csv.WriteField("year");
        foreach (var indicator in framework.Indicators)
        {
            csv.WriteField(indicator.Code);
        }

        csv.WriteField("source");
        csv.NextRecord();
        foreach (var city in cities.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            csv.WriteField(Neutralise(city.Code));
            csv.WriteField(year);
            foreach (var indicator in framework.Indicators)
            {
                if (values is not null && values.TryGetValue((city.Code, indicator.Code), out var value))
                {
                    csv.WriteField(value);
                }
                else
                {
                    csv.WriteField(string.Empty);
                }
            }

            csv.WriteField(string.Empty);
            csv.NextRecord();
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            csv.WriteField(CommentLine(comment), shouldQuote: false);
            csv.NextRecord();
        }
    });

    /// <summary>The indicator dictionary: code, domain, Chinese and English names, unit, polarity, definition, typical source.</summary>
    public static byte[] IndicatorDictionary(IndicatorFramework framework) => Write(csv =>
    {
        foreach (var name in new[] { "code", "domain", "domain_zh", "domain_en", "name_zh", "name_en", "unit", "polarity", "definition_zh", "typical_source_zh" })
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var indicator in framework.Indicators)
        {
            var domain = DomainInfo.Of(indicator.Domain);
            csv.WriteField(Neutralise(indicator.Code));
            csv.WriteField(domain.Code);
            csv.WriteField(Neutralise(domain.NameZh));
            csv.WriteField(Neutralise(domain.NameEn));
            csv.WriteField(Neutralise(indicator.NameZh));
            csv.WriteField(Neutralise(indicator.NameEn));
            csv.WriteField(Neutralise(indicator.Unit));
            csv.WriteField(indicator.Polarity);
            csv.WriteField(Neutralise(indicator.DefinitionZh));
            csv.WriteField(Neutralise(indicator.TypicalSourceZh));
            csv.NextRecord();
        }
    });

    /// <summary>
    /// One unquoted line starting with <c>#</c>. Commas, quotes and line breaks become spaces: a spreadsheet would split
    /// the line into cells or quote it when saving, and a quoted line is no longer a comment.
    /// </summary>
    internal static string CommentLine(string text)
    {
        var line = new StringBuilder(text.Length + 2).Append(CsvTable.CommentPrefix).Append(' ');
        foreach (var c in text.Trim())
        {
            line.Append(c is ',' or '"' or '\r' or '\n' ? ' ' : c);
        }

        return line.ToString();
    }

    /// <summary>Prefixes a text cell that a spreadsheet would run as a formula with <c>'</c>.</summary>
    private static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaTriggers, text[0]) >= 0 ? "'" + text : text;

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            write(csv);
        }

        return buffer.ToArray();
    }
}
