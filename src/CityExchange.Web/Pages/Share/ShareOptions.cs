namespace CityExchange.Web.Pages.Share;

/// <summary>
/// Configuration section <c>Share</c>. <c>Share:CjkFont</c> is the font file (a <c>.ttc</c> collection or <c>.otf</c>)
/// the cards draw Chinese with; unset, Debian's <c>fonts-noto-cjk</c> is looked for; <c>none</c> draws every card in
/// English, as on a machine without a CJK font.
/// </summary>
public sealed class ShareOptions
{
    public const string Section = "Share";

    public const string NoCjkFont = "none";

    public string? CjkFont { get; set; }
}
