using System.Text.Json.Nodes;
using CityExchange.Core.Scoring;

namespace CityExchange.Core.Tests.Analysis.Audit;

/// <summary>
/// Conditional winsorisation against COINr's Treat() with its defaults (Fixtures/treatment.coinr.json, from
/// make_fixtures.R) and against hand-worked examples.
/// </summary>
public sealed class ConditionalWinsorisationTests
{
    private static readonly JsonNode Inputs = AuditFixture.Read("treatment.json")["columns"]!;
    private static readonly JsonNode Coinr = AuditFixture.Read("treatment.coinr.json")["treat"]!;

    public static TheoryData<string, OutlierTreatment> Columns => new()
    {
        { "passes", OutlierTreatment.None },
        { "high", OutlierTreatment.Winsorised },
        { "low", OutlierTreatment.Winsorised },
        { "ties", OutlierTreatment.Winsorised },
        { "tie_inwards", OutlierTreatment.Winsorised },
        { "two_sides", OutlierTreatment.Winsorised },
        { "log", OutlierTreatment.LogTransformed },
        { "collapses", OutlierTreatment.Skipped },
        { "three_values", OutlierTreatment.None },
        { "constant", OutlierTreatment.Skipped },
        { "empty", OutlierTreatment.Skipped },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Treat_MatchesCoinr(string column, OutlierTreatment treatment)
    {
        var result = ConditionalWinsorisation.Treat(AuditFixture.Numbers(Inputs[column]));

        Assert.Equal(treatment, result.Report.Treatment);
        AssertAsCoinr(Coinr[column]!, result.Values, result.Report, column);
    }

    /// <summary>COINr's own example (?winsorise): 1…10 with outliers 30 and 100; the 100 takes 30 and the column passes.</summary>
    [Fact]
    public void Treat_WinsorisesTheHighestPointOfCoinrsExample()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];

        var result = ConditionalWinsorisation.Treat(x);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30], result.Values);
        Assert.Equal(OutlierTreatment.Winsorised, result.Report.Treatment);
        Assert.Equal(1, result.Report.WinsorisedPoints);
        Assert.Equal([new TreatedCell(11, 100, 30, CellTreatment.WinsorisedHigh)], result.Report.Cells);
        Assert.True(result.Report.PassesAfter);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], x);
    }

    /// <summary>
    /// Ten 1s, 2…12, 40, 40, 60, 90, 400 (skew 4.55, kurtosis 21.8): 400 takes 90 (still failing), then both 90s take 60,
    /// the original 90 included, as COINr's which(x == max(x)) does; nwin = 2 and it passes (skew 1.72, kurtosis 1.50).
    /// </summary>
    [Fact]
    public void Treat_TakesEarlierWinsorisedPointsAgainWithTheNextExtreme()
    {
        double[] x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 40, 60, 90, 400];

        var result = ConditionalWinsorisation.Treat(x);

        Assert.Equal(OutlierTreatment.Winsorised, result.Report.Treatment);
        Assert.Equal(2, result.Report.WinsorisedPoints);
        Assert.Equal([new TreatedCell(24, 90, 60, CellTreatment.WinsorisedHigh), new TreatedCell(25, 400, 60, CellTreatment.WinsorisedHigh)], result.Report.Cells);
        Assert.Equal([40, 40, 60, 60, 60], result.Values[21..]);
        Assert.Equal(4.549572, result.Report.SkewBefore, 6);
        Assert.Equal(1.719551, result.Report.SkewAfter, 6);
        Assert.Equal(1.504089, result.Report.KurtosisAfter, 6);
    }

    /// <summary>
    /// The same column with winmax = 1: after 400 takes 90 it still fails (skew 2.14, kurtosis 3.65), so log_CT is
    /// applied to the raw values: log(x − 1 + 0.01·399), i.e. log(3.99) for the 1s and log(402.99) for 400.
    /// </summary>
    [Fact]
    public void Treat_LogTransformsTheRawValuesWhenTheLimitIsReached()
    {
        double[] x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40, 40, 60, 90, 400];

        var result = ConditionalWinsorisation.Treat(x, winMax: 1);

        Assert.Equal(OutlierTreatment.LogTransformed, result.Report.Treatment);
        Assert.Equal(1, result.Report.WinsorisedPoints);
        Assert.Equal(Math.Log(3.99), result.Values[0], 15);
        Assert.Equal(Math.Log(402.99), result.Values[25], 15);
        Assert.Equal(26, result.Report.Cells.Count);
        Assert.All(result.Report.Cells, c => Assert.Equal(CellTreatment.LogTransformed, c.Treatment));
        Assert.True(result.Report.PassesAfter);
        Assert.Equal(1.55985, result.Report.SkewAfter, 5);
    }

    /// <summary>
    /// The side follows the sign of the current skew (COINr: high when skew ≥ 0), even a small one. With a skew
    /// threshold of 0 only kurtosis can pass: 1, 3, 4, 4, 5, 5, 6, 8.5 (skew 0.27, kurtosis 1.19) loses its top and
    /// passes below 1 (0.99); 1, 3, 4, 4, 5, 5, 6, 7.5 (skew −0.28, kurtosis 0.70) loses its bottom and passes below
    /// 0.6 (0.19). COINr's Treat() with the same thresholds gives the same.
    /// </summary>
    [Theory]
    [InlineData(8.5, 1.0, CellTreatment.WinsorisedHigh, new double[] { 1, 3, 4, 4, 5, 5, 6, 6 })]
    [InlineData(7.5, 0.6, CellTreatment.WinsorisedLow, new double[] { 3, 3, 4, 4, 5, 5, 6, 7.5 })]
    public void Treat_WinsorisesOnTheSideOfTheSkew(double top, double kurtosisThreshold, CellTreatment side, double[] expected)
    {
        var result = ConditionalWinsorisation.Treat([1, 3, 4, 4, 5, 5, 6, top], skewThreshold: 0, kurtosisThreshold: kurtosisThreshold);

        Assert.Equal(OutlierTreatment.Winsorised, result.Report.Treatment);
        Assert.Equal(expected, result.Values);
        Assert.Equal(side, Assert.Single(result.Report.Cells).Treatment);
    }

    [Fact]
    public void Treat_KeepsMissingCellsMissingAndReportsOnlyChangedCells()
    {
        double[] x = [double.NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, double.NaN, 100];

        var result = ConditionalWinsorisation.Treat(x);

        Assert.True(double.IsNaN(result.Values[0]) && double.IsNaN(result.Values[12]));
        Assert.Equal([new TreatedCell(13, 100, 30, CellTreatment.WinsorisedHigh)], result.Report.Cells);
    }

    [Fact]
    public void Treat_WithNoWinsorisingAllowedGoesStraightToTheLog()
    {
        var result = ConditionalWinsorisation.Treat([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], winMax: 0);

        Assert.Equal(OutlierTreatment.LogTransformed, result.Report.Treatment);
        Assert.Equal(0, result.Report.WinsorisedPoints);
        Assert.Equal(Math.Log(0.99), result.Values[0], 15);
    }

    [Fact]
    public void Treat_OfAMatrixTreatsEachIndicatorAndLeavesTheInputAlone()
    {
        var framework = new Builders.FrameworkBuilder().Social("a").Trade("b").Build();
        var matrix = new IndicatorMatrix(framework, 12, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100, 5, 3, 4, 6, 5, 7, 4, 5, 6, 5, 4, 3]);
        var before = (double[])matrix.Values.Clone();

        var result = ConditionalWinsorisation.Treat(matrix);

        Assert.Equal(before, matrix.Values);
        Assert.Equal(["a", "b"], result.Indicators.Select(i => i.Code));
        Assert.Equal(OutlierTreatment.Winsorised, result.Indicators[0].Report.Treatment);
        Assert.Equal(OutlierTreatment.None, result.Indicators[1].Report.Treatment);
        Assert.Equal(30, result.Treated[0, 11]);
        Assert.Equal(matrix.Column(1).ToArray(), result.Treated.Column(1).ToArray());
    }

    /// <summary>
    /// Asserts a treated column and its report against COINr's Treat() output for it: the values, the treated points
    /// (COINr's winhi/winlo; for a log transform every present cell, which COINr marks "…+log_CT"), nwin, and the
    /// check after each stage (check_SkewKurt0/1/2.Pass in its Dets_Table).
    /// </summary>
    internal static void AssertAsCoinr(JsonNode coinr, double[] values, WinsorisationReport report, string what)
    {
        Close.Equal(AuditFixture.Numbers(coinr["values"]), values, $"{what} values");
        var points = coinr["points"]!.AsArray().Select(p => (string)p!).ToArray();
        var pass0 = (bool?)coinr["pass0"];
        var pass1 = (bool?)coinr["pass1"];
        var pass2 = (bool?)coinr["pass2"];
        var expected = pass0 is null ? OutlierTreatment.Skipped
            : pass0.Value ? OutlierTreatment.None
            : pass1 is null ? OutlierTreatment.Skipped
            : pass1.Value ? OutlierTreatment.Winsorised
            : pass2 is null ? OutlierTreatment.Skipped
            : OutlierTreatment.LogTransformed;
        Assert.Equal(expected, report.Treatment);
        if (coinr["nwin"] is { } nwin)
        {
            Assert.Equal((int)nwin, report.WinsorisedPoints);
        }

        var cells = report.Cells.ToDictionary(c => c.City);
        for (var c = 0; c < points.Length; c++)
        {
            var marked = expected switch
            {
                OutlierTreatment.LogTransformed => double.IsNaN(values[c]) ? null : CellTreatment.LogTransformed,
                _ => points[c] switch
                {
                    "winhi" => CellTreatment.WinsorisedHigh,
                    "winlo" => CellTreatment.WinsorisedLow,
                    "" => (CellTreatment?)null,
                    var other => throw new InvalidOperationException($"{what}: unexpected COINr mark '{other}'"),
                },
            };
            Assert.Equal(marked, cells.TryGetValue(c, out var cell) ? cell.Treatment : null);
            if (cell is not null)
            {
                Close.Equal(values[c], cell.Treated, $"{what} cell {c}");
            }
        }

        if (expected == OutlierTreatment.LogTransformed)
        {
            Assert.Equal(pass2, report.PassesAfter);
            Close.Equal(AuditFixture.Number(coinr["skew2"]), report.SkewAfter, $"{what} skew after log");
            Close.Equal(AuditFixture.Number(coinr["kurt2"]), report.KurtosisAfter, $"{what} kurtosis after log");
            Assert.All(points.Where((_, c) => !double.IsNaN(values[c])), p => Assert.EndsWith("log_CT", p));
        }
    }
}
