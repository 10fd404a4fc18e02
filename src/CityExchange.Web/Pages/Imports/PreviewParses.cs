using System.Globalization;
using CityExchange.Core.Csv;
using CityExchange.Web.Hosting;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.Extensions.Caching.Memory;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The parse of each pending upload, kept so that its preview is parsed once, not on every GET (a 100,000-row file took
/// a second per view). Keyed by the pending import and the language (its messages are written in it), and kept with the
/// city list and framework in force (a city upload makes a new parse); bounded by the files' sizes (64 MB of uploaded bytes) and forgotten an hour after its last view. The
/// confirmation parses the stored file again, so what is stored is exactly the file, whatever this cache holds.
/// </summary>
public sealed class PreviewParses : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024, CompactionPercentage = 0.25 });

    private int _parses;

    /// <summary>How many times a pending file was parsed (for tests).</summary>
    public int Parses => _parses;

    public IndicatorCsv GetOrParse(PendingImport pending, IndexReference reference, Func<byte[]> file)
    {
        // The messages are written in the reader's language when parsed: one parse per language.
        var key = (pending.Id, CultureInfo.CurrentUICulture.Name);
        if (_cache.TryGetValue(key, out Entry? entry) && entry is not null && entry.Reference == reference)
        {
            return entry.Parsed;
        }

        var content = file();
        var parsed = reference.CreateParser().Parse(content, pending.Year);
        Interlocked.Increment(ref _parses);
        _cache.Set(key, new Entry(reference, parsed), new MemoryCacheEntryOptions { Size = Math.Max(1, content.Length), SlidingExpiration = TimeSpan.FromHours(1) });
        return parsed;
    }

    /// <summary>Forgets a pending import's parse (confirmed or cancelled).</summary>
    public void Forget(Guid id)
    {
        foreach (var culture in LocalizationSetup.Cultures)
        {
            _cache.Remove((id, culture.Name));
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(IndexReference Reference, IndicatorCsv Parsed);
}
