using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>One live app and one headless Chromium for the whole suite, started only when Chromium is there.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LiveApp? _app;

    public LiveApp App => _app ?? throw new InvalidOperationException("The app was not started (no browser).");

    public async Task InitializeAsync()
    {
        if (BrowserRequirement.ExecutablePath is not { } chromium)
        {
            return;
        }

        _app = new LiveApp();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root in a sandbox without network: no sandbox, and no background traffic to Google's hosts.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>Opens a fresh browser context on the live app; skips (or fails under CITYEX_REQUIRE_BROWSER=1) without Chromium.</summary>
    public async Task<BrowserSession> OpenAsync(string testName, int width = 1280, int height = 900, string locale = "zh-CN")
    {
        BrowserRequirement.EnsureAvailable();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        return await BrowserSession.StartAsync(context, App.BaseUrl, testName);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
