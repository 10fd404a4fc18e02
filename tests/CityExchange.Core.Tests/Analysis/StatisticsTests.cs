using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

public sealed class StatisticsTests
{
    /// <summary>
    /// Expected r and two-sided p from scipy.stats.pearsonr (SciPy 1.10.1) on the published 2013 domain scores.
    /// They differ from the report's printed table (.649, .614, .748, .482, .581, .624): see docs/analysis.md.
    /// </summary>
    [Theory]
    [InlineData(0, 1, 0.6543686252, 8.118745e-07)]
    [InlineData(0, 2, 0.5978753589, 1.146553e-05)]
    [InlineData(0, 3, 0.7593908148, 9.493698e-10)]
    [InlineData(1, 2, 0.4818516070, 6.973049e-04)]
    [InlineData(1, 3, 0.6020115313, 9.607812e-06)]
    [InlineData(2, 3, 0.6008356054, 1.010554e-05)]
    public void Pearson_On2013MatchesSciPy(int i, int j, double r, double p)
    {
        var matrix = DomainCorrelations.Pearson(Published2013.Sheet());

        Assert.Equal(46, matrix.N);
        Assert.Equal(r, matrix.R[i, j], 9);
        Assert.Equal(r, matrix.R[j, i], 9);
        Assert.Equal(1, matrix.P[i, j] / p, 5);
        Assert.Equal(1.0, matrix.R[i, i]);
    }

    /// <summary>Expected from scipy.stats.spearmanr (SciPy 1.10.1) on the same scores.</summary>
    [Theory]
    [InlineData(0, 1, 0.6317576100, 2.496424e-06)]
    [InlineData(1, 2, 0.4352977683, 2.499292e-03)]
    public void Spearman_On2013MatchesSciPy(int i, int j, double rho, double p)
    {
        var matrix = DomainCorrelations.Spearman(Published2013.Sheet());

        Assert.Equal(rho, matrix.R[i, j], 9);
        Assert.Equal(1, matrix.P[i, j] / p, 5);
    }

    [Fact]
    public void TwoSidedP_OfTheReportsCultureTradeCoefficientIsAsPrinted()
    {
        // The report prints .001 for r = .482, N = 46; scipy: 2·t.sf(.482·√(44/(1−.482²)), 44) = 0.0006942695748746974.
        Assert.Equal(0.0006942695748746974, DomainCorrelations.TwoSidedP(.482, 46), 12);
        Assert.True(double.IsNaN(DomainCorrelations.TwoSidedP(.5, 2)));
        Assert.Equal(0, DomainCorrelations.TwoSidedP(1, 10));
    }

    [Fact]
    public void Pearson_UsesOnlyCitiesWithAllFourDomains()
    {
        var sheet = Published2013.SheetOf([1, 2, 3, 4], [2, 4, 5, 9], [3, 5, 8, 10], [4, double.NaN, 1, 1]);

        var matrix = DomainCorrelations.Pearson(sheet);

        Assert.Equal(3, matrix.N);
        Assert.Equal(Domains.All, matrix.Domains);
        // social 1,2,3 vs culture 2,4,5: r = 3/√(2·4.6667) (hand computation: Sxy = 3, Sxx = 2, Syy = 14/3).
        Assert.Equal(3 / Math.Sqrt(2 * 14.0 / 3), matrix.R[0, 1], 12);
    }

    /// <summary>Expected from scipy.stats.linregress and the t-based band (scipy.stats.t.ppf(0.975, 6)) on the same 8 points.</summary>
    [Fact]
    public void Regression_MatchesSciPy()
    {
        double[] x = [3, 7, 1, 9, 4, 12, 6, 10];
        double[] y = [20.5, 31, 14.2, 40.8, 22, 52.3, 30.1, 38.9];

        var fit = LinearRegression.Fit(x, y)!;

        Assert.Equal(8, fit.N);
        Assert.Equal(3.2795918367346943, fit.Slope, 10);
        Assert.Equal(9.907653061224487, fit.Intercept, 10);
        Assert.Equal(0.9851694223651167, fit.R, 12);
        Assert.Equal(0.9705587907632177, fit.RSquared, 12);
        Assert.Equal(0.2331906159995576, fit.SlopeStandardError, 12);
        Assert.Equal(1, fit.SlopeP / 8.064380354413295e-06, 6);
        // MathNet's StudentT.InvCDF is accurate to about 1e-9.
        Assert.Equal(2.4469118487916806, fit.TCritical, 8);
        var (lower, upper) = fit.ConfidenceBand(1.0);
        Assert.Equal(9.467408336880482, lower, 7);
        Assert.Equal(16.90708145903788, upper, 7);
        (lower, upper) = fit.ConfidenceBand(15.0);
        Assert.Equal(53.856382598909946, lower, 7);
        Assert.Equal(64.34667862557986, upper, 7);
    }

    [Fact]
    public void Regression_SkipsMissingPairsAndNeedsThreePoints()
    {
        Assert.Null(LinearRegression.Fit([1, 2, double.NaN], [1, 2, 3]));
        Assert.Null(LinearRegression.Fit([5, 5, 5], [1, 2, 3]));
        Assert.Equal(3, LinearRegression.Fit([1, 2, 3, double.NaN], [2, 4, 7, 1])!.N);
    }
}
