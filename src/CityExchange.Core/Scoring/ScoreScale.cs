namespace CityExchange.Core.Scoring;

/// <summary>Where the normalisation goalposts come from.</summary>
public enum ScoreScale
{
    /// <summary>Each year on its own (the report): min/max, mean/SD or ranks of that year's values.</summary>
    Year,

    /// <summary>Across all years ("panel" goalposts), so that scores are comparable over time; see <see cref="PanelGoalposts"/>.</summary>
    Panel,
}

public static class ScoreScales
{
    public static IReadOnlyList<ScoreScale> All { get; } = [ScoreScale.Year, ScoreScale.Panel];

    public static string Code(this ScoreScale scale) => scale switch
    {
        ScoreScale.Year => "year",
        ScoreScale.Panel => "panel",
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };

    public static bool TryParse(string? code, out ScoreScale scale)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "year": scale = ScoreScale.Year; return true;
            case "panel": scale = ScoreScale.Panel; return true;
            default: scale = default; return false;
        }
    }
}
