namespace CityExchange.Core.Scoring;

/// <summary>What conditional winsorisation did to one indicator.</summary>
public enum OutlierTreatment
{
    /// <summary>The indicator passes COINr's skew–kurtosis check as it is.</summary>
    None,

    /// <summary>Winsorising one more extreme point at a time made it pass within the limit.</summary>
    Winsorised,

    /// <summary>Winsorising up to the limit did not make it pass, so the raw values were log-transformed (<c>log_CT</c>).</summary>
    LogTransformed,

    /// <summary>Skewness or kurtosis is undefined (too few values, or no spread, also once winsorised): left as it is, as COINr does.</summary>
    Skipped,
}

/// <summary>How one cell was changed.</summary>
public enum CellTreatment
{
    /// <summary>A high value replaced by the highest remaining one (COINr's <c>winhi</c>).</summary>
    WinsorisedHigh,

    /// <summary>A low value replaced by the lowest remaining one (COINr's <c>winlo</c>).</summary>
    WinsorisedLow,

    /// <summary>The value replaced by log(x − min + 0.01·(max − min)).</summary>
    LogTransformed,
}

/// <summary>One treated cell: the city's position in the column, its value before and after.</summary>
public sealed record TreatedCell(int City, double Raw, double Treated, CellTreatment Treatment);

/// <summary>
/// The treatment of one indicator: what was done, how many points COINr's <c>winsorise</c> counted (<c>nwin</c>; also
/// when the winsorised values were then discarded for the log transform), skewness and kurtosis before and after,
/// whether the result passes the check (null when undefined), and every changed cell.
/// </summary>
public sealed record WinsorisationReport(
    OutlierTreatment Treatment,
    int WinsorisedPoints,
    double SkewBefore,
    double KurtosisBefore,
    double SkewAfter,
    double KurtosisAfter,
    bool? PassesAfter,
    IReadOnlyList<TreatedCell> Cells);

/// <summary>A treated column (NaN where the input was missing) and its report.</summary>
public sealed record TreatedColumn(double[] Values, WinsorisationReport Report);

/// <summary>One indicator's report in a treated matrix.</summary>
public sealed record IndicatorWinsorisation(string Code, WinsorisationReport Report);

/// <summary>A treated copy of a matrix and the report of each indicator, in framework order.</summary>
public sealed record ConditionalWinsorisationResult(IndicatorMatrix Treated, IReadOnlyList<IndicatorWinsorisation> Indicators);

/// <summary>
/// Conditional winsorisation with COINr's <c>Treat</c> defaults (R/treat.R: <c>Treat.numeric</c> with
/// <c>f1 = winsorise</c>, <c>f2 = log_CT</c>, <c>f_pass = check_SkewKurt</c>, <c>combine_treat = FALSE</c>): while the
/// indicator fails <see cref="SkewKurtosis.Fails(ReadOnlySpan{double}, double, double)"/>, the most extreme value on the
/// side of the current skew (high when skew ≥ 0) and any value tied with it take the next value inwards, until it
/// passes or <c>winmax</c> points are winsorised; if it still fails, the raw values are log-transformed instead.
/// Where COINr would stop on an undefined check (a warning, the vector returned untreated) the column is
/// <see cref="OutlierTreatment.Skipped"/>.
/// </summary>
public static class ConditionalWinsorisation
{
    /// <summary>COINr's default limit on winsorised points (<c>winmax = 5</c>).</summary>
    public const int DefaultWinMax = 5;

    public static TreatedColumn Treat(
        ReadOnlySpan<double> column,
        int winMax = DefaultWinMax,
        double skewThreshold = SkewKurtosis.SkewThreshold,
        double kurtosisThreshold = SkewKurtosis.KurtosisThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(winMax);
        var raw = column.ToArray();
        var (skewBefore, kurtosisBefore) = SkewKurtosis.Of(raw);
        var verdict = SkewKurtosis.Fails(skewBefore, kurtosisBefore, skewThreshold, kurtosisThreshold);
        if (verdict != true)
        {
            var kind = verdict is null ? OutlierTreatment.Skipped : OutlierTreatment.None;
            return Untreated(raw, new(kind, 0, skewBefore, kurtosisBefore, skewBefore, kurtosisBefore, !verdict, []));
        }

        var winsorised = (double[])raw.Clone();
        var (high, low) = Winsorise(winsorised, winMax, skewThreshold, kurtosisThreshold, out var passes);
        var points = high.Length + low.Length;
        if (passes is null)
        {
            return Untreated(raw, new(OutlierTreatment.Skipped, points, skewBefore, kurtosisBefore, skewBefore, kurtosisBefore, null, []));
        }

        if (passes == true)
        {
            var cells = high.Select(c => new TreatedCell(c, raw[c], winsorised[c], CellTreatment.WinsorisedHigh))
                .Concat(low.Select(c => new TreatedCell(c, raw[c], winsorised[c], CellTreatment.WinsorisedLow)))
                .OrderBy(cell => cell.City)
                .ToList();
            var (skew, kurtosis) = SkewKurtosis.Of(winsorised);
            return new TreatedColumn(winsorised, new(OutlierTreatment.Winsorised, points, skewBefore, kurtosisBefore, skew, kurtosis, true, cells));
        }

        var logged = LogCt(raw);
        var (skewAfter, kurtosisAfter) = SkewKurtosis.Of(logged);
        var loggedVerdict = SkewKurtosis.Fails(skewAfter, kurtosisAfter, skewThreshold, kurtosisThreshold);
        if (loggedVerdict is null)
        {
            return Untreated(raw, new(OutlierTreatment.Skipped, points, skewBefore, kurtosisBefore, skewBefore, kurtosisBefore, null, []));
        }

        var loggedCells = new List<TreatedCell>();
        for (var c = 0; c < raw.Length; c++)
        {
            if (!double.IsNaN(raw[c]))
            {
                loggedCells.Add(new TreatedCell(c, raw[c], logged[c], CellTreatment.LogTransformed));
            }
        }

        return new TreatedColumn(logged, new(OutlierTreatment.LogTransformed, points, skewBefore, kurtosisBefore, skewAfter, kurtosisAfter, !loggedVerdict, loggedCells));
    }

    /// <summary>Treats every indicator of <paramref name="matrix"/>; the input is not changed.</summary>
    public static ConditionalWinsorisationResult Treat(
        IndicatorMatrix matrix,
        int winMax = DefaultWinMax,
        double skewThreshold = SkewKurtosis.SkewThreshold,
        double kurtosisThreshold = SkewKurtosis.KurtosisThreshold)
    {
        var treated = matrix.Clone();
        var reports = new List<IndicatorWinsorisation>(matrix.Framework.Count);
        for (var j = 0; j < matrix.Framework.Count; j++)
        {
            var column = Treat(matrix.Column(j), winMax, skewThreshold, kurtosisThreshold);
            column.Values.CopyTo(treated.Values.AsSpan(j * matrix.CityCount, matrix.CityCount));
            reports.Add(new IndicatorWinsorisation(matrix.Framework.Indicators[j].Code, column.Report));
        }

        return new ConditionalWinsorisationResult(treated, reports);
    }

    /// <summary>
    /// COINr's <c>log_CT</c>: log(x − min + a) with a = 0.01·(max − min), over the values present; missing stays NaN.
    /// </summary>
    public static double[] LogCt(ReadOnlySpan<double> values)
    {
        MinMaxNormaliser.MinMax(values, out var min, out var max, out _);
        var shift = 0.01 * (max - min);
        var logged = new double[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            logged[c] = Math.Log(values[c] - min + shift);
        }

        return logged;
    }

    /// <summary>
    /// COINr's <c>winsorise</c> loop, in place. As there, <c>imax</c> and <c>imin</c> hold the positions set at the last
    /// high and low step: every earlier winsorised point sits at the new extreme and is taken again, so they are the
    /// changed cells and <c>nwin</c> = |imax| + |imin| (ties can take it past <paramref name="winMax"/>).
    /// <paramref name="passes"/> is null where COINr's check turns undefined.
    /// </summary>
    private static (int[] High, int[] Low) Winsorise(double[] x, int winMax, double skewThreshold, double kurtosisThreshold, out bool? passes)
    {
        int[] high = [];
        int[] low = [];
        passes = false;
        while (passes == false && high.Length + low.Length < winMax)
        {
            var (skew, _) = SkewKurtosis.Of(x);
            if (skew >= 0)
            {
                high = Replace(x, ExtremeAt(x, Math.Max), Math.Max);
            }
            else
            {
                low = Replace(x, ExtremeAt(x, Math.Min), Math.Min);
            }

            passes = !SkewKurtosis.Fails(x, skewThreshold, kurtosisThreshold);
        }

        return (high, low);
    }

    private static double ExtremeAt(double[] x, Func<double, double, double> pick)
    {
        var extreme = double.NaN;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                extreme = double.IsNaN(extreme) ? v : pick(extreme, v);
            }
        }

        return extreme;
    }

    /// <summary>Gives every point equal to <paramref name="extreme"/> the most extreme value among the others; returns their positions.</summary>
    private static int[] Replace(double[] x, double extreme, Func<double, double, double> pick)
    {
        var positions = new List<int>();
        var next = double.NaN;
        for (var c = 0; c < x.Length; c++)
        {
            if (x[c] == extreme)
            {
                positions.Add(c);
            }
            else if (!double.IsNaN(x[c]))
            {
                next = double.IsNaN(next) ? x[c] : pick(next, x[c]);
            }
        }

        foreach (var c in positions)
        {
            x[c] = next;
        }

        return [.. positions];
    }

    private static TreatedColumn Untreated(double[] raw, WinsorisationReport report) => new(raw, report);
}
