namespace CityExchange.Core.Framework;

/// <summary>
/// One of the 17 indicators (二级指标). <see cref="Polarity"/> is +1 when more is better, −1 otherwise.
/// <see cref="WholeNumber"/> is true for counts (consulates, sister cities, visits, routes, events…): a value the city
/// could reach is a whole number, so a target is one too.
/// </summary>
public sealed record Indicator(
    string Code,
    Domain Domain,
    string NameZh,
    string NameEn,
    string Unit,
    int Polarity,
    string DefinitionZh,
    string TypicalSourceZh,
    int SortOrder,
    bool WholeNumber = false);
