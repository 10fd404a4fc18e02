using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// The import history, newest first, with filters: the live import of each year is marked, an upload's file can be
/// downloaded as it was sent, and an accepted import's data can be restored (after a confirmation page, /Imports/Restore).
/// </summary>
public sealed class IndexModel(ImportHistory history) : PageModel
{
    public const int PageSize = 100;

    public HistoryQuery Query { get; private set; } = new();

    public IReadOnlyList<ImportHistoryItem> Items { get; private set; } = [];

    public IReadOnlyList<string> Users { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>For each year, the import whose values it holds now, and where they came from.</summary>
    public LiveImports Live { get; private set; } = new(new HashSet<long>(), new HashSet<long>());

    public int Total { get; private set; }

    public async Task OnGetAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        Query = query with { Page = Math.Max(1, query.Page) };
        var filter = new ImportFilter(Query.Year, Query.Status, Query.User);
        Total = await history.CountAsync(filter, cancellationToken);
        Items = await history.ListAsync(filter, (Query.Page - 1) * PageSize, PageSize, cancellationToken);
        Users = await history.UsersAsync(cancellationToken);
        Years = await history.YearsAsync(cancellationToken);
        Live = await history.LiveAsync(cancellationToken);
    }

    /// <summary>The file import <paramref name="id"/> was made from, byte for byte as uploaded.</summary>
    public async Task<IActionResult> OnGetOriginalAsync(long id, CancellationToken cancellationToken) =>
        await history.OriginalAsync(id, cancellationToken) is { } file
            ? File(file.Content, UploadedFile.ContentType, file.FileName)
            : NotFound();

    /// <summary>Filters from the query string; <see cref="Done"/> and <see cref="Restored"/> name a just-stored import.</summary>
    public sealed record HistoryQuery
    {
        public int? Year { get; init; }

        public string? Status { get; init; }

        public string? User { get; init; }

        public int Page { get; init; } = 1;

        public long? Done { get; init; }

        public long? Restored { get; init; }
    }
}
