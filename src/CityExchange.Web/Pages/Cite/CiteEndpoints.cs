using System.Globalization;
using System.Text;
using CityExchange.Core.Citations;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Cite;

public static class CiteEndpoints
{
    public const string BibTexType = "application/x-bibtex";
    public const string RisType = "application/x-research-info-systems";

    /// <summary>
    /// <c>GET /cite?format=bibtex|ris&amp;path=&amp;title=&amp;version=&amp;updated=&amp;lang=zh-CN|en</c>: the citation of a
    /// page as a file, with today's access date, in <c>lang</c>'s language (else the reader's). The page's "Cite this page" form asks here with what the page stated
    /// (its title, data version and update date), so the file says what the page said; without a version, the current
    /// one of every year. Not cached (the access date is the day of the download); a page-level download, not API.
    /// </summary>
    public static IEndpointRouteBuilder MapCiteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cite", GetAsync).WithName("GetCitation").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetAsync(
        string? format, string? path, string? title, string? version, string? updated, string? lang,
        CitationSource source, PublicUrls urls, IStringLocalizer<CiteText> text, CancellationToken cancellationToken)
    {
        var kind = format?.Trim().ToLowerInvariant();
        if (kind is not ("bibtex" or "ris"))
        {
            return Bad(text["Give format=bibtex or format=ris."]);
        }

        if (!CitationSource.IsAppRelative(path))
        {
            return Bad(text["The path must be the site's own path and query, starting with one /, at most {0} characters.", CitationSource.MaxPathLength]);
        }

        if (!CitationSource.IsTitle(title))
        {
            return Bad(text["Give the page's title as title= (at most {0} characters).", CitationSource.MaxTitleLength]);
        }

        DateOnly? updatedOn = null;
        if (updated is not null)
        {
            if (!DateOnly.TryParseExact(updated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Bad(text["Give updated= as a date, yyyy-MM-dd."]);
            }

            updatedOn = day;
        }

        if (version is not null && (version.Length is 0 or > 64 || !version.All(char.IsAsciiHexDigitLower)))
        {
            return Bad(text["Give version= as lowercase hex digits."]);
        }

        bool chinese;
        switch (lang)
        {
            case null:
                chinese = Localized.IsChinese;
                break;
            case "zh-CN" or "en":
                chinese = lang == "zh-CN";
                break;
            default:
                return Bad(text["Give lang=zh-CN or lang=en."]);
        }

        var data = version is not null && updatedOn is not null ? new CitedData(version, updatedOn.Value) : await source.DataAsync(null, cancellationToken);
        var citation = new Citation(chinese, title!.Trim(), urls.AbsoluteOrRelative(path!), data.Version, data.Updated, source.Today());
        var name = CitationFormats.BibKey(citation);
        return kind == "bibtex"
            ? Results.File(Encoding.UTF8.GetBytes(CitationFormats.BibTex(citation)), BibTexType + "; charset=utf-8", name + ".bib")
            : Results.File(Encoding.UTF8.GetBytes(CitationFormats.Ris(citation)), RisType + "; charset=utf-8", name + ".ris");
    }

    private static IResult Bad(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
