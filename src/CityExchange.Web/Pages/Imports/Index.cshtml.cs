using CityExchange.Web.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Imports;

/// <summary>The import history, newest first, with filters; an accepted import's data can be restored.</summary>
public sealed class IndexModel(ImportHistory history, IndicatorImportService imports) : PageModel
{
    public const int PageSize = 100;

    public HistoryQuery Query { get; private set; } = new();

    public IReadOnlyList<ImportHistoryItem> Items { get; private set; } = [];

    public IReadOnlyList<string> Users { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>The restore was refused: the import was not accepted.</summary>
    public bool RestoreRefused { get; private set; }

    public async Task OnGetAsync(HistoryQuery query, CancellationToken cancellationToken) => await LoadAsync(query, cancellationToken);

    public async Task<IActionResult> OnPostRestoreAsync(RestoreInput restore, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(new HistoryQuery(), cancellationToken);
            return Page();
        }

        var outcome = await imports.RestoreAsync(restore.ImportId, User.Identity!.Name!, cancellationToken);
        switch (outcome.Status)
        {
            case RestoreStatus.Restored:
                return RedirectToPage(new { year = outcome.Year, restored = outcome.ImportId });
            case RestoreStatus.NotFound:
                return NotFound();
            default:
                RestoreRefused = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(new HistoryQuery(), cancellationToken);
                return Page();
        }
    }

    private async Task LoadAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        Query = query with { Page = Math.Max(1, query.Page) };
        var filter = new ImportFilter(Query.Year, Query.Status, Query.User);
        Total = await history.CountAsync(filter, cancellationToken);
        Items = await history.ListAsync(filter, (Query.Page - 1) * PageSize, PageSize, cancellationToken);
        Users = await history.UsersAsync(cancellationToken);
        Years = await history.YearsAsync(cancellationToken);
    }

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

    public sealed record RestoreInput
    {
        public long ImportId { get; init; }
    }
}
