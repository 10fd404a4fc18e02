using CityExchange.Web.Hosting;
using CityExchange.Web.Pages.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace CityExchange.Web.Pages.Share;

/// <summary>The app-relative URLs of the share cards, for a page's <c>ViewData["ShareImage"]</c>.</summary>
public static class ShareLinks
{
    public const string SiteCard = "/card.png";

    public static string City(string code, YearContext context) =>
        QueryHelpers.AddQueryString($"/Cities/{Uri.EscapeDataString(code)}/card.png", context.RouteValues()!);

    public static string Compare(string a, string b, YearContext context) =>
        QueryHelpers.AddQueryString("/Compare/card.png", new Dictionary<string, string?>(context.RouteValues()!) { ["a"] = a, ["b"] = b });

    /// <summary>The card in the reader's language: its URL with <c>culture</c>, so a crawler gets the card of the page it read.</summary>
    public static string InCulture(string path) =>
        QueryHelpers.AddQueryString(path, "culture", Localized.IsChinese ? "zh-CN" : "en");
}
