using System.Text;
using CityExchange.Core.Analysis;
using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

/// <summary>
/// A file with an error on every row reports the first 1,000 errors (by row) and how many there were, so a 100,000-row
/// file of junk gives a bounded answer instead of hundreds of megabytes of messages.
/// </summary>
public sealed class BoundedIssuesTests
{
    private static byte[] HeaderAndJunk(string header, string row, int rows = 100_000)
    {
        var text = new StringBuilder(header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(row).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public void MaxReportedIsAThousand() => Assert.Equal(1000, CsvIssueLimit.MaxReported);

    [Fact]
    public void IndicatorFile_OfJunkRowsKeepsTheFirstThousandErrorsAndCountsThemAll()
    {
        // Each line "x" is a ragged row (1 cell, the header has 2) naming an unknown city: two errors per row.
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(HeaderAndJunk("city,odi", "x"), 2020);

        Assert.False(result.IsValid);
        Assert.Equal(200_000, result.ErrorCount);
        Assert.Equal(1000, result.Errors.Count);
        Assert.Equal((2, MessageKey.RaggedRow), (result.Errors[0].Row, result.Errors[0].Code));
        Assert.Equal((2, MessageKey.UnknownCity), (result.Errors[1].Row, result.Errors[1].Code));
        Assert.Equal(501, result.Errors[^1].Row);
        Assert.Equal(100_000, result.Rows.Count);
    }

    [Fact]
    public void IndicatorFile_TheThousandKeptAreTheFirstByRowWhateverOrderTheyWereFoundIn()
    {
        // Row 2 is not a number; rows 3–1501 repeat the city and are not numbers; the last line's bad quote is its only error.
        // The CSV reader finds that one before any cell is checked, yet it is not among the first 1,000 by row.
        var text = Encoding.UTF8.GetString(HeaderAndJunk("city,odi", "beijing,x", 1500)) + "shanghai,\"1\"2\r\n";
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(Encoding.UTF8.GetBytes(text), 2020);

        Assert.Equal(1 + (1499 * 2) + 1, result.ErrorCount);
        Assert.Equal(1000, result.Errors.Count);
        Assert.DoesNotContain(result.Errors, e => e.Code == MessageKey.BadQuote);
        Assert.Equal(
            [(2, MessageKey.NotANumber), (3, MessageKey.DuplicateCity), (3, MessageKey.NotANumber), (4, MessageKey.DuplicateCity)],
            result.Errors.Take(4).Select(e => (e.Row, e.Code)));
        Assert.Equal((502, MessageKey.DuplicateCity), (result.Errors[^1].Row, result.Errors[^1].Code));
    }

    [Fact]
    public void IndicatorFile_TooManyRowsIsKeptAfterAThousandEarlierErrors()
    {
        // 2,001 rows of one city with a limit of 2,000: rows 3–2001 repeat it, and the file has too many rows. That
        // last error is about the whole file: it is kept, in place of the latest repeat.
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(HeaderAndJunk("city,odi", "beijing,1", 2001), 2020, maxRows: 2000);

        Assert.Equal(2000, result.ErrorCount);
        Assert.Equal(1000, result.Errors.Count);
        Assert.Equal((2002, MessageKey.TooManyRows), (result.Errors[^1].Row, result.Errors[^1].Code));
        Assert.Equal((1001, MessageKey.DuplicateCity), (result.Errors[^2].Row, result.Errors[^2].Code));
    }

    [Fact]
    public void IndicatorFile_SmallFileReportsEveryErrorAndTheSameCount()
    {
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(CsvFile.Utf8("city,odi,consulates", "Gotham,x,-1", "beijing,1,2"), 2020);

        Assert.Equal([MessageKey.UnknownCity, MessageKey.NotANumber, MessageKey.Negative], result.Errors.Select(e => e.Code));
        Assert.Equal(3, result.ErrorCount);
    }

    [Fact]
    public void IndicatorFile_ValidFileHasErrorCountZero()
    {
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(CsvFile.Utf8("city,odi", "beijing,1"), 2020);

        Assert.True(result.IsValid);
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void IndicatorFile_NoticesAreBoundedTooAndCounted()
    {
        // Every row reads a full-width "１" (a notice); all rows but the first repeat the city (an error).
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(HeaderAndJunk("city,odi", "beijing,１"), 2020);

        Assert.Equal(100_000, result.NoticeCount);
        Assert.Equal(1000, result.Notices.Count);
        Assert.Equal(99_999, result.ErrorCount);
        Assert.Equal(1001, result.Notices[^1].Row);
    }

    [Fact]
    public void CityFile_OfJunkRowsKeepsTheFirstThousandErrors()
    {
        // "X": a ragged row, an invalid code (upper case) and seven empty required cells: nine errors per row.
        var result = CityCsvParser.Parse(HeaderAndJunk(string.Join(',', CityCsvParser.ColumnNames), "X"));

        Assert.Equal(900_000, result.ErrorCount);
        Assert.Equal(1000, result.Errors.Count);
        Assert.Empty(result.Cities);
    }

    [Fact]
    public void CovariateFile_OfJunkRowsKeepsTheFirstThousandErrors()
    {
        var result = new CovariateCsvParser(TestData.Directory).Parse(HeaderAndJunk("city,gdp", "x"), 2020);

        Assert.Equal(200_000, result.ErrorCount);
        Assert.Equal(1000, result.Errors.Count);
        Assert.Equal(100_000, result.Rows);
    }

    [Fact]
    public void SmallCityAndCovariateFilesCountEveryError()
    {
        Assert.Equal(1, CityCsvParser.Parse(CsvFile.Utf8(string.Join(',', CityCsvParser.ColumnNames))).ErrorCount);
        Assert.Equal(2, new CovariateCsvParser(TestData.Directory).Parse(CsvFile.Utf8("city,gdp", "atlantis,x"), 2020).ErrorCount);
    }

    [Fact]
    public void ImportWarnings_AreBoundedWithTheIndicatorWarningsFirst()
    {
        // 1,500 cities each with one value, ten times last year's: a jump and low coverage each; consulates is constant.
        var cities = Enumerable.Range(0, 1500).Select(i => $"c{i:D4}").ToList();
        var incoming = cities.Select(c => new ParsedValue(c, "consulates", 100, null)).ToList();
        var previous = cities.Select(c => new PreviousValue(2019, c, "consulates", 1));

        var review = ImportReview.Review(TestData.Framework, incoming, previous);

        Assert.Equal(3001, review.WarningCount);
        Assert.Equal(1000, review.Warnings.Count);
        Assert.Equal((ImportReview.Constant, "consulates"), (review.Warnings[0].Code, review.Warnings[0].IndicatorCode));
        Assert.Equal((ImportReview.Jump, "c0000"), (review.Warnings[1].Code, review.Warnings[1].CityCode));
        Assert.Equal(review.Warnings, ImportReview.Warnings(TestData.Framework, incoming, previous));
    }
}
