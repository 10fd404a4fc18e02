using System.Globalization;
using System.Text;

namespace CityExchange.Core.Citations;

/// <summary>
/// A <see cref="Citation"/> in the forms researchers paste or import: GB/T 7714-2015 (electronic resource, [EB/OL]),
/// APA 7 (web page), BibTeX (<c>@misc</c>) and RIS (<c>TY  - ELEC</c>).
/// </summary>
public static class CitationFormats
{
    /// <summary>
    /// GB/T 7714-2015, 8.1 and 4.8 (电子资源): <c>主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.</c>
    /// The index's name is the title proper and the page's title the other title information; the standard's own examples
    /// use the same half-width punctuation (". ", ": ") in Chinese and English entries alike.
    /// </summary>
    public static CitationText GbT7714(Citation c) => new(
    [
        new(CitationPartKind.Text, $"{c.Author}. {c.SiteName}: "),
        new(CitationPartKind.Title, c.Title),
        new(CitationPartKind.Text, $"[EB/OL]. ({Citation.Iso(c.Updated)})["),
        new(CitationPartKind.AccessDate, Citation.Iso(c.Accessed), CitationDateStyle.Iso),
        new(CitationPartKind.Text, "]. "),
        new(CitationPartKind.Url, c.Url),
        new(CitationPartKind.Text, "."),
    ]);

    /// <summary>
    /// APA 7, web page whose content changes: <c>Author. (Year, Month Day). <i>Title</i> (Data version v). Site Name.
    /// Retrieved Month Day, Year, from URL</c> (no full stop after the URL). A Chinese entry keeps the order and writes
    /// the dates and the words in Chinese.
    /// </summary>
    public static CitationText Apa(Citation c) => c.IsChinese
        ? new(
        [
            new(CitationPartKind.Text, $"{c.Author}. ({LongChinese(c.Updated)}). "),
            new(CitationPartKind.Title, c.Title),
            new(CitationPartKind.Text, $" (数据版本 {c.DataVersion}). {c.SiteName}. 检索于 "),
            new(CitationPartKind.AccessDate, LongChinese(c.Accessed), CitationDateStyle.LongDateChinese),
            new(CitationPartKind.Text, ", 取自 "),
            new(CitationPartKind.Url, c.Url),
        ])
        : new(
        [
            new(CitationPartKind.Text, $"{c.Author}. ({c.Updated.ToString("yyyy, MMMM d", CultureInfo.InvariantCulture)}). "),
            new(CitationPartKind.Title, c.Title),
            new(CitationPartKind.Text, $" (Data version {c.DataVersion}). {c.SiteName}. Retrieved "),
            new(CitationPartKind.AccessDate, Long(c.Accessed), CitationDateStyle.LongDate),
            new(CitationPartKind.Text, ", from "),
            new(CitationPartKind.Url, c.Url),
        ]);

    /// <summary>
    /// A BibTeX <c>@misc</c> entry: the author braced as one corporate name, the title braced against case changes,
    /// <c>howpublished = {\url{…}}</c>, <c>urldate</c> (biblatex) and a <c>note</c> with the data version and the
    /// access date. Text fields escape TeX's special characters; the URL escapes <c>%</c> and <c>#</c> (as
    /// <c>\url</c> needs in an argument) and percent-encodes braces and backslashes.
    /// </summary>
    public static string BibTex(Citation c)
    {
        var note = c.IsChinese
            ? $"{c.SiteName}，数据版本 {c.DataVersion}，更新于 {Citation.Iso(c.Updated)}，访问于 {Citation.Iso(c.Accessed)}"
            : $"{c.SiteName}, data version {c.DataVersion}, updated {Citation.Iso(c.Updated)}, accessed {Citation.Iso(c.Accessed)}";
        var text = new StringBuilder()
            .Append("@misc{").Append(BibKey(c)).Append(",\n")
            .Append("  author = {{").Append(TeX(c.Author)).Append("}},\n")
            .Append("  title = {{").Append(TeX(c.Title)).Append("}},\n")
            .Append("  year = {").Append(c.Updated.Year.ToString(CultureInfo.InvariantCulture)).Append("},\n")
            .Append("  howpublished = {\\url{").Append(TeXUrl(c.Url)).Append("}},\n")
            .Append("  urldate = {").Append(Citation.Iso(c.Accessed)).Append("},\n")
            .Append("  note = {").Append(TeX(note)).Append("},\n")
            .Append("  language = {").Append(c.IsChinese ? "chinese" : "english").Append("},\n")
            .Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// An RIS record (<c>TY  - ELEC</c>): tags <c>AU TI T2 PY DA UR Y2</c> (access date) <c>N1</c> (data version)
    /// <c>LA</c>, each line ended by CR LF, the last <c>ER  - </c>. A value never spans lines.
    /// </summary>
    public static string Ris(Citation c)
    {
        var text = new StringBuilder();
        void Tag(string tag, string value) => text.Append(tag).Append("  - ").Append(OneLine(value)).Append("\r\n");
        Tag("TY", "ELEC");
        Tag("AU", c.Author);
        Tag("TI", c.Title);
        Tag("T2", c.SiteName);
        Tag("PY", c.Updated.Year.ToString(CultureInfo.InvariantCulture));
        Tag("DA", RisDate(c.Updated));
        Tag("UR", c.Url);
        Tag("Y2", RisDate(c.Accessed));
        Tag("N1", c.IsChinese ? $"数据版本 {c.DataVersion}" : $"Data version {c.DataVersion}");
        Tag("LA", c.IsChinese ? "Chinese" : "English");
        text.Append("ER  - \r\n");
        return text.ToString();
    }

    /// <summary>A key of ASCII letters, digits and hyphens: the index, the page's path, the access day.</summary>
    public static string BibKey(Citation c)
    {
        var path = c.Url;
        var start = path.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? path.IndexOf('/', scheme + 3) : 0;
        path = start < 0 ? "" : path[start..];
        var end = path.IndexOfAny(['?', '#']);
        path = end < 0 ? path : path[..end];
        var slug = new StringBuilder();
        foreach (var ch in path.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        name = name.Length > 40 ? name[..40].TrimEnd('-') : name;
        return $"cityexchange-{(name.Length == 0 ? "home" : name)}-{c.Accessed.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
    }

    internal static string TeX(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var ch in OneLine(value))
        {
            text.Append(ch switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + ch,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => ch.ToString(),
            });
        }

        return text.ToString();
    }

    internal static string TeXUrl(string url)
    {
        var text = new StringBuilder(url.Length + 8);
        foreach (var ch in OneLine(url))
        {
            text.Append(ch switch
            {
                '%' => @"\%",
                '#' => @"\#",
                '{' => @"\%7B",
                '}' => @"\%7D",
                '\\' => @"\%5C",
                _ => ch.ToString(),
            });
        }

        return text.ToString();
    }

    private static string OneLine(string value) =>
        value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            : value;

    private static string RisDate(DateOnly date) => date.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    internal static string Long(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    internal static string LongChinese(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
