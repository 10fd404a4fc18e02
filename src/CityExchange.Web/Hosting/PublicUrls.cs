using Microsoft.Extensions.Options;

namespace CityExchange.Web.Hosting;

/// <summary>
/// Configuration section <c>Site</c>. <c>Site:PublicUrl</c> is the address readers reach the site root at
/// (<c>https://index.example.org</c>, or with a path prefix <c>https://example.org/cityexchange</c>): every absolute
/// URL the app writes (share images, citations, embed snippets, the URL drawn into images and workbooks) starts with
/// it, never with the request's <c>Host</c> header, which a client chooses.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    public string? PublicUrl { get; set; }
}

/// <summary>Absolute URLs from <c>Site:PublicUrl</c>; without it, none (callers write a relative URL or nothing).</summary>
public sealed class PublicUrls(IOptions<SiteOptions> options)
{
    private readonly string? _root = Root(options.Value.PublicUrl);

    /// <summary>The site root without a trailing slash, or null when <c>Site:PublicUrl</c> is not set.</summary>
    public string? Root() => _root;

    public bool IsConfigured => _root is not null;

    /// <summary>
    /// <paramref name="pathAndQuery"/> (app-relative, starting with <c>/</c>: <c>/Cities/beijing?year=2015</c>) as an
    /// absolute URL, or null when <c>Site:PublicUrl</c> is not set.
    /// </summary>
    public string? Absolute(string pathAndQuery) => _root is null ? null : _root + AppRelative(pathAndQuery);

    /// <summary>The absolute URL when one can be made, else the app-relative one.</summary>
    public string AbsoluteOrRelative(string pathAndQuery) => Absolute(pathAndQuery) ?? AppRelative(pathAndQuery);

    /// <summary>The request's own path and query, app-relative (without the path base, which the public URL includes).</summary>
    public static string PathAndQuery(HttpRequest request) => (request.Path.HasValue ? request.Path.Value! : "/") + request.QueryString.Value;

    /// <summary>The request's own address: absolute when configured, else app-relative.</summary>
    public string Of(HttpRequest request) => AbsoluteOrRelative(PathAndQuery(request));

    private static string AppRelative(string pathAndQuery) => pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery;

    /// <summary>Null for an empty setting; an error for anything but an absolute http(s) URL without query or fragment.</summary>
    internal static string? Root(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new OptionsValidationException(SiteOptions.Section, typeof(SiteOptions),
                [$"Site:PublicUrl must be an absolute http or https URL without query, fragment or user info; it is '{configured}'."]);
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}

public static class PublicUrlSetup
{
    /// <summary>Registers <see cref="PublicUrls"/>; an invalid <c>Site:PublicUrl</c> stops the app at start-up.</summary>
    public static IServiceCollection AddPublicUrls(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o =>
            {
                _ = PublicUrls.Root(o.PublicUrl);
                return true;
            })
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
        return services;
    }
}
