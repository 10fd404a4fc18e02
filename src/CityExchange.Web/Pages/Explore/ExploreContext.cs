using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;

namespace CityExchange.Web.Pages.Explore;

/// <summary>
/// A year's data with the user's settings resolved into scoring options: everything needed to score the year, or a
/// changed copy of its values (what-if, targets), the same way. <see cref="PanelYears"/> holds every indicator year's
/// values, this year's first, when the scale is panel.
/// </summary>
public sealed record ExploreContext(
    YearData Data,
    ExploreSettings Settings,
    ScoringOptions Options,
    IReadOnlyList<IndicatorMatrix> PanelYears,
    IReadOnlyList<RankingWarning> Notices)
{
    public ScoringWeights Weights => Options.Weights!;

    /// <summary>The other indicator years behind <see cref="PanelYears"/> (their versions key the ranking cache).</summary>
    public IReadOnlyList<YearData> PanelData { get; init; } = [];

    /// <summary>Scores the year's own values.</summary>
    public YearScores Score() => Score(Data.Matrix);

    /// <summary>Scores <paramref name="matrix"/> in place of the year's values (panel goalposts rebuilt to include it).</summary>
    public YearScores Score(IndicatorMatrix? matrix) =>
        RankingService.Score(Data, matrix, Options, matrix is null ? null : Panel(matrix));

    /// <summary>Scores a matrix to a sheet only (the targets' inner loop).</summary>
    public ScoreSheet ScoreSheet(IndicatorMatrix matrix) => ScoringEngine.Score(matrix, Options, Panel(matrix));

    private PanelGoalposts? Panel(IndicatorMatrix matrix) =>
        Options.Scale == ScoreScale.Panel && PanelYears.Count > 0
            ? PanelGoalposts.From([matrix, .. PanelYears.Skip(1)], Options)
            : null;
}
