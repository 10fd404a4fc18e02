using System.Text.Json;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// An element's box as the reader sees it (<c>getBoundingClientRect</c>, CSS pixels), and the part of the page the
/// reader can see it through: the viewport cut down by every ancestor that clips its overflow (a sideways-scrolling
/// table, a figure). <see cref="Clipped"/> is true when part of the box is outside that window, so the reader must
/// scroll sideways (or cannot) to see all of it.
/// </summary>
public sealed record ElementBox(string Element, double Left, double Top, double Right, double Bottom, double VisibleLeft, double VisibleRight)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    /// <summary>A pixel of slack for sub-pixel layout.</summary>
    public bool Clipped => Left < VisibleLeft - 1 || Right > VisibleRight + 1;

    public override string ToString() =>
        $"{Element} [{Left:0}–{Right:0} px × {Top:0}–{Bottom:0} px; visible {VisibleLeft:0}–{VisibleRight:0} px]";
}

/// <summary>
/// Small-screen checks by element boxes, not by eye: what a reader must reach is inside the viewport's width and not
/// cut off by a scrolling box, and a header that should fit on one row does. Vertical position is not checked: readers
/// scroll down, not sideways.
/// </summary>
public static class Viewport
{
    /// <summary>The boxes of every element matching <paramref name="selector"/> that is rendered (hidden ones are left out).</summary>
    public static async Task<IReadOnlyList<ElementBox>> BoxesAsync(this BrowserSession session, string selector)
    {
        ArgumentNullException.ThrowIfNull(session);
        var json = await session.Page.EvaluateAsync<JsonElement>(
            """
            (selector) => [...document.querySelectorAll(selector)].filter(el => el.getClientRects().length > 0).map(el => {
              const r = el.getBoundingClientRect();
              let left = 0, right = document.documentElement.clientWidth;
              for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
                // An HTML box clips at its padding box; an outer <svg> at its own box (inner SVG elements do not clip).
                const clips = a instanceof HTMLElement || a instanceof SVGSVGElement && !(a.parentElement instanceof SVGElement);
                if (clips && getComputedStyle(a).overflowX !== 'visible') {
                  const b = a.getBoundingClientRect();
                  const inner = a instanceof HTMLElement ? [b.left + a.clientLeft, b.left + a.clientLeft + a.clientWidth] : [b.left, b.right];
                  left = Math.max(left, inner[0]);
                  right = Math.min(right, inner[1]);
                }
              }
              const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().replace(/\s+/g, '.') : '') +
                (el.textContent.trim() ? ' "' + el.textContent.trim().replace(/\s+/g, ' ').slice(0, 30) + '"' : '');
              return { element: name, left: r.left, top: r.top, right: r.right, bottom: r.bottom, visibleLeft: left, visibleRight: right };
            })
            """,
            selector);
        return [.. json.EnumerateArray().Select(b => new ElementBox(
            b.GetProperty("element").GetString()!, b.GetProperty("left").GetDouble(), b.GetProperty("top").GetDouble(),
            b.GetProperty("right").GetDouble(), b.GetProperty("bottom").GetDouble(),
            b.GetProperty("visibleLeft").GetDouble(), b.GetProperty("visibleRight").GetDouble()))];
    }

    /// <summary>
    /// Asserts that at least one element matches <paramref name="selector"/> and that every one of them is wholly inside
    /// the viewport's width, not clipped by a scrolling ancestor, and has a size.
    /// </summary>
    public static async Task AssertInViewportAsync(this BrowserSession session, string selector)
    {
        var boxes = await session.BoxesAsync(selector);
        Assert.True(boxes.Count > 0, $"Nothing rendered matches {selector} on {session.Page.Url}.");
        var outside = boxes.Where(b => b.Clipped || b.Width <= 0 || b.Height <= 0).ToList();
        var viewport = await session.Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(outside.Count == 0,
            $"{outside.Count} of {boxes.Count} elements matching {selector} are not wholly visible at {viewport} px on {session.Page.Url}: " +
            string.Join("; ", outside.Take(5)));
    }

    /// <summary>
    /// Asserts that the elements matching <paramref name="selector"/> sit on one row: some horizontal line crosses every
    /// one of their boxes (the lowest top is above the highest bottom), so no item has wrapped below another.
    /// </summary>
    public static async Task AssertOnOneRowAsync(this BrowserSession session, string selector)
    {
        var boxes = await session.BoxesAsync(selector);
        Assert.True(boxes.Count > 1, $"Fewer than two rendered elements match {selector} on {session.Page.Url}.");
        var lowestTop = boxes.MaxBy(b => b.Top)!;
        var highestBottom = boxes.MinBy(b => b.Bottom)!;
        Assert.True(lowestTop.Top < highestBottom.Bottom - 1,
            $"Not on one row on {session.Page.Url}: {lowestTop} starts below the bottom of {highestBottom}.");
    }
}
