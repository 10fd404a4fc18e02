using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CityExchange.Core.Citations;
using CityExchange.Web.Hosting;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Pages.Cite;

/// <summary>The data a citation states: the version (hex digits) and the day that data last changed.</summary>
public sealed record CitedData(string Version, DateOnly Updated);

/// <summary>
/// Builds the <see cref="Citation"/> of a page. The data version is the first 12 hex digits of the SHA-256 of the
/// page's <see cref="DataStamp"/> — exactly what the output cache keys a page by besides its URL and culture — so a
/// cached page never states a version other than the one it shows; the update date is the latest change among the
/// years that stamp holds. The access date is today in China (UTC+8, no daylight saving) from <see cref="TimeProvider"/>;
/// a cached page may have been rendered on an earlier day, so the page's script writes today's date over it.
/// </summary>
public sealed class CitationSource(DataStamp stamp, CityExchangeDbContext db, PublicUrls urls, TimeProvider clock, IServiceProvider services)
{
    /// <summary>Longest app-relative path and query accepted for a download (a page's own address is far shorter).</summary>
    public const int MaxPathLength = 1000;

    public const int MaxTitleLength = 200;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);

    /// <summary>The citation of the page being rendered, titled <paramref name="title"/>.</summary>
    public async Task<CiteView> ForPageAsync(HttpContext context, string title, CancellationToken cancellationToken = default)
    {
        var path = PathOf(context.Request, Localized.IsChinese);
        var data = await DataAsync(await stamp.GetAsync(context, cancellationToken), cancellationToken);
        return View(new Citation(Localized.IsChinese, title, urls.AbsoluteOrRelative(path), data.Version, data.Updated, Today()), path);
    }

    /// <summary>The version and update date of the data a stamp names (<see cref="DataStamp"/>'s every-year stamp when the caller gives none).</summary>
    public async Task<CitedData> DataAsync(string? pageStamp, CancellationToken cancellationToken = default)
    {
        pageStamp ??= await stamp.GetAsync(services, cancellationToken);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pageStamp)))[..12];
        var years = await db.Set<DataYear>().AsNoTracking().Select(y => new { y.Version, y.UpdatedAt }).ToListAsync(cancellationToken);
        // The years the stamp holds are those whose version it names; without any (an empty store), the day itself.
        var updated = years.Where(y => pageStamp.Contains(y.Version.ToString("N"), StringComparison.Ordinal))
            .Select(y => (DateTime?)DateTime.SpecifyKind(y.UpdatedAt, DateTimeKind.Utc)).Max();
        return new CitedData(version, updated is { } at ? DateOnly.FromDateTime(new DateTimeOffset(at).ToOffset(China).DateTime) : Today());
    }

    /// <summary>
    /// The view of a citation; its download form carries what the page states (path, title, data version, update date,
    /// language), so the file says what the page said. A form, not links: the downloads are not pages to crawl.
    /// </summary>
    public CiteView View(Citation citation, string path) => new(
        citation, urls.IsConfigured, CitationFormats.GbT7714(citation), CitationFormats.Apa(citation),
        [
            new("path", path),
            new("title", citation.Title),
            new("version", citation.DataVersion),
            new("updated", citation.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("lang", citation.LanguageTag),
        ]);

    /// <summary>
    /// The page's own path and query (app-relative, as <see cref="PublicUrls"/> takes it); an English reader whose
    /// address names no culture gets <c>culture=en</c> added, so the address cited opens the page as cited.
    /// </summary>
    public static string PathOf(HttpRequest request, bool chinese)
    {
        var path = PublicUrls.PathAndQuery(request);
        return chinese || request.Query.ContainsKey("culture") ? path : path + (request.QueryString.HasValue ? "&" : "?") + "culture=en";
    }

    /// <summary>
    /// Null when <paramref name="path"/> is an app-relative path and query: one leading <c>/</c>, no scheme or host
    /// (<c>//evil.example</c>, <c>/\evil</c>, <c>https://…</c>), no fragment, no control characters or spaces, at most
    /// <see cref="MaxPathLength"/> characters; else what is wrong.
    /// </summary>
    public static bool IsAppRelative(string? path) =>
        path is { Length: > 0 and <= MaxPathLength }
        && path[0] == '/'
        && (path.Length == 1 || path[1] is not ('/' or '\\'))
        && !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '#')
        && Uri.TryCreate(path, UriKind.Relative, out _);

    public static bool IsTitle(string? title) =>
        title is { Length: > 0 and <= MaxTitleLength } && !title.Any(char.IsControl) && title.Trim().Length > 0;
}

/// <summary>The "Cite this page" block: the citation, whether its URL is absolute, two formatted entries, the download form's fields.</summary>
public sealed record CiteView(Citation Citation, bool IsAbsolute, CitationText GbT7714, CitationText Apa, IReadOnlyList<KeyValuePair<string, string>> DownloadFields);
