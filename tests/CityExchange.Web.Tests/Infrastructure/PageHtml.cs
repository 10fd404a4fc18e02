using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CityExchange.Web.Tests.Infrastructure;

/// <summary>Helpers for reading the dashboard pages: fetching in a language, and picking rows and cells out of the HTML.</summary>
internal static class PageHtml
{
    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(CityExchangeFactory factory, string url, string culture)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await factory.CreateClient().GetAsync(new Uri($"{url}{separator}culture={culture}", UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<string> GetOkAsync(CityExchangeFactory factory, string url, string culture)
    {
        var (status, html) = await GetAsync(factory, url, culture);
        Assert.Equal(HttpStatusCode.OK, status);
        return html;
    }

    /// <summary>The city codes of the ranking table's rows (every <c>tr[data-city]</c>), in order.</summary>
    public static List<string> RankingRows(string html) =>
        [.. Dom.Parse(html).QuerySelectorAll("tr[data-city]").Select(r => r.GetAttribute("data-city")!)];

    /// <summary>The inner HTML of the ranking row of <paramref name="city"/> (decoded, as <see cref="GetAsync"/> returns pages).</summary>
    public static string RankingRowOf(string html, string city) => InnerOf(html, "tr[data-city]", "data-city", city);

    /// <summary>The inner HTML of the table row of an indicator (compare page).</summary>
    public static string IndicatorRowOf(string html, string indicator) => InnerOf(html, "tr[data-indicator]", "data-indicator", indicator);

    /// <summary>The inner HTML of the first cell with the given class in a row (whatever other attributes it has, e.g. data-label).</summary>
    public static string Cell(string row, string cssClass) =>
        WebUtility.HtmlDecode(Dom.ParseRow(row).QuerySelectorAll("td").FirstOrDefault(td => td.ClassList.Contains(cssClass))?.InnerHtml ?? "").Trim();

    /// <summary>The section labelled by the heading with the given id.</summary>
    public static string Section(string html, string headingId) =>
        WebUtility.HtmlDecode(Dom.Parse(html).QuerySelectorAll("section").FirstOrDefault(s => s.GetAttribute("aria-labelledby") == headingId)?.OuterHtml ?? "");

    private static string InnerOf(string html, string selector, string attribute, string value) =>
        WebUtility.HtmlDecode(Dom.Parse(html).QuerySelectorAll(selector).FirstOrDefault(e => e.GetAttribute(attribute) == value)?.InnerHtml ?? "");

    public static async Task<List<JsonElement>> ApiCitiesAsync(CityExchangeFactory factory, int year, string method = "minmax")
    {
        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/rankings/{year}?method={method}");
        return [.. ranking.GetProperty("cities").EnumerateArray()];
    }

    public static string Code(this JsonElement city) => city.GetProperty("code").GetString()!;

    public static int Rank(this JsonElement city) => city.GetProperty("rank").GetInt32();

    public static double DomainScore(this JsonElement city, string domain) =>
        city.GetProperty("domains").GetProperty(domain).GetProperty("score").GetDouble();

    public static int DomainRank(this JsonElement city, string domain) =>
        city.GetProperty("domains").GetProperty(domain).GetProperty("rank").GetInt32();

    /// <summary>The bundled demo file of a year: indicator code → city code → value (missing cells left out).</summary>
    public static Dictionary<string, Dictionary<string, double>> DemoValues(int year)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "demo", $"indicators_{year}.csv"));
        var header = lines[0].Split(',');
        var values = header.Skip(2).ToDictionary(h => h, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            for (var k = 2; k < header.Length; k++)
            {
                if (double.TryParse(cells[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    values[header[k]][cells[0]] = v;
                }
            }
        }

        return values;
    }

    /// <summary>A raw value as the pages print it in <paramref name="culture"/>.</summary>
    public static string Value(double value, string culture) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo(culture));
}
