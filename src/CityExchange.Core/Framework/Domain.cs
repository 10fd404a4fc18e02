namespace CityExchange.Core.Framework;

/// <summary>The four domains (一级指标) of the index, in the report's order.</summary>
public enum Domain
{
    Social = 0,
    Culture = 1,
    Trade = 2,
    Politics = 3,
}

public static class Domains
{
    public const int Count = 4;

    public static IReadOnlyList<Domain> All { get; } = [Domain.Social, Domain.Culture, Domain.Trade, Domain.Politics];

    /// <summary>The lower-case code used in CSV files, the API and URLs.</summary>
    public static string Code(this Domain domain) => domain switch
    {
        Domain.Social => "social",
        Domain.Culture => "culture",
        Domain.Trade => "trade",
        Domain.Politics => "politics",
        _ => throw new ArgumentOutOfRangeException(nameof(domain)),
    };

    public static bool TryParse(string? code, out Domain domain)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "social": domain = Domain.Social; return true;
            case "culture": domain = Domain.Culture; return true;
            case "trade": domain = Domain.Trade; return true;
            case "politics": domain = Domain.Politics; return true;
            default: domain = default; return false;
        }
    }

    public static Domain Parse(string code) =>
        TryParse(code, out var domain) ? domain : throw new FormatException($"Unknown domain '{code}'.");
}
