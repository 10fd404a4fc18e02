using System.Globalization;

namespace CityExchange.Core.Citations;

/// <summary>
/// What a reader needs to cite one page of the site: who is responsible for the index, the page's title in the reader's
/// language, its exact address (with the query that gives its state), the version of the data it showed, when that
/// data last changed, and the day the reader saw it.
/// </summary>
/// <param name="IsChinese">The entry's language: the names and the words around the fields follow it.</param>
/// <param name="Title">The page's own title (<c>排名 2015</c>, <c>Rankings 2015</c>).</param>
/// <param name="Url">Absolute when the site's public address is configured, else app-relative (<c>/Rankings?year=2015</c>).</param>
/// <param name="DataVersion">The data version the page showed (hex digits).</param>
/// <param name="Updated">The day the data the page showed last changed.</param>
/// <param name="Accessed">The day the reader saw the page (Asia/Shanghai).</param>
public sealed record Citation(bool IsChinese, string Title, string Url, string DataVersion, DateOnly Updated, DateOnly Accessed)
{
    /// <summary>The index's author, as the 2015 report names its publisher.</summary>
    public string Author => IsChinese ? AuthorZh : AuthorEn;

    public string SiteName => IsChinese ? SiteNameZh : SiteNameEn;

    /// <summary>The language as a tag (RIS <c>LA</c>, the page's <c>lang</c>).</summary>
    public string LanguageTag => IsChinese ? "zh-CN" : "en";

    public const string AuthorZh = "上海国际问题研究院";
    public const string AuthorEn = "Shanghai Institutes for International Studies";
    public const string SiteNameZh = "城市对外交往活力指数";
    public const string SiteNameEn = "City International Exchange Vitality Index";

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>How a date in a citation is written; the page's script writes today's date the same way.</summary>
public enum CitationDateStyle
{
    /// <summary><c>2026-12-02</c> (GB/T 7714).</summary>
    Iso,

    /// <summary><c>December 2, 2026</c> (APA, English).</summary>
    LongDate,

    /// <summary><c>2026年12月2日</c> (APA, Chinese).</summary>
    LongDateChinese,
}

public enum CitationPartKind
{
    Text,

    /// <summary>The title: APA sets it in italics.</summary>
    Title,

    /// <summary>The access date: on a cached page the script replaces it with the reader's today.</summary>
    AccessDate,

    Url,
}

public sealed record CitationPart(CitationPartKind Kind, string Text, CitationDateStyle DateStyle = CitationDateStyle.Iso);

/// <summary>A formatted citation in parts (so a page can set the title in italics and refresh the access date).</summary>
public sealed record CitationText(IReadOnlyList<CitationPart> Parts)
{
    public override string ToString() => string.Concat(Parts.Select(p => p.Text));
}
