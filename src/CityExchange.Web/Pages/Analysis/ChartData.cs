using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Hosting;

namespace CityExchange.Web.Pages.Analysis;

/// <summary>A series of a grouped bar chart; <see cref="Key"/> is a domain code (its colour) or "overall".</summary>
public sealed record BarSeries(string Key, string Label, IReadOnlyList<double?> Values);

/// <summary>A grouped bar chart for the page modules: drawn on the canvas with id <see cref="Canvas"/>.</summary>
public sealed record GroupedBars(string Canvas, IReadOnlyList<string> Labels, IReadOnlyList<BarSeries> Series)
{
    /// <summary>One bar per domain for each group, labelled by <paramref name="label"/>.</summary>
    public static GroupedBars ForGroups(string canvas, IEnumerable<GroupMean> groups, Func<GroupMean, string> label)
    {
        var list = groups.ToList();
        return new GroupedBars(canvas, [.. list.Select(label)],
            [.. Domains.All.Select(d => new BarSeries(d.Code(), Localized.Name(d), [.. list.Select(g => MissingValue.OrNull(g.Domains[(int)d]))]))]);
    }
}

/// <summary>What a chart axis measures and in which unit; <see cref="Title"/> is both, for the axis.</summary>
public sealed record ChartAxis(string Name, string Unit)
{
    public string Title => Localized.IsChinese ? $"{Name}（{Unit}）" : $"{Name} ({Unit})";
}

/// <summary>
/// The regression chart: points (each named by its city, for the tooltip), the fitted line and the 95 % band sampled
/// along x, and both axes with their units.
/// </summary>
public sealed record RegressionChart(
    IReadOnlyList<RegressionChartPoint> Points,
    IReadOnlyList<double> BandX,
    IReadOnlyList<double> Fitted,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper,
    ChartAxis X,
    ChartAxis Y,
    string PointsLabel,
    string FitLabel,
    string BandLabel)
{
    public static RegressionChart? From(RegressionView view, ChartAxis x, ChartAxis y, string pointsLabel, string fitLabel, string bandLabel)
    {
        if (view.Overall is not { } fit)
        {
            return null;
        }

        var min = view.Points.Min(p => p.X);
        var max = view.Points.Max(p => p.X);
        var xs = Enumerable.Range(0, 41).Select(i => min + ((max - min) * i / 40)).ToList();
        return new RegressionChart(
            [.. view.Points.Select(p => new RegressionChartPoint(p.X, p.Overall, Localized.Name(view.Scores.Cities[p.City])))],
            xs,
            [.. xs.Select(fit.Predict)],
            [.. xs.Select(x => fit.ConfidenceBand(x).Lower)],
            [.. xs.Select(x => fit.ConfidenceBand(x).Upper)],
            x, y, pointsLabel, fitLabel, bandLabel);
    }
}

public sealed record RegressionChartPoint(double X, double Y, string Label);
