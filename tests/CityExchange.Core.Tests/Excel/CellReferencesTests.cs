using CityExchange.Core.Excel;

namespace CityExchange.Core.Tests.Excel;

public sealed class CellReferencesTests
{
    [Theory]
    [InlineData(0, 5, "A5")]
    [InlineData(25, 1, "Z1")]
    [InlineData(26, 1, "AA1")]
    [InlineData(701, 2, "ZZ2")]
    [InlineData(1000, 1, "ALM1")]
    [InlineData(16_383, 1_048_576, "XFD1048576")]
    public void FormatAndParseRoundTrip(int column, int row, string reference)
    {
        Assert.Equal(reference, CellReferences.Format(column, row));
        Assert.True(CellReferences.TryParse(reference, out var c, out var r));
        Assert.Equal((column, row), (c, r));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("A")]
    [InlineData("A0")]
    [InlineData("XFE1")]
    [InlineData("ABCD1")]
    [InlineData("A1B")]
    public void ParseRefusesWhatIsNotAReference(string reference) => Assert.False(CellReferences.TryParse(reference, out _, out _));

    [Fact]
    public void ParseRangeGivesItsCorners()
    {
        Assert.True(CellReferences.TryParseRange("$C$2:A1", out var from, out var to));
        Assert.Equal(((0, 1), (2, 2)), (from, to));
    }
}

public sealed class NumberFormatsTests
{
    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("yyyy\\-mm\\-dd", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("General", false)]
    [InlineData("0.00", false)]
    [InlineData("#,##0", false)]
    [InlineData("0.0\"d\"", false)]
    [InlineData("[Red]0.00;\\-0.00", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("@", false)]
    public void DateCodes(string code, bool isDate) => Assert.Equal(isDate, NumberFormats.IsDateCode(code));

    [Theory]
    [InlineData(0u, false)]
    [InlineData(3u, false)]
    [InlineData(13u, false)]
    [InlineData(14u, true)]
    [InlineData(22u, true)]
    [InlineData(23u, false)]
    [InlineData(31u, true)]
    [InlineData(45u, true)]
    [InlineData(47u, true)]
    [InlineData(49u, false)]
    [InlineData(57u, true)]
    public void BuiltInDateFormats(uint id, bool isDate) => Assert.Equal(isDate, NumberFormats.IsBuiltInDate(id));
}
