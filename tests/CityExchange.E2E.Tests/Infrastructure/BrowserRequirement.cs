namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// The end-to-end tests drive Debian's Chromium (<c>/usr/bin/chromium</c>; a browser is never downloaded).
/// Without it they skip with a message saying how to enable them — unless CITYEX_REQUIRE_BROWSER=1 (set by .ci/run),
/// under which a missing browser fails them.
/// </summary>
public static class BrowserRequirement
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where Chromium is looked for: <c>CITYEX_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string WantedPath =>
        Environment.GetEnvironmentVariable("CITYEX_CHROMIUM") is { Length: > 0 } custom ? custom : ChromiumPath;

    public static string? ExecutablePath => File.Exists(WantedPath) ? WantedPath : null;

    public static bool Required => Environment.GetEnvironmentVariable("CITYEX_REQUIRE_BROWSER") == "1";

    /// <summary>Skips the calling test (or fails it when the browser is required) when Chromium is missing.</summary>
    public static void EnsureAvailable()
    {
        if (ExecutablePath is not null)
        {
            return;
        }

        const string how = "Install Debian's Chromium (sudo apt-get install chromium fonts-noto-cjk) to run the end-to-end tests.";
        if (Required)
        {
            throw new InvalidOperationException($"CITYEX_REQUIRE_BROWSER=1 but no browser at {WantedPath}. {how}");
        }

        Skip.If(true, $"No Chromium at {WantedPath}: end-to-end tests skipped. {how}");
    }
}
