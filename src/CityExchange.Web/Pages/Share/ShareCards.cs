using System.Globalization;
using CityExchange.Core.Framework;
using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Cities;
using CityExchange.Web.Pages.Compare;
using CityExchange.Web.Pages.Shared;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Share;

/// <summary>
/// The share cards' content: a city's, a comparison's and the site's, from the same handlers as their pages (so a card
/// says what its page says). Null when the page would be a 404. In the reader's language when a CJK font is installed;
/// else in English (<see cref="ShareFonts"/>).
/// </summary>
public sealed class ShareCards(CityProfileHandler cities, CompareHandler compare, PageYears years, ShareFonts fonts, IStringLocalizer<ShareText> text)
{
    /// <summary>The Okabe–Ito colours of the four domains, in <see cref="Domains.All"/> order (social, culture, trade, politics).</summary>
    public static readonly IReadOnlyList<string> DomainColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"];

    /// <summary>How many leading cities the site card lists.</summary>
    public const int SiteTop = 3;

    public async Task<ShareCard?> CityAsync(string code, CityQuery query, CancellationToken cancellationToken)
    {
        if (await cities.HandleAsync(code, query, cancellationToken) is not { } view)
        {
            return null;
        }

        return InCardLanguage(() =>
        {
            var city = view.City;
            return new ShareCard(
                SiteName(),
                Localized.Name(city.City),
                $"{Year(view.Context)} · {Method(view.Context)}",
                [new ShareCardColumn(Localized.Name(city.City), Stats(city, view.CityCount), Bars(city))],
                DemoFlag(view.Context),
                Footer(),
                Localized.IsChinese);
        });
    }

    public async Task<ShareCard?> CompareAsync(CompareQuery query, CancellationToken cancellationToken)
    {
        var page = await compare.HandleAsync(query, cancellationToken);
        // Names instead of codes (or a side left out): the comparison of the canonical URL, as the page redirects to it.
        if (page?.Canonical is { } canonical)
        {
            page = await compare.HandleAsync(canonical, cancellationToken);
        }

        if (page?.Comparison is not { } view)
        {
            return null;
        }

        return InCardLanguage(() => new ShareCard(
            SiteName(),
            text["{0} and {1}", Localized.Name(view.A.City), Localized.Name(view.B.City)],
            $"{Year(view.Context)} · {Method(view.Context)}",
            [
                new ShareCardColumn(Localized.Name(view.A.City), Stats(view.A, view.CityCount), Bars(view.A)),
                new ShareCardColumn(Localized.Name(view.B.City), Stats(view.B, view.CityCount), Bars(view.B)),
            ],
            DemoFlag(view.Context),
            Footer(),
            Localized.IsChinese));
    }

    /// <summary>The site's card: the index's name, the year the overview shows and its top three.</summary>
    public async Task<ShareCard?> SiteAsync(CancellationToken cancellationToken)
    {
        if (await years.LoadAsync(null, null, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (context, scores) = loaded;
        // A year of fewer cities than the card has room for shows them all, and says how many it shows.
        var top = scores.ByRank().Take(SiteTop).ToList();
        return InCardLanguage(() => new ShareCard(
            text["Rankings, city profiles and comparisons"],
            text["City International Exchange Vitality Index"],
            text["{0}: the top {1} of {2} cities", Year(context), top.Count, scores.Cities.Count],
            [
                .. top.Select(i => new ShareCardColumn(
                    text["{0}. {1}", scores.Sheet.OverallRanks[i], Localized.Name(scores.Cities[i])],
                    text["Overall score {0}", Localized.Score(scores.Sheet.Overall[i])],
                    [])),
            ],
            DemoFlag(context),
            Footer(),
            Localized.IsChinese));
    }

    /// <summary>
    /// Builds the card in the reader's language, or in English when Chinese cannot be drawn (the culture is switched for
    /// the build only: the names, numbers and strings all follow it).
    /// </summary>
    private ShareCard InCardLanguage(Func<ShareCard> build)
    {
        if (!Localized.IsChinese || fonts.HasCjk)
        {
            return build();
        }

        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private string SiteName() => text["City International Exchange Vitality Index"];

    private string Footer() => text["Source: Shanghai Institutes for International Studies, City International Exchange Vitality Index"];

    private string Stats(CitySnapshot city, int cityCount) =>
        text["Rank {0} of {1} · overall score {2}", city.HeadlineRank, cityCount, Localized.Score(city.Score)];

    private static IReadOnlyList<ShareCardBar> Bars(CitySnapshot city) =>
        [.. Domains.All.Select(d => city.Domain(d)).Select(d => new ShareCardBar(Localized.Name(d.Domain), d.Score, Localized.Score(d.Score), DomainColours[(int)d.Domain]))];

    private static string Year(YearContext context) => context.Year.ToString(CultureInfo.InvariantCulture);

    private string Method(YearContext context) => context.MethodCode switch
    {
        "published" => text["scores as published"],
        "rank" => text["rank scores"],
        _ => text["min–max scores"],
    };

    private string? DemoFlag(YearContext context) => context.IsDemo ? text["Demo data (synthetic)"].Value : null;
}
