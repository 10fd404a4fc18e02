using System.Text.Json;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// A page in its own browser context that records what a reader would notice going wrong: console errors,
/// uncaught exceptions, and any request leaving the app's origin.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe-core", "axe.min.js")));

    private readonly IBrowserContext _context;
    private readonly string _origin;
    private readonly string _testName;
    private int _shots;

    private BrowserSession(IBrowserContext context, IPage page, string origin, string testName)
    {
        _context = context;
        Page = page;
        _origin = origin;
        _testName = testName;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add($"uncaught: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                ForeignRequests.Add(request.Url);
            }
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public List<string> ForeignRequests { get; } = [];

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context, string origin, string testName) =>
        new(context, await context.NewPageAsync(), origin, testName);

    /// <summary>Navigates and waits until the network is idle, so charts have drawn.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle })
            ?? throw new InvalidOperationException($"No response for {path}");
        return response;
    }

    /// <summary>Saves a full-page screenshot named after the test into the output folder's screenshots/.</summary>
    public async Task<string> ScreenshotAsync(string? name = null)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, $"{name ?? _testName}{(_shots++ == 0 ? string.Empty : "-" + _shots)}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>No console error, no uncaught exception, no request to another origin so far.</summary>
    public void AssertClean()
    {
        Assert.True(ConsoleErrors.Count == 0, "Console errors: " + string.Join(" | ", ConsoleErrors));
        Assert.True(ForeignRequests.Count == 0, "Requests to other origins: " + string.Join(" | ", ForeignRequests));
    }

    /// <summary>Runs axe-core (vendored) on the current page and returns the serious and critical violations.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        // Evaluated through the DevTools protocol, not as a page script, so the app's strict CSP stays in force.
        await Page.EvaluateAsync(AxeSource.Value);
        var json = await Page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); " +
            "return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' → ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')); }");
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
