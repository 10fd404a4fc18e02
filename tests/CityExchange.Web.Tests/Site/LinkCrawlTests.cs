using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CityExchange.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CityExchange.Web.Tests.Site;

/// <summary>
/// A reader who only clicks: from the overview, every internal <c>&lt;a href&gt;</c> is followed breadth-first (the
/// header's navigation and the footer included), as one visitor whose language cookie is kept. Each page must answer,
/// stay in the visitor's language and hold no link without a target; a ranking page must link every ranked row to the
/// city's profile in the year it shows.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class LinkCrawlTests(CityExchangeFactory factory)
{
    /// <summary>Enough to reach every kind of page (and every city of the default year) from the overview.</summary>
    private const int MaxPages = 300;

    private static readonly HtmlParser Parser = new();

    /// <summary>For reading the path and query of a page-relative link.</summary>
    private static readonly Uri Root = new("http://localhost");

    [Theory]
    [InlineData("/", "zh-CN")]
    [InlineData("/?culture=en", "en")]
    public async Task FollowingEveryLinkFromTheOverview_ReachesOnlyWorkingPagesInTheReadersLanguage(string start, string language)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var crawl = await CrawlAsync(client, start, language);

        Assert.True(crawl.Problems.Count == 0, $"{crawl.Problems.Count} problems in {crawl.Visited.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, crawl.Problems.Take(40))}");
        // The crawl really went through the site: every main page and city profiles of the default year.
        foreach (var path in new[] { "/", "/Rankings", "/Compare", "/Analysis", "/Analysis/Clusters", "/Analysis/Report", "/Explore", "/Methodology", "/data", "/Account/Login" })
        {
            Assert.Contains(path, crawl.Visited.Select(PathOf));
        }

        Assert.True(crawl.Visited.Count(u => PathOf(u).StartsWith("/Cities/", StringComparison.Ordinal)) >= 46, "Every city of the default year is reached.");
    }

    [Fact]
    public async Task FollowingEveryLinkSignedInAsAdmin_ReachesTheEditorsPagesToo()
    {
        using var session = await BrowserSession.SignInAsAdminAsync(factory);
        var crawl = await CrawlAsync(session.Client, "/?culture=en", "en", maxPages: 60);

        Assert.True(crawl.Problems.Count == 0, $"{crawl.Problems.Count} problems in {crawl.Visited.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, crawl.Problems.Take(40))}");
        Assert.Contains("/Upload", crawl.Visited.Select(PathOf));
        Assert.Contains("/Imports", crawl.Visited.Select(PathOf));
    }

    private sealed record Crawl(List<string> Visited, List<string> Problems);

    private async Task<Crawl> CrawlAsync(HttpClient client, string start, string language, int maxPages = MaxPages)
    {
        var visited = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<(string Url, string From)>([(start, "(start)")]);
        var problems = new List<string>();
        while (queue.Count > 0 && visited.Count < maxPages)
        {
            var (url, from) = queue.Dequeue();
            visited.Add(url);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if ((int)response.StatusCode >= 400)
            {
                problems.Add($"{url} (linked from {from}) answers {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            // A redirect (e.g. /Compare by name → by code) is followed; links resolve against where it landed.
            var landed = response.RequestMessage!.RequestUri!;
            var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            if (document.DocumentElement.GetAttribute("lang") != language)
            {
                problems.Add($"{url} (linked from {from}) is in '{document.DocumentElement.GetAttribute("lang")}', not {language}");
            }

            problems.AddRange(RankingProblems(url, document));
            foreach (var anchor in document.QuerySelectorAll("a"))
            {
                var href = anchor.GetAttribute("href");
                if (string.IsNullOrWhiteSpace(href))
                {
                    problems.Add($"{url}: <a> \"{anchor.TextContent.Trim()}\" has {(href is null ? "no" : "an empty")} href");
                    continue;
                }

                if (href.StartsWith('#'))
                {
                    continue;
                }

                var target = new Uri(landed, href);
                if (target.Host != landed.Host)
                {
                    continue;
                }

                var next = target.PathAndQuery;
                if (QueryHelpers.ParseQuery(target.Query).ContainsKey("culture"))
                {
                    // The language switch: checked on its own, so the crawl keeps the reader's language.
                    if (seen.Add(next))
                    {
                        problems.AddRange(await LanguageSwitchProblemsAsync(next, url));
                    }
                }
                else if (seen.Add(next))
                {
                    queue.Enqueue((next, url));
                }
            }
        }

        return new Crawl(visited, problems);
    }

    /// <summary>
    /// On the overview, /Rankings and /Explore: each row of a ranking table links to the profile of its city
    /// (<c>data-city</c> when the row has it) in the year the page shows.
    /// </summary>
    private static IEnumerable<string> RankingProblems(string url, IDocument document)
    {
        var path = PathOf(url);
        if (path is not ("/" or "/Rankings" or "/Explore"))
        {
            yield break;
        }

        var rows = document.QuerySelectorAll("table.ranking tbody tr");
        if (rows.Length == 0 && document.QuerySelector("table.ranking") is null)
        {
            yield break;
        }

        var links = document.QuerySelectorAll("table.ranking tbody tr a[href^='/Cities/']");
        if (links.Length < rows.Length)
        {
            yield return $"{url}: {rows.Length} ranked rows but {links.Length} links to a city profile";
        }

        var year = QueryHelpers.ParseQuery(new Uri(Root, url).Query).TryGetValue("year", out var y) ? y.ToString() : null;
        var years = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var link = row.QuerySelector("a[href^='/Cities/']");
            if (link is null)
            {
                continue;
            }

            var target = new Uri(Root, link.GetAttribute("href"));
            if (row.GetAttribute("data-city") is { } code && target.AbsolutePath != $"/Cities/{code}")
            {
                yield return $"{url}: the row of {code} links to {target.PathAndQuery}";
            }

            var linkYear = QueryHelpers.ParseQuery(target.Query).TryGetValue("year", out var ly) ? ly.ToString() : "(none)";
            years.Add(linkYear);
            if (year is not null && linkYear != year)
            {
                yield return $"{url}: {target.PathAndQuery} does not keep the year {year}";
            }
        }

        if (years.Count > 1 || years.Contains("(none)"))
        {
            yield return $"{url}: the city links do not all carry the year shown ({string.Join(", ", years)})";
        }
    }

    /// <summary>A language-switch link, opened by a reader of its own so that the crawling reader keeps their language.</summary>
    private async Task<IEnumerable<string>> LanguageSwitchProblemsAsync(string url, string from)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if ((int)response.StatusCode >= 400)
        {
            return [$"{url} (language switch on {from}) answers {(int)response.StatusCode}"];
        }

        var wanted = QueryHelpers.ParseQuery(new Uri(Root, url).Query)["culture"].ToString();
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var lang = document.DocumentElement.GetAttribute("lang");
        return lang == wanted ? [] : [$"{url} (language switch on {from}) is in '{lang}', not {wanted}"];
    }

    private static string PathOf(string url) => url.Split('?')[0];
}
