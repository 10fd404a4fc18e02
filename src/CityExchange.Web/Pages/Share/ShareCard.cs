namespace CityExchange.Web.Pages.Share;

/// <summary>One domain bar of a share card: its label, its 0–100 score as drawn and as written, and its colour.</summary>
public sealed record ShareCardBar(string Label, double Score, string Value, string Colour);

/// <summary>One city on a share card: its name, its rank and score lines, and its domain bars (none on the site card).</summary>
public sealed record ShareCardColumn(string Name, string Stats, IReadOnlyList<ShareCardBar> Bars);

/// <summary>
/// What a share card says, in the language it is drawn in (<see cref="Chinese"/>), before any pixel is drawn: tests read
/// it, <see cref="ShareCardRenderer"/> draws it.
/// </summary>
public sealed record ShareCard(
    string SiteName,
    string Heading,
    string Subtitle,
    IReadOnlyList<ShareCardColumn> Columns,
    string? DemoFlag,
    string Footer,
    bool Chinese)
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>Every text the card draws, in drawing order.</summary>
    public IReadOnlyList<string> Texts =>
    [
        SiteName,
        .. DemoFlag is null ? Array.Empty<string>() : [DemoFlag],
        Heading,
        Subtitle,
        .. Columns.SelectMany(c => new[] { c.Name, c.Stats }.Concat(c.Bars.SelectMany(b => new[] { b.Label, b.Value }))),
        Footer,
    ];
}
