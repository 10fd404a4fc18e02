namespace CityExchange.Core.Framework;

/// <summary>
/// The indicator framework: the ordered indicators and, for the scoring engine, each indicator's domain index.
/// Indicator order is the framework file's order and is the column order of every score matrix.
/// </summary>
public sealed class IndicatorFramework
{
    private readonly Dictionary<string, int> _indexByCode;

    public IndicatorFramework(IEnumerable<Indicator> indicators)
    {
        Indicators = [.. indicators.OrderBy(i => i.SortOrder)];
        if (Indicators.Count == 0)
        {
            throw new ArgumentException("A framework needs at least one indicator.", nameof(indicators));
        }

        _indexByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (!_indexByCode.TryAdd(Indicators[i].Code, i))
            {
                throw new ArgumentException($"Duplicate indicator code '{Indicators[i].Code}'.", nameof(indicators));
            }
        }

        DomainOf = [.. Indicators.Select(i => (int)i.Domain)];
        IndicatorsPerDomain = new int[Domains.Count];
        foreach (var d in DomainOf)
        {
            IndicatorsPerDomain[d]++;
        }
    }

    public IReadOnlyList<Indicator> Indicators { get; }

    public int Count => Indicators.Count;

    /// <summary>Domain index (0–3) of each indicator, by indicator position.</summary>
    public int[] DomainOf { get; }

    /// <summary>Number of indicators in each domain, by domain index.</summary>
    public int[] IndicatorsPerDomain { get; }

    public int IndexOf(string code) => _indexByCode.TryGetValue(code, out var i) ? i : -1;

    public bool TryGet(string code, out Indicator indicator)
    {
        if (_indexByCode.TryGetValue(code.Trim(), out var i))
        {
            indicator = Indicators[i];
            return true;
        }

        indicator = null!;
        return false;
    }

    public IEnumerable<Indicator> InDomain(Domain domain) => Indicators.Where(i => i.Domain == domain);
}
