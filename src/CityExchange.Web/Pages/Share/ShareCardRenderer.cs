using SkiaSharp;

namespace CityExchange.Web.Pages.Share;

/// <summary>
/// Draws a <see cref="ShareCard"/> as a 1200×630 PNG (the size Open Graph and Twitter show large). One, two or three
/// columns: a city card has one with its four domain bars, a comparison two, the site card three without bars. Every
/// text is cut to its width with an ellipsis, so no name or parameter can push it off the card.
/// </summary>
public sealed class ShareCardRenderer(ShareFonts fonts)
{
    private const float Margin = 60;
    private const float Gap = 60;
    private static readonly SKColor Ink = SKColor.Parse("#1a1a1a");
    private static readonly SKColor Muted = SKColor.Parse("#555555");
    private static readonly SKColor Track = SKColor.Parse("#e6e6e6");
    private static readonly SKColor Accent = SKColor.Parse("#0072B2");
    private static readonly SKColor Demo = SKColor.Parse("#B3261E");

    public byte[] Render(ShareCard card)
    {
        using var surface = SKSurface.Create(new SKImageInfo(ShareCard.Width, ShareCard.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };

        paint.Color = Accent;
        canvas.DrawRect(0, 0, ShareCard.Width, 12, paint);

        var right = ShareCard.Width - Margin;
        var siteWidth = right - Margin;
        if (card.DemoFlag is { } flag)
        {
            using var flagFont = Font(fonts.Bold, 26);
            var width = Math.Min(flagFont.MeasureText(flag), 420) + 36;
            paint.Color = Demo;
            canvas.DrawRoundRect(new SKRect(right - width, 30, right, 74), 8, 8, paint);
            paint.Color = SKColors.White;
            Text(canvas, flag, right - width + 18, 62, width - 36, flagFont, paint);
            siteWidth -= width + 24;
        }

        using (var site = Font(fonts.Regular, 26))
        {
            paint.Color = Muted;
            Text(canvas, card.SiteName, Margin, 62, siteWidth, site, paint);
        }

        // A long heading (the index's English name) is set smaller before it is cut.
        var headingSize = 58f;
        while (headingSize > 40)
        {
            using var trial = Font(fonts.Bold, headingSize);
            if (trial.MeasureText(card.Heading) <= right - Margin)
            {
                break;
            }

            headingSize -= 2;
        }

        using (var heading = Font(fonts.Bold, headingSize))
        {
            paint.Color = Ink;
            Text(canvas, card.Heading, Margin, 146, right - Margin, heading, paint);
        }

        using (var subtitle = Font(fonts.Regular, 28))
        {
            paint.Color = Muted;
            Text(canvas, card.Subtitle, Margin, 194, right - Margin, subtitle, paint);
        }

        var count = Math.Max(1, card.Columns.Count);
        var columnWidth = (right - Margin - (Gap * (count - 1))) / count;
        for (var i = 0; i < card.Columns.Count; i++)
        {
            Column(canvas, paint, card.Columns[i], Margin + (i * (columnWidth + Gap)), columnWidth, single: count == 1);
        }

        using (var footer = Font(fonts.Regular, 22))
        {
            paint.Color = Muted;
            Text(canvas, card.Footer, Margin, 600, right - Margin, footer, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private void Column(SKCanvas canvas, SKPaint paint, ShareCardColumn column, float x, float width, bool single)
    {
        var y = 254f;
        if (!single)
        {
            using var name = Font(fonts.Bold, 36);
            paint.Color = Ink;
            Text(canvas, column.Name, x, y, width, name, paint);
            y += 42;
        }

        using (var stats = Font(fonts.Bold, single ? 32 : 26))
        {
            paint.Color = Ink;
            Text(canvas, column.Stats, x, y, width, stats, paint);
        }

        using var label = Font(fonts.Regular, single ? 26 : 22);
        using var value = Font(fonts.Bold, single ? 26 : 22);
        y += single ? 36 : 24;
        foreach (var bar in column.Bars)
        {
            var fill = (float)Math.Clamp(double.IsNaN(bar.Score) ? 0 : bar.Score / 100, 0, 1);
            SKRect track;
            paint.Color = Ink;
            if (single)
            {
                // Label, bar and value on one line.
                y += 62;
                Text(canvas, bar.Label, x, y, 300, label, paint);
                track = new SKRect(x + 320, y - 24, x + width - 110, y + 4);
                canvas.DrawText(bar.Value, x + width, y, SKTextAlign.Right, value, paint);
            }
            else
            {
                // Label and value above the bar.
                y += 54;
                Text(canvas, bar.Label, x, y - 8, width - 90, label, paint);
                canvas.DrawText(bar.Value, x + width, y - 8, SKTextAlign.Right, value, paint);
                track = new SKRect(x, y + 2, x + width, y + 20);
            }

            paint.Color = Track;
            canvas.DrawRoundRect(track, 4, 4, paint);
            paint.Color = SKColor.Parse(bar.Colour);
            canvas.DrawRoundRect(new SKRect(track.Left, track.Top, track.Left + Math.Max(track.Height, track.Width * fill), track.Bottom), 4, 4, paint);
        }
    }

    private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Draws <paramref name="text"/> cut to <paramref name="width"/> (with an ellipsis).</summary>
    private static void Text(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint) =>
        canvas.DrawText(Fit(text, width, font), x, y, SKTextAlign.Left, font, paint);

    internal static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 0 && font.MeasureText(string.Concat(text.AsSpan(0, cut), "…")) > width)
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
