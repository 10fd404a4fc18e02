using CityExchange.Core.Csv;
using CityExchange.Core.Resources;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

public sealed class ImportReviewTests
{
    private static ParsedValue V(string city, string indicator, double value) => new(city, indicator, value, null);

    [Fact]
    public void Diff_SortsValuesIntoAddedChangedRemovedAndUnchanged()
    {
        var stored = new[] { V("beijing", "consulates", 3), V("beijing", "odi", 1), V("shanghai", "consulates", 4) };
        var incoming = new[] { V("beijing", "consulates", 5), V("beijing", "odi", 1), V("tianjin", "consulates", 7) };

        var diff = ImportReview.Diff(incoming, stored);

        Assert.Equal(
            [
                new ValueChange(ValueChangeKind.Changed, "beijing", "consulates", 3, 5),
                new ValueChange(ValueChangeKind.Removed, "shanghai", "consulates", 4, null),
                new ValueChange(ValueChangeKind.Added, "tianjin", "consulates", null, 7),
            ],
            diff.Changes);
        Assert.Equal((1, 1, 1, 1), (diff.Added, diff.Changed, diff.Removed, diff.Unchanged));
    }

    [Theory]
    [InlineData(10, 100, false)]
    [InlineData(10, 100.01, true)]
    [InlineData(10, 1, false)]
    [InlineData(10, 0.99, true)]
    [InlineData(0, 1000, false)]
    public void Warnings_JumpIsMoreThanTenTimesOrLessThanATenthOfThePreviousValue(double before, double now, bool warned)
    {
        var warnings = ImportReview.Warnings(TestData.Framework, [V("beijing", "consulates", now)], [new PreviousValue(2020, "beijing", "consulates", before)]);

        Assert.Equal(warned, warnings.Any(w => w.Code == ImportReview.Jump));
    }

    [Fact]
    public void Warnings_JumpComparesWithTheLatestEarlierYearWithAValue()
    {
        var previous = new[] { new PreviousValue(2018, "beijing", "consulates", 1), new PreviousValue(2020, "beijing", "consulates", 50) };

        var warnings = ImportReview.Warnings(TestData.Framework, [V("beijing", "consulates", 60)], previous);

        Assert.DoesNotContain(warnings, w => w.Code == ImportReview.Jump);
    }

    [Fact]
    public void Warnings_ConstantIndicatorAndLowCoverage()
    {
        var nine = TestData.Framework.Indicators.Take(9).Select(i => i.Code).ToList();
        var incoming = nine.SelectMany((code, k) => new[] { V("beijing", code, k + 1), V("shanghai", code, code == nine[0] ? 1 : k + 2) })
            .Append(V("tianjin", nine[1], 3)).ToList();

        var warnings = ImportReview.Warnings(TestData.Framework, incoming, []);

        // beijing and shanghai have 9 of 17 (≥ 50%), tianjin 1 of 17; nine[0] is 1 for both cities that have it → constant.
        Assert.Equal([(ImportReview.Constant, (string?)null, (string?)nine[0]), (ImportReview.LowCoverage, "tianjin", null)],
            warnings.Select(w => (w.Code, w.CityCode, w.IndicatorCode)));
    }

    [Fact]
    public void Parse_WithoutAYearAnywhereIsYearMissing()
    {
        var result = new IndicatorCsvParser(TestData.Framework, TestData.Directory).Parse(CsvFile.Utf8("city,odi", "beijing,4"), null);

        Assert.Equal(MessageKey.YearMissing, Assert.Single(result.Errors).Code);
    }
}
