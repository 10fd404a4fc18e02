namespace CityExchange.Core.Framework;

/// <summary>A domain with its names in both languages.</summary>
public sealed record DomainInfo(Domain Domain, string NameZh, string NameEn)
{
    public string Code => Domain.Code();

    public static IReadOnlyList<DomainInfo> All { get; } =
    [
        new(Domain.Social, "社会领域", "Social"),
        new(Domain.Culture, "文化领域", "Culture"),
        new(Domain.Trade, "经贸领域", "Trade"),
        new(Domain.Politics, "政治领域", "Politics"),
    ];

    public static DomainInfo Of(Domain domain) => All[(int)domain];
}
