namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>Who opens a page: anyone, a signed-in editor, or the admin.</summary>
public enum Visitor
{
    Anonymous,
    Editor,
    Admin,
}

/// <summary>A page of the app as the audits open it, with the number of charts it must draw.</summary>
public sealed record SitePage(string Path, Visitor Visitor = Visitor.Anonymous, int Charts = 0, bool Main = false)
{
    /// <summary>Pages that are not in every build yet (404 until they land); their tests skip while absent.</summary>
    public bool Optional => Path.StartsWith("/Explore", StringComparison.Ordinal);

    /// <summary>The path with <c>culture</c> added to its query.</summary>
    public string In(string culture) => $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}culture={culture}";

    /// <summary>A file-name friendly name, e.g. <c>analysis-clusters</c>.</summary>
    public string Slug => Path == "/" ? "overview" : new string([.. Path.Trim('/').ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');

    public override string ToString() => Path;
}

/// <summary>Every page of the app, for the audits that must cover them all.</summary>
public static class SitePages
{
    public static IReadOnlyList<SitePage> All { get; } =
    [
        new("/", Charts: 2, Main: true),
        new("/Rankings", Charts: 2, Main: true),
        new("/Cities/beijing", Charts: 3, Main: true),
        new("/Compare?a=beijing&b=shanghai", Charts: 3, Main: true),
        new("/Methodology", Main: true),
        new("/data", Main: true),
        new("/Explore", Main: true),
        new("/Analysis"),
        new("/Analysis/Clusters", Charts: 1),
        new("/Analysis/Groups", Charts: 1),
        new("/Analysis/Correlations"),
        // Not a main page, but its tables are wide: checked at 375 px too.
        new("/Analysis/Audit", Main: true),
        new("/Analysis/Regression?year=2016", Charts: 1),
        new("/Analysis/Report", Charts: 1, Main: true),
        new("/Analysis/Scenarios"),
        new("/Account/Login"),
        new("/Upload", Visitor.Editor),
        new("/Imports", Visitor.Editor),
        new("/Admin/Users", Visitor.Admin),
        // The embeds: no navigation leads to them (the embed control and the iframe snippet do). Stories frame them at
        // a phone's width, so they are checked at 375 px too.
        new("/Embed/Rankings", Main: true),
        new("/Embed/Cities/beijing", Main: true),
        new("/Embed/Compare?a=beijing&b=shanghai", Main: true),
        new("/Embed/Map", Charts: 1, Main: true),
    ];

    public static IReadOnlyList<string> Cultures { get; } = ["zh-CN", "en"];

    /// <summary>Every page in both languages.</summary>
    public static TheoryData<string, string> EveryPageInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in All)
        {
            foreach (var culture in Cultures)
            {
                data.Add(page.Path, culture);
            }
        }

        return data;
    }

    /// <summary>The main pages in both languages (checked again at 375 px).</summary>
    public static TheoryData<string, string> MainPagesInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in All.Where(p => p.Main))
        {
            foreach (var culture in Cultures)
            {
                data.Add(page.Path, culture);
            }
        }

        return data;
    }

    public static SitePage Get(string path) => All.Single(p => p.Path == path);

    /// <summary>Opens a session as the page's visitor; skips when the page is optional and absent in this build.</summary>
    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, SitePage page, string name, int width = 1280, int height = 900)
    {
        BrowserRequirement.EnsureAvailable();
        if (page.Optional)
        {
            var status = await browser.StatusOfAsync(page.Path);
            Skip.If(status == 404, $"{page.Path} is not in this build yet (404); this test runs once it lands.");
        }

        return page.Visitor switch
        {
            Visitor.Editor => await browser.OpenAsEditorAsync(name, width, height),
            Visitor.Admin => await browser.OpenAsAdminAsync(name, width, height),
            _ => await browser.OpenAsync(name, width, height),
        };
    }
}
