using CityExchange.Core.Csv;

namespace CityExchange.Core.Tests.Csv;

public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("\n=1", "'\n=1")]
    public void Neutralise_PrefixesFormulaLikeText(string text, string expected)
    {
        Assert.True(CsvInjection.IsFormulaLike(text));
        Assert.Equal(expected, CsvInjection.Neutralise(text));
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("Beijing")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'=1")]
    [InlineData("")]
    public void Neutralise_LeavesOtherTextAlone(string text)
    {
        Assert.False(CsvInjection.IsFormulaLike(text));
        Assert.Equal(text, CsvInjection.Neutralise(text));
    }

    [Fact]
    public void Neutralise_TurnsNullIntoEmptyText() => Assert.Equal(string.Empty, CsvInjection.Neutralise(null));
}
