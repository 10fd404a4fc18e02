using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Imports;

/// <summary>
/// Confirms a restore: shows what putting back import <c>id</c>'s values would change in its year (the diff against the
/// stored values); confirming restores them if the year's data did not change meanwhile.
/// </summary>
public sealed class RestoreModel(IndicatorImportService imports) : PageModel
{
    public RestorePreview Preview { get; private set; } = null!;

    /// <summary>Nothing was restored: the year's data changed since the diff was shown.</summary>
    public bool Conflict { get; private set; }

    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await imports.RestoreAsync(id, User.Identity!.Name!, new YearVersion(Input.Version), cancellationToken);
        switch (outcome.Status)
        {
            case RestoreStatus.Restored:
                return RedirectToPage("/Imports/Index", new { year = outcome.Year, restored = outcome.ImportId });
            case RestoreStatus.NotFound:
                return NotFound();
            case RestoreStatus.Conflict:
                Conflict = true;
                break;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Loads the preview; a refused restore (not accepted, or a conflict) answers 409 with the page.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Preview = (await imports.PreviewRestoreAsync(id, cancellationToken))!;
        if (Preview is not null && (Conflict || !Preview.CanRestore))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Preview is not null;
    }

    /// <summary>The version of the year's data the diff was computed against (empty when the year had no data).</summary>
    public sealed record ConfirmInput
    {
        public Guid? Version { get; init; }
    }
}
