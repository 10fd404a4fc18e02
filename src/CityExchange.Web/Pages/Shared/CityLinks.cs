using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// Where a city's name leads: its profile, <c>/Cities/{code}</c>, in the year (and method) the reader is looking at;
/// the language travels in its cookie. Every city link is built here, so none can lose its code or its year again
/// (<c>asp-route-code</c> followed by <c>asp-all-route-data</c> did: the dictionary replaces the route values).
/// </summary>
public static class CityLinks
{
    public const string ProfilePage = "/Cities/Profile";

    /// <summary>
    /// The query of a year's pages: <c>year</c>, <c>method</c> unless it is the default (min–max), and
    /// <c>minCoverage</c> when a data-availability threshold is in use.
    /// </summary>
    public static Dictionary<string, string> YearRoute(int year, NormalisationMethod method = NormalisationMethod.MinMax, double minCoverage = 0)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["year"] = year.ToString(CultureInfo.InvariantCulture) };
        if (method != NormalisationMethod.MinMax)
        {
            route["method"] = method.Code();
        }

        if (CoverageParameter.Format(minCoverage) is { } coverage)
        {
            route["minCoverage"] = coverage;
        }

        return route;
    }

    /// <summary>The route of a city's profile in a year (and method, and coverage threshold).</summary>
    public static Dictionary<string, string> CityRoute(string code, int year, NormalisationMethod method = NormalisationMethod.MinMax, double minCoverage = 0)
    {
        var route = YearRoute(year, method, minCoverage);
        route["code"] = code;
        return route;
    }

    /// <summary>A link to the city's profile in the year, method and coverage threshold of the page, named in the reader's language.</summary>
    public static IHtmlContent CityLink(this IHtmlHelper html, City city, YearContext context) =>
        html.CityLink(city.Code, Localized.Name(city), context.Year, context.Method, context.MinCoverage);

    /// <summary>A link to the city's profile in <paramref name="year"/>, named in the reader's language.</summary>
    public static IHtmlContent CityLink(this IHtmlHelper html, City city, int year, NormalisationMethod method = NormalisationMethod.MinMax) =>
        html.CityLink(city.Code, Localized.Name(city), year, method);

    /// <summary>A link to the profile of the city <paramref name="code"/>, with the text <paramref name="name"/>.</summary>
    public static IHtmlContent CityLink(this IHtmlHelper html, string code, string name, int year, NormalisationMethod method = NormalisationMethod.MinMax, double minCoverage = 0)
    {
        ArgumentNullException.ThrowIfNull(html);
        var url = ProfileUrl(html, CityRoute(code, year, method, minCoverage));
        var link = new TagBuilder("a");
        link.Attributes["href"] = url;
        link.InnerHtml.Append(name);
        return link;
    }

    /// <summary>The URL of a city's profile for a route of <see cref="CityRoute"/> (or <see cref="YearContext.CityRoute"/>).</summary>
    public static string ProfileUrl(this IHtmlHelper html, IReadOnlyDictionary<string, string> route)
    {
        ArgumentNullException.ThrowIfNull(html);
        var urls = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(html.ViewContext);
        var values = new RouteValueDictionary();
        foreach (var (key, value) in route)
        {
            values[key] = value;
        }

        return urls.Page(ProfilePage, values)
            ?? throw new InvalidOperationException($"No URL for {ProfilePage} with {string.Join('&', route.Select(p => p.Key + "=" + p.Value))}.");
    }

    /// <summary>Items (links with their notes) joined as a running list in the reader's language: 北京、上海 or Beijing, Shanghai.</summary>
    public static IHtmlContent JoinList(IEnumerable<IHtmlContent> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new HtmlContentBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                list.Append(Pages.Analysis.AnalysisFormat.ListSeparator);
            }

            list.AppendHtml(item);
            first = false;
        }

        return list;
    }

    /// <summary>A city link followed by a note in plain text, e.g. "广州 3→2".</summary>
    public static IHtmlContent WithNote(this IHtmlContent link, string note) =>
        new HtmlContentBuilder().AppendHtml(link).Append(" " + note);
}
