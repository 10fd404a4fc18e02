using System.Globalization;
using System.Text;
using CityExchange.Core.Framework;
using CityExchange.Core.Scoring;
using CityExchange.Web.Scoring;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Scoring;

/// <summary>Bounds of the in-memory ranking cache (section <c>Performance</c>).</summary>
public sealed class PerformanceOptions
{
    public const string Section = "Performance";

    /// <summary>
    /// The cache's size limit in cells (cities × indicators of a loaded year, cities × 16 for a scored one): the default
    /// 4,000,000 holds e.g. 40 scored variants of a 5,000-city year, or thousands of the 46-city years, in about 100 MB.
    /// </summary>
    public long RankingCacheCells { get; set; } = 4_000_000;

    /// <summary>
    /// How long versions read from the database may be reused, in ms — the data stamp (the output cache's version key)
    /// and the city list's version (<see cref="Scoring.ReferenceCache"/>): at most 1,000; 0 reads them on every request.
    /// Writes through this instance take effect at once; through another instance, within this time.
    /// </summary>
    public int DataStampMilliseconds { get; set; } = 1000;
}

/// <summary>
/// Keeps loaded years (<see cref="YearData"/>) and computed rankings (<see cref="YearScores"/>) in memory. Every key
/// holds the <see cref="Store.DataYear.Version"/> of each year it was computed from — a Guid that every import and
/// restore replaces, read from the database on every request — and the <see cref="IndexReference"/> in force (replaced
/// when cities are uploaded), so an entry is never served for data that has changed, whichever app instance changed
/// it: stale entries are simply never asked for again and age out under the size limit. Entries are immutable once
/// stored (readers must not write to their arrays).
/// </summary>
public sealed class RankingCache(IOptions<PerformanceOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = options.Value.RankingCacheCells,
        CompactionPercentage = 0.25,
    });

    private int _misses;

    /// <summary>How many times an entry was computed (a miss); for tests and diagnostics.</summary>
    public int Misses => _misses;

    /// <summary>A year's data at <paramref name="version"/>, loaded once by <paramref name="load"/>.</summary>
    public async Task<YearData> GetOrLoadAsync(int year, Guid version, IndexReference reference, Func<Task<YearData>> load)
    {
        var key = new YearKey(year, version, reference);
        if (_cache.TryGetValue(key, out YearData? cached) && cached is not null)
        {
            return cached;
        }

        var data = await load();
        Interlocked.Increment(ref _misses);
        var cells = Math.Max(1, data.Cities.Count * Math.Max(data.Reference.Framework.Count, Domains.Count));
        _cache.Set(key, data, new MemoryCacheEntryOptions { Size = cells });
        return data;
    }

    /// <summary>
    /// The ranking of <paramref name="data"/> with <paramref name="options"/>, computed once by <paramref name="score"/>.
    /// <paramref name="panel"/> lists the other years whose values enter the goalposts (panel scale), so that their
    /// versions are part of the key too.
    /// </summary>
    public YearScores GetOrScore(YearData data, ScoringOptions options, IReadOnlyList<YearData> panel, Func<YearScores> score)
    {
        var key = new ScoreKey(data.Year.Year, Versions(data, options, panel), data.Reference, OptionsKey(options, data.Reference.Framework));
        if (_cache.TryGetValue(key, out YearScores? cached) && cached is not null)
        {
            return cached;
        }

        var scores = score();
        Interlocked.Increment(ref _misses);
        _cache.Set(key, scores, new MemoryCacheEntryOptions { Size = Math.Max(1, scores.Cities.Count * 16L) });
        return scores;
    }

    /// <summary>Drops every entry (the keys already make stale entries unreachable; this only frees memory).</summary>
    public void Clear() => _cache.Compact(1.0);

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// A value key for scoring options: the same text for options that score the same. Null weights are the framework's
    /// equal weights written out; numbers in round-trip form.
    /// </summary>
    public static string OptionsKey(ScoringOptions options, IndicatorFramework framework)
    {
        var weights = options.Weights ?? ScoringWeights.Equal(framework);
        var key = new StringBuilder(64 + (12 * (weights.Domain.Count + weights.Indicator.Count)));
        key.Append(options.Method.Code()).Append('|')
            .Append(options.Aggregation.Code()).Append('|')
            .Append(options.Scale.Code()).Append('|')
            .Append(options.Missing.Code()).Append('|')
            .Append(options.Winsorise.Code()).Append('|')
            .Append(options.Winsorise == Winsorisation.Conditional ? options.WinMax.ToString(CultureInfo.InvariantCulture) : "-").Append('|')
            .Append(options.MinCoverage.ToString("R", CultureInfo.InvariantCulture)).Append("|d");
        foreach (var w in weights.Domain)
        {
            key.Append(':').Append(w.ToString("R", CultureInfo.InvariantCulture));
        }

        key.Append("|i");
        foreach (var w in weights.Indicator)
        {
            key.Append(':').Append(w.ToString("R", CultureInfo.InvariantCulture));
        }

        return key.ToString();
    }

    private static string Versions(YearData data, ScoringOptions options, IReadOnlyList<YearData> panel)
    {
        if (options.Scale != ScoreScale.Panel || data.IsPublished || panel.Count == 0)
        {
            return data.Year.Version.ToString("N");
        }

        return string.Join(',', panel.Select(p => p.Year.Year.ToString(CultureInfo.InvariantCulture) + ":" + p.Year.Version.ToString("N"))
            .Prepend(data.Year.Version.ToString("N")));
    }

    private sealed record YearKey(int Year, Guid Version, IndexReference Reference);

    private sealed record ScoreKey(int Year, string Versions, IndexReference Reference, string Options);
}
