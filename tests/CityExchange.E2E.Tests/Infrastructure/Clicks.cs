using Microsoft.Playwright;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>Going from page to page as a reader does: by clicking a link or a button, never by typing a URL.</summary>
public static class Clicks
{
    /// <summary>
    /// Clicks <paramref name="target"/> and waits until the browser has loaded the page it leads to: another URL, whose
    /// path starts with <paramref name="path"/> (and that contains <paramref name="contains"/>, when given).
    /// </summary>
    public static async Task ClickToAsync(this BrowserSession session, ILocator target, string path, string? contains = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(target);
        var before = session.Page.Url;
        await target.ClickAsync();
        try
        {
            await session.Page.WaitForURLAsync(url => url != before
                && new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal)
                && (contains is null || url.Contains(contains, StringComparison.Ordinal)));
            await session.Page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException timeout)
        {
            // Say where the reader was and where the click left them: "Timeout 30000ms" alone does not say which click.
            throw new TimeoutException(
                $"Clicking {target} on {before} did not load {path}{(contains is null ? "" : $" (…{contains}…)")}; the page is at {session.Page.Url}.",
                timeout);
        }
    }

    /// <summary>Clicks the first element matching <paramref name="selector"/>; see <see cref="ClickToAsync(BrowserSession, ILocator, string, string?)"/>.</summary>
    public static Task ClickToAsync(this BrowserSession session, string selector, string path, string? contains = null) =>
        session.ClickToAsync(session.Page.Locator(selector).First, path, contains);
}
