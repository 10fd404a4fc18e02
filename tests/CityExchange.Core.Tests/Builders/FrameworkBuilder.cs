using CityExchange.Core.Framework;

namespace CityExchange.Core.Tests.Builders;

/// <summary>Builds small frameworks for hand-computed cases: <c>new FrameworkBuilder().Social("a").Social("b").Trade("c").Build()</c>.</summary>
public sealed class FrameworkBuilder
{
    private readonly List<Indicator> _indicators = [];

    public FrameworkBuilder Add(string code, Domain domain, int polarity = 1, bool wholeNumber = false)
    {
        _indicators.Add(new Indicator(code, domain, code, code, "unit", polarity, "", "", _indicators.Count, wholeNumber));
        return this;
    }

    public FrameworkBuilder Social(string code, int polarity = 1, bool wholeNumber = false) => Add(code, Domain.Social, polarity, wholeNumber);

    public FrameworkBuilder Culture(string code, int polarity = 1, bool wholeNumber = false) => Add(code, Domain.Culture, polarity, wholeNumber);

    public FrameworkBuilder Trade(string code, int polarity = 1, bool wholeNumber = false) => Add(code, Domain.Trade, polarity, wholeNumber);

    public FrameworkBuilder Politics(string code, int polarity = 1, bool wholeNumber = false) => Add(code, Domain.Politics, polarity, wholeNumber);

    public IndicatorFramework Build() => new(_indicators);
}
