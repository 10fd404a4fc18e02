using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CityExchange.Web.Pages.Share;

/// <summary>
/// The typefaces of the share cards, loaded once from files: SkiaSharp's NoDependencies native assets have no
/// fontconfig to ask. With a CJK font (Noto Sans CJK's Simplified Chinese face) cards are drawn in the reader's
/// language; without one, in English (a Latin font file if one is installed, else Skia's default), so a bare machine
/// draws a legible card instead of empty boxes.
/// </summary>
public sealed partial class ShareFonts : IDisposable
{
    /// <summary>Where Debian's fonts-noto-cjk puts the collections (regular, bold).</summary>
    private static readonly (string Regular, string Bold)[] CjkCandidates =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
        ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Bold.otf"),
    ];

    private static readonly (string Regular, string Bold)[] LatinCandidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
    ];

    public ShareFonts(IOptions<ShareOptions> options, ILogger<ShareFonts> logger)
    {
        var configured = options.Value.CjkFont?.Trim();
        var cjk = string.Equals(configured, ShareOptions.NoCjkFont, StringComparison.OrdinalIgnoreCase)
            ? null
            : string.IsNullOrEmpty(configured)
                ? CjkCandidates.Select(c => LoadPair(c, chinese: true)).FirstOrDefault(p => p is not null)
                : LoadPair((configured, configured), chinese: true);
        if (cjk is { } pair)
        {
            (Regular, Bold) = pair;
            HasCjk = true;
            return;
        }

        // Once, at start-up (a singleton): every card is then drawn in English.
        LogNoCjkFont(logger, configured ?? string.Join(", ", CjkCandidates.Select(c => c.Regular)));
        (Regular, Bold) = LatinCandidates.Select(c => LoadPair(c, chinese: false)).FirstOrDefault(p => p is not null)
            ?? (SKTypeface.Default, SKTypeface.FromFamilyName(null, SKFontStyle.Bold) ?? SKTypeface.Default);
    }

    /// <summary>True when Chinese can be drawn; else cards are English whatever the reader's language.</summary>
    public bool HasCjk { get; }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    /// <summary>The regular and bold faces of a pair of files; for a collection, its Simplified Chinese face (SC).</summary>
    private static (SKTypeface, SKTypeface)? LoadPair((string Regular, string Bold) files, bool chinese)
    {
        if (!File.Exists(files.Regular))
        {
            return null;
        }

        var regular = Load(files.Regular, chinese);
        var bold = File.Exists(files.Bold) ? Load(files.Bold, chinese) : null;
        if (regular is null)
        {
            bold?.Dispose();
            return null;
        }

        return (regular, bold ?? regular);
    }

    private static SKTypeface? Load(string path, bool chinese)
    {
        if (!chinese)
        {
            return SKTypeface.FromFile(path);
        }

        // A .ttc holds the JP, KR, SC, TC and HK faces (in an order that varies between releases): the one whose family
        // says SC draws Simplified Chinese glyph forms; a single-face file is taken if it has the glyphs at all.
        SKTypeface? first = null;
        for (var index = 0; index < 10; index++)
        {
            var face = SKTypeface.FromFile(path, index);
            if (face is null)
            {
                break;
            }

            if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal) && face.ContainsGlyphs("城市"))
            {
                first?.Dispose();
                return face;
            }

            if (first is null && face.ContainsGlyphs("城市"))
            {
                first = face;
            }
            else
            {
                face.Dispose();
            }
        }

        return first;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No CJK font found ({Tried}); share cards are drawn in English. Install fonts-noto-cjk for Chinese cards.")]
    private static partial void LogNoCjkFont(ILogger logger, string tried);
}
