using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CityExchange.Web.Scoring;
using CityExchange.Web.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Hosting;

/// <summary>
/// The version of what a public page shows, the output cache's key beside the URL and culture: the version of the city
/// list that <see cref="ReferenceCache"/> holds (replaced by each city upload), every stored year with its kind and
/// demo flag (what the year pickers list), the versions of the published years, and the
/// <see cref="DataYear.Version"/> (replaced by each import and restore) of the years the page reads. An endpoint marked
/// with <see cref="YearScopeAttribute"/> reads the year it shows — the route's or query's <c>year</c>, else the one its
/// rule picks — and, if it shows movements, the stored year before it; any other endpoint, or one asked for the panel scale (whose
/// goalposts come from every year), reads every year. So an upload into 2020 leaves the cached pages of 2030 alone.
/// <para>
/// The versions are re-read at most every <see cref="PerformanceOptions.DataStampMilliseconds"/> (1 s; 0 = every
/// request). A write committed through this instance (<see cref="DataChangeInterceptor"/>) drops them at once, so this
/// instance never serves a page older than its own last import; another instance on the same database sees it within
/// that second.
/// </para>
/// </summary>
public sealed class DataStamp(IOptions<PerformanceOptions> options)
{
    private readonly long _lifetime = Stopwatch.Frequency * Math.Clamp(options.Value.DataStampMilliseconds, 0, 1000) / 1000;
    private long _changes;
    private Versions? _cached;

    /// <summary>Forgets the versions: the next request reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _changes);
        _cached = null;
    }

    /// <summary>The stamp of every year (what an endpoint without a <see cref="YearScopeAttribute"/> reads).</summary>
    public async ValueTask<string> GetAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        (await ReadAsync(services, cancellationToken)).All;

    /// <summary>The stamp of what the request's endpoint reads (see the class).</summary>
    public async ValueTask<string> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var versions = await ReadAsync(context.RequestServices, cancellationToken);
        var scope = context.GetEndpoint()?.Metadata.GetMetadata<YearScopeAttribute>();
        if (scope is null || context.Request.Query["scale"].Any(s => string.Equals(s?.Trim(), "panel", StringComparison.OrdinalIgnoreCase)))
        {
            return versions.All;
        }

        // As model binding reads it: the route's value, else the query's first (an unreadable one asks for none).
        var requested = context.Request.RouteValues.TryGetValue("year", out var route) ? YearOf(route as string) : YearOf(context.Request.Query["year"].FirstOrDefault());
        var shown = YearCatalogue.Pick(versions.Options, requested, scope.Rule);
        if (shown is null)
        {
            return versions.Common + "|none";
        }

        var index = versions.Options.IndexOf(shown);
        var stamp = new StringBuilder(versions.Common, versions.Common.Length + 90);
        Append(stamp.Append("|shown"), versions.Rows[index]);
        if (scope.WithPreviousYear && index > 0)
        {
            Append(stamp.Append("|before"), versions.Rows[index - 1]);
        }

        return stamp.ToString();
    }

    private async ValueTask<Versions> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_cached is { } cached && Stopwatch.GetTimestamp() - cached.At < _lifetime)
        {
            return cached;
        }

        var changes = Interlocked.Read(ref _changes);
        var db = services.GetRequiredService<CityExchangeDbContext>();
        var (_, cities) = await services.GetRequiredService<ReferenceCache>().GetVersionedAsync(db, cancellationToken);
        // Not a compiled query: one compiled against the SQLite model cannot run on the PostgreSQL context (both live in
        // the provider tests' process); EF Core's query cache makes the plain query about as cheap.
        var rows = await db.Set<DataYear>().AsNoTracking().OrderBy(y => y.Year)
            .Select(y => new YearVersionRow(y.Year, y.Version, y.Kind, y.IsDemo))
            .ToListAsync(cancellationToken);

        var all = new StringBuilder(40 + (rows.Count * 40)).Append(cities.ToString("N"));
        var common = new StringBuilder(40 + (rows.Count * 12)).Append(cities.ToString("N"));
        foreach (var row in rows)
        {
            Append(all, row);
            common.Append('|').Append(row.Year.ToString(CultureInfo.InvariantCulture)).Append(row.Kind.Code()).Append(row.IsDemo ? "d" : "");
        }

        foreach (var row in rows.Where(r => r.Kind == YearKind.Published))
        {
            Append(common.Append("|published"), row);
        }

        var result = new Versions(all.ToString(), common.ToString(), rows, [.. rows.Select(r => new YearOption(r.Year, r.Kind, r.IsDemo))], Stopwatch.GetTimestamp());
        // Kept only if nothing was committed meanwhile (else it may predate that write).
        if (_lifetime > 0 && Interlocked.Read(ref _changes) == changes)
        {
            _cached = result;
        }

        return result;
    }

    private static StringBuilder Append(StringBuilder stamp, YearVersionRow row) =>
        stamp.Append('|').Append(row.Year.ToString(CultureInfo.InvariantCulture)).Append(':').Append(row.Version.ToString("N"));

    private static int? YearOf(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>
    /// The versions read at <see cref="At"/>: <see cref="All"/> every year's, <see cref="Common"/> what every page's stamp
    /// holds (the city list, the years with their kinds, the published years' versions).
    /// </summary>
    private sealed record Versions(string All, string Common, List<YearVersionRow> Rows, List<YearOption> Options, long At);

    private sealed record YearVersionRow(int Year, Guid Version, YearKind Kind, bool IsDemo);
}

/// <summary>
/// Marks a cached page or endpoint that reads one year (and, with <see cref="WithPreviousYear"/>, the stored year before
/// it, for movements): its output-cache entries are keyed by those years' versions only (<see cref="DataStamp"/>).
/// <see cref="Rule"/> is the page's rule for the year it shows when none is asked for; it must be the rule the page
/// itself uses.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class YearScopeAttribute(YearRule rule) : Attribute
{
    public YearRule Rule { get; } = rule;

    /// <summary>The page shows movements since the previous stored year (<c>PageYears.PreviousAsync</c>).</summary>
    public bool WithPreviousYear { get; init; }
}

/// <summary>Drops the <see cref="DataStamp"/> whenever this instance saves changes or commits a transaction.</summary>
public sealed class DataChangeInterceptor(DataStamp stamp) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        stamp.Invalidate();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => stamp.Invalidate();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return Task.CompletedTask;
    }
}
