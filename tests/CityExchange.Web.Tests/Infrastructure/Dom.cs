using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>HTML read as a browser reads it (AngleSharp): elements found by selector, whatever their attribute order.</summary>
internal static class Dom
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>A table row's cells parsed on their own (a row's inner HTML, as the page helpers return it).</summary>
    public static IDocument ParseRow(string rowInnerHtml) => Parser.ParseDocument($"<table><tbody><tr>{rowInnerHtml}</tr></tbody></table>");

    /// <summary>The value of the first input named <paramref name="name"/>; null when the page has none.</summary>
    public static string? InputValue(string html, string name) =>
        Parse(html).QuerySelectorAll("input").FirstOrDefault(i => i.GetAttribute("name") == name)?.GetAttribute("value");
}
