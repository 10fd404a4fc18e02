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

    /// <summary>Navigates and waits for the load event: page modules have run by then, and charts draw without animation.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {path}");
        return response;
    }

    /// <summary>
    /// Saves a screenshot named after the test into the output folder's screenshots/: the viewport, or the whole page
    /// when <paramref name="fullPage"/> (slower: long pages make large images).
    /// </summary>
    public async Task<string> ScreenshotAsync(string? name = null, bool fullPage = false)
    {
        var file = Path.Combine(ScreenshotFolder, $"{name ?? _testName}{(_shots++ == 0 ? string.Empty : "-" + _shots)}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        return file;
    }

    /// <summary>Signs in on /Account/Login and waits until the app has sent the browser on.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/Account/Login");
        await Page.FillAsync("#Input_Email", email);
        await Page.FillAsync("#Input_Password", password);
        await Page.ClickAsync("form.account-form button[type=submit]");
        await Page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Every canvas of the page that is rendered: its size and whether Chart.js drew a chart on it.</summary>
    public async Task<IReadOnlyList<CanvasState>> CanvasesAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('canvas')].filter(c => c.checkVisibility()).map(c => ({ " +
            "id: c.id, width: c.width, height: c.height, " +
            "chart: !!(window.Chart && window.Chart.getChart(c)), " +
            "points: window.Chart && window.Chart.getChart(c) ? window.Chart.getChart(c).data.datasets.reduce((n, d) => n + d.data.length, 0) : 0, " +
            "ready: c.dataset.chartReady === 'true' }))");
        return [.. json.EnumerateArray().Select(c => new CanvasState(
            c.GetProperty("id").GetString()!, c.GetProperty("width").GetInt32(), c.GetProperty("height").GetInt32(),
            c.GetProperty("chart").GetBoolean(), c.GetProperty("points").GetInt32(), c.GetProperty("ready").GetBoolean()))];
    }

    /// <summary>
    /// Brings every rendered canvas into view, as a reader scrolling down would (pages draw a chart when it comes near
    /// the viewport), waits until each holds a drawn chart — or 15 s, leaving the assertions to say which did not —
    /// and scrolls back to the top.
    /// </summary>
    public async Task ScrollToEveryChartAsync()
    {
        await Page.EvaluateAsync(
            "async () => { for (const c of [...document.querySelectorAll('canvas')].filter(c => c.checkVisibility())) { " +
            "c.scrollIntoView({ block: 'center' }); await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); } }");
        try
        {
            await Page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('canvas')].filter(c => c.checkVisibility()).every(c => c.dataset.chartReady === 'true')",
                null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // The caller's assertions name the canvas that has no chart.
        }

        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
    }

    /// <summary>Asserts that the page shows at least <paramref name="minimum"/> charts and that every rendered canvas holds a drawn Chart.js chart with data.</summary>
    public async Task AssertChartsDrawnAsync(int minimum = 1)
    {
        await ScrollToEveryChartAsync();
        var canvases = await CanvasesAsync();
        Assert.True(canvases.Count >= minimum, $"Expected at least {minimum} chart(s), found {canvases.Count} on {Page.Url}");
        foreach (var canvas in canvases)
        {
            Assert.True(canvas.Width > 0 && canvas.Height > 0, $"Canvas {canvas.Id} has no size ({canvas.Width}×{canvas.Height}) on {Page.Url}");
            Assert.True(canvas.HasChart && canvas.Ready, $"Canvas {canvas.Id} has no Chart.js chart on {Page.Url}");
            Assert.True(canvas.DataPoints > 0, $"Chart {canvas.Id} has no data on {Page.Url}");
        }
    }

    /// <summary>The JSON of a <c>&lt;script type="application/json"&gt;</c> block.</summary>
    public async Task<JsonElement> JsonBlockAsync(string id)
    {
        var text = await Page.Locator($"script#{id}[type='application/json']").TextContentAsync()
            ?? throw new InvalidOperationException($"No JSON block #{id}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The trimmed inner text of every element matching the selector, in document order.</summary>
    public async Task<IReadOnlyList<string>> TextsAsync(string selector) =>
        [.. (await Page.Locator(selector).AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>
    /// The text a reader meets on the page in the page's own language: every text node (visually hidden ones too) and
    /// the title, aria-label, placeholder, alt and value of buttons — but not what sits in an element marked with
    /// another <c>lang</c> (a city's name in the other language, the language switch), nor scripts, styles and literal
    /// data (<c>code</c>, <c>kbd</c>, <c>samp</c>, <c>pre</c>, and <c>bdi</c> around user-supplied names).
    /// </summary>
    public async Task<IReadOnlyList<string>> TextInPageLanguageAsync() =>
        await Page.EvaluateAsync<string[]>(
            """
            () => {
              const pageLang = document.documentElement.lang;
              // Scripts, and literal data in any language: code, sample output, user-supplied names (file names in <bdi>).
              const literal = 'script, style, template, code, kbd, samp, pre, bdi';
              const own = (el) => { const tagged = el.closest('[lang]'); return !tagged || tagged.lang === pageLang; };
              const out = [document.title];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement;
                if (!parent || parent.closest(literal) || !own(parent)) continue;
                const text = node.textContent.trim();
                if (text) out.push(text);
              }
              for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt], input[type=submit], input[type=button]')) {
                if (!own(el) || el.closest(literal)) continue;
                for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
                  const value = el.getAttribute(name);
                  if (value && value.trim()) out.push(value.trim());
                }
                if (el.matches('input[type=submit], input[type=button]') && el.value) out.push(el.value);
              }
              return out;
            }
            """);

    /// <summary>Asserts that the page needs no sideways scrolling at the current viewport width (tables scroll in their own box).</summary>
    public async Task AssertFitsViewportWidthAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, viewport) = (widths[0], widths[1]);
        if (scroll > viewport)
        {
            // Name the outermost elements that stick out, to say what to fix.
            var culprits = await Page.EvaluateAsync<string[]>(
                """
                () => [...document.body.querySelectorAll('*')]
                  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                    && (!el.parentElement.closest('.table-wrap, figure, .chart-box') || ['absolute', 'fixed'].includes(getComputedStyle(el).position)))
                  .filter((el, _, all) => !all.includes(el.parentElement))
                  .slice(0, 5)
                  .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`)
                """);
            Assert.Fail($"{Page.Url} is {scroll} px wide at a {viewport} px viewport: {string.Join(", ", culprits)}");
        }
    }

    /// <summary>No console error, no uncaught exception, no request to another origin so far.</summary>
    public void AssertClean()
    {
        Assert.True(ConsoleErrors.Count == 0, "Console errors: " + string.Join(" | ", ConsoleErrors));
        Assert.True(ForeignRequests.Count == 0, "Requests to other origins: " + string.Join(" | ", ForeignRequests));
    }

    /// <summary>
    /// Runs axe-core (vendored) on the current page — all its rules, or only <paramref name="rules"/> — and returns the
    /// serious and critical violations.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IReadOnlyList<string>? rules = null)
    {
        // Evaluated through the DevTools protocol, not as a page script, so the app's strict CSP stays in force.
        await Page.EvaluateAsync(AxeSource.Value);
        var json = await Page.EvaluateAsync<JsonElement>(
            "async (rules) => { const options = { resultTypes: ['violations'] }; " +
            "if (rules) options.runOnly = { type: 'rule', values: rules }; " +
            "const r = await axe.run(document, options); " +
            "return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' → ' + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']').join(' | ')); }",
            rules);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>Asserts that axe-core finds no serious or critical violation, listing each with the elements concerned.</summary>
    public async Task AssertNoSeriousAccessibilityViolationAsync(IReadOnlyList<string>? rules = null)
    {
        var violations = await SeriousAccessibilityViolationsAsync(rules);
        Assert.True(violations.Count == 0, $"axe-core on {Page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

/// <summary>A canvas as the page renders it: its pixel size, and whether a Chart.js chart with data points is drawn on it.</summary>
public sealed record CanvasState(string Id, int Width, int Height, bool HasChart, int DataPoints, bool Ready);
