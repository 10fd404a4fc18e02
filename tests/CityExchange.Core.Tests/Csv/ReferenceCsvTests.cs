using CityExchange.Core.Csv;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Csv;

public sealed class ReferenceCsvTests
{
    private const string Header = "domain,code,name_zh,name_en,unit,polarity,definition_zh,typical_source_zh,whole_number";

    [Fact]
    public void Framework_MarksTheCountIndicatorsAsWholeNumbers()
    {
        // Counted in persons, routes, events, passports, institutions, restaurants, enterprises, visits, consulates,
        // organisations or cities; the three money amounts (100 million USD or CNY) are not whole numbers.
        string[] counts =
        [
            "foreign_residents", "intl_flights", "intl_conferences", "intl_exhibitions", "passports", "intl_performances", "foreign_language",
            "foreign_restaurants", "foreign_firms", "joint_ventures", "leader_visits", "consulates", "intl_orgs", "sister_cities",
        ];

        Assert.Equal(counts, TestData.Framework.Indicators.Where(i => i.WholeNumber).Select(i => i.Code));
        Assert.Equal(["trade_volume", "foreign_tax", "odi"], TestData.Framework.Indicators.Where(i => !i.WholeNumber).Select(i => i.Code));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData(" 1 ", true)]
    public void ReadFramework_ReadsTheWholeNumberColumn(string cell, bool expected)
    {
        var indicators = ReferenceCsv.ReadFramework(new StringReader($"{Header}\npolitics,consulates,领事馆数量,Foreign consulates,consulates,1,定义,来源,{cell}\n"));

        Assert.Equal(expected, Assert.Single(indicators).WholeNumber);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("")]
    [InlineData("2")]
    public void ReadFramework_RefusesAWholeNumberFlagThatIsNotZeroOrOne(string cell)
    {
        var csv = $"{Header}\npolitics,consulates,领事馆数量,Foreign consulates,consulates,1,定义,来源,{cell}\n";

        Assert.Throws<FormatException>(() => ReferenceCsv.ReadFramework(new StringReader(csv)));
    }
}
