using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Compare;
using CityExchange.Web.Pages.Rankings;
using CityExchange.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CityExchange.Web.Pages.Embed;

/// <summary>
/// What the embed layout writes under the one chart or table: the year, method, coverage threshold
/// (<paramref name="Coverage"/>, with the cities it left out) and demo flag of <paramref name="Context"/>, the data
/// source, and the link back to the full page showing the same state (<paramref name="FullPage"/>, app-relative with
/// its query and language).
/// </summary>
public sealed record EmbedSource(YearContext Context, string FullPage, CoverageNote Coverage)
{
    private const string Key = "EmbedSource";

    public void Store(ViewDataDictionary viewData) => viewData[Key] = this;

    public static EmbedSource? From(ViewDataDictionary viewData) => viewData[Key] as EmbedSource;
}

/// <summary>
/// The URLs of the embeds and of the full pages they come from. An embed takes the full page's own query (a
/// contract: <see cref="RankingsQuery"/>, <see cref="CityQuery"/>, <see cref="CompareQuery"/>), so each pair is
/// built here from one set of route values, with the reader's language added so that both open in it.
/// </summary>
public static class EmbedLinks
{
    public const string RankingsPath = "/Embed/Rankings";

    public const string ComparePath = "/Embed/Compare";

    public const string MapPath = "/Embed/Map";

    /// <summary>The rows an embedded ranking shows unless <c>n</c> says otherwise: the top ten of the page.</summary>
    public const int DefaultRankingRows = 10;

    public static string CityPath(string code) => "/Embed/Cities/" + Uri.EscapeDataString(code);

    public static string Rankings(RankingsQuery query) => With(RankingsPath, query.RouteValues());

    public static string FullRankings(RankingsQuery query) => With("/Rankings", query.RouteValues());

    public static string Map(RankingsQuery query) => With(MapPath, query.RouteValues());

    /// <summary>
    /// The rows of the map of a ranking (<see cref="MapModel.OnGetRowsAsync"/>), for a page whose map is too large to
    /// carry: the ranking's filters only (not its page or sort, which do not change the map), so pages share the entry.
    /// </summary>
    public static string MapRows(IReadOnlyDictionary<string, string> route) =>
        With(MapPath, route.Where(r => r.Key is not ("p" or "sort" or "dir" or "handler")).Append(KeyValuePair.Create("handler", "Rows")).ToDictionary());

    public static string City(string code, YearContext context) => With(CityPath(code), context.RouteValues());

    public static string FullCity(string code, YearContext context) => With("/Cities/" + Uri.EscapeDataString(code), context.RouteValues());

    public static string Compare(CompareQuery query) => With(ComparePath, query.RouteValues());

    public static string FullCompare(CompareQuery query) => With("/Compare", query.RouteValues());

    /// <summary><paramref name="path"/> with the route values and the current language (<c>culture</c>).</summary>
    public static string With(string path, IReadOnlyDictionary<string, string> route)
    {
        var values = route.Where(p => p.Key != "culture").Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))
            .Append(KeyValuePair.Create("culture", (string?)(Localized.IsChinese ? "zh-CN" : "en")));
        return path + QueryString.Create(values);
    }
}

/// <summary>What an embed shows; the embed control names each kind in the reader's language.</summary>
public enum EmbedKind
{
    Ranking,
    City,
    Compare,
    Map,
}

/// <summary>One embed a page offers: its kind, app-relative URL (state and language) and the <c>&lt;iframe&gt;</c>'s size.</summary>
public sealed record EmbedChoice(EmbedKind Kind, string Path, int Width, int Height)
{
    /// <summary>The <c>&lt;iframe&gt;</c> to paste, showing <paramref name="src"/> (absolute or relative) with the accessible name <paramref name="title"/>.</summary>
    public string Snippet(string src, string title) =>
        $"<iframe src=\"{EmbedControl.Attribute(src)}\" title=\"{EmbedControl.Attribute(title)}\" width=\"{Width}\" height=\"{Height}\" loading=\"lazy\"></iframe>";
}

/// <summary>
/// The "embed" control of a full page: the embeds it offers, the first chosen (the ranking page offers its table and
/// its map). The partial makes each URL absolute with <c>Site:PublicUrl</c> when it is set.
/// </summary>
public sealed record EmbedControl(IReadOnlyList<EmbedChoice> Choices)
{
    public static EmbedControl For(RankingsView view) =>
        new([new(EmbedKind.Ranking, EmbedLinks.Rankings(view.Query), 640, 560), new(EmbedKind.Map, EmbedLinks.Map(view.Query), 640, 640)]);

    public static EmbedControl For(CityProfileView view) =>
        new([new(EmbedKind.City, EmbedLinks.City(view.City.City.Code, view.Context), 480, 460)]);

    public static EmbedControl For(CompareView view) =>
        new([new(EmbedKind.Compare, EmbedLinks.Compare(new CompareQuery(view.A.City.Code, view.B.City.Code, view.Context.Year, view.Context.MethodParameter, view.Context.MinCoverageParameter)), 560, 480)]);

    /// <summary>A page title as plain text: a localised title with arguments is formatted only when written.</summary>
    public static string Text(object? title)
    {
        if (title is not Microsoft.AspNetCore.Html.IHtmlContent html)
        {
            return title?.ToString() ?? "";
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return System.Net.WebUtility.HtmlDecode(writer.ToString());
    }

    // Only what an attribute value needs: the snippet stays readable (Chinese and · as they are, not as entities).
    internal static string Attribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

/// <summary>A score (0–100) drawn as a bar, in its domain's colour (the accent colour for the overall score).</summary>
public sealed record ScoreBar(double Score, CityExchange.Core.Framework.Domain? Domain = null, bool Second = false)
{
    /// <summary>The bar's length in the 0–100 box; nothing for a missing score.</summary>
    public string Width => (double.IsNaN(Score) ? 0 : Math.Clamp(Score, 0, 100)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The domain's colour, or the overall one; the second city of a comparison in a lighter shade (<see cref="Second"/>).</summary>
    public string CssClass => (Domain is { } d ? "domain-" + CityExchange.Core.Framework.Domains.Code(d) : "overall") + (Second ? " second" : "");
}
