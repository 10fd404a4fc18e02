using System.Net.Http.Json;
using System.Text.Json;
using CityExchange.Web.Pages.Account;
using CityExchange.Web.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>One live app and one headless Chromium per test collection, started only when Chromium is there.</summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string EditorEmail = "editor@e2e.test";
    public const string EditorPassword = "E2e-Editor-Passw0rd!";

    private readonly SemaphoreSlim _accountLock = new(1, 1);
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private LiveApp? _app;
    private HttpClient? _api;

    /// <summary>The live app; skips the calling test (or fails it under CITYEX_REQUIRE_BROWSER=1) without Chromium.</summary>
    public LiveApp App => Started(_app);

    /// <summary>A plain HTTP client on the live app, for reading the API the pages are checked against.</summary>
    public HttpClient Api => Started(_api);

    public async Task InitializeAsync()
    {
        if (BrowserRequirement.ExecutablePath is not { } chromium)
        {
            return;
        }

        _app = new LiveApp();
        _api = new HttpClient { BaseAddress = new Uri(_app.BaseUrl + "/") };
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

    private static T Started<T>(T? part)
        where T : class
    {
        BrowserRequirement.EnsureAvailable();
        return part ?? throw new InvalidOperationException("The app was not started.");
    }

    /// <summary>Opens a fresh browser context on the live app; skips (or fails under CITYEX_REQUIRE_BROWSER=1) without Chromium.</summary>
    public Task<BrowserSession> OpenAsync(string testName, int width = 1280, int height = 900, string locale = "zh-CN") =>
        OpenAsync(testName, width, height, locale, storageState: null);

    /// <summary>Opens a session signed in as the editor account (created once, directly through the app's services).</summary>
    public async Task<BrowserSession> OpenAsEditorAsync(string testName, int width = 1280, int height = 900)
    {
        BrowserRequirement.EnsureAvailable();
        return await OpenAsync(testName, width, height, "zh-CN", await SignedInStateAsync(EditorEmail, EditorPassword, createEditor: true));
    }

    /// <summary>Opens a session signed in as the admin of <see cref="LiveApp.AdminEmail"/>.</summary>
    public async Task<BrowserSession> OpenAsAdminAsync(string testName, int width = 1280, int height = 900)
    {
        BrowserRequirement.EnsureAvailable();
        return await OpenAsync(testName, width, height, "zh-CN", await SignedInStateAsync(LiveApp.AdminEmail, LiveApp.AdminPassword, createEditor: false));
    }

    /// <summary>
    /// Opens a browser context on another live app (a test that needs data of its own, e.g. a year of 600 cities, which
    /// would show in the shared app's histories and year lists).
    /// </summary>
    public Task<BrowserSession> OpenOnAsync(LiveApp app, string testName, int width = 1280, int height = 900, string locale = "zh-CN") =>
        OpenAsync(testName, width, height, locale, storageState: null, app.BaseUrl);

    private async Task<BrowserSession> OpenAsync(string testName, int width, int height, string locale, string? storageState, string? baseUrl = null)
    {
        BrowserRequirement.EnsureAvailable();
        baseUrl ??= App.BaseUrl;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            // Charts skip their animation (the pages honour the preference), so what is checked and shot is final.
            ReducedMotion = ReducedMotion.Reduce,
            StorageState = storageState,
        });
        return await BrowserSession.StartAsync(context, baseUrl, testName);
    }

    /// <summary>
    /// The cookies of a session signed in through /Account/Login, made once per account and handed to each new
    /// context, so tests start signed in without paying for a sign-in each.
    /// </summary>
    private async Task<string> SignedInStateAsync(string email, string password, bool createEditor)
    {
        await _accountLock.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(email, out var state))
            {
                return state;
            }

            if (createEditor)
            {
                await using var scope = App.Services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateEditorAsync(email, password);
                Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            }

            await using var session = await OpenAsync($"sign-in-{email}", 1280, 900, "zh-CN", storageState: null);
            await session.SignInAsync(email, password);
            state = await session.Page.Context.StorageStateAsync();
            _signedIn[email] = state;
            return state;
        }
        finally
        {
            _accountLock.Release();
        }
    }

    /// <summary>GET on the JSON API of the live app.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path.TrimStart('/'));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Stores a year's values through the write API (bearer token) and returns the import's id.</summary>
    public async Task<long> PutIndicatorsAsync(int year, IndicatorFile file, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/years/{year}/indicators") { Content = file.ToContent() };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", LiveApp.ApiToken);
        request.Headers.Add("X-File-Name", fileName);
        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {year}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("importId").GetInt64();
    }

    /// <summary>The HTTP status of a plain GET, e.g. to find out whether a page exists in this build.</summary>
    public async Task<int> StatusOfAsync(string path)
    {
        using var response = await Api.GetAsync(path.TrimStart('/'));
        return (int)response.StatusCode;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _api?.Dispose();
        _accountLock.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}

/// <summary>The user flows: one app and one browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The page audits, with another app and browser, so that xunit runs them beside the flows (one collection per core
/// on a two-core machine); they only read, so their database never sees the flows' uploads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuditTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-audit";
}
