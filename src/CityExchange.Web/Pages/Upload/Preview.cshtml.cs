using CityExchange.Web.Pages.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Upload;

/// <summary>The preview of a staged upload: confirm stores it (if the year's data did not change meanwhile), cancel discards it.</summary>
public sealed class PreviewModel(UploadService uploads) : PageModel
{
    public UploadPreview Preview { get; private set; } = null!;

    /// <summary>The confirmation was refused because the year's data changed since the preview was shown.</summary>
    public bool Conflict { get; private set; }

    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await uploads.ConfirmAsync(id, new YearVersion(Input.Version), User.Identity!.Name!, cancellationToken);
        switch (outcome.Status)
        {
            case ConfirmStatus.Accepted:
                return RedirectToPage("/Imports/Index", new { year = outcome.Year, done = outcome.ImportId });
            case ConfirmStatus.Conflict:
                Conflict = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case ConfirmStatus.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await uploads.CancelAsync(id, cancellationToken);
        return RedirectToPage("/Upload/Index", new { cancelled = true });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Preview = (await uploads.PreviewAsync(id, cancellationToken))!;
        return Preview is not null;
    }

    /// <summary>The version of the year's data the preview was computed against (empty when the year had no data).</summary>
    public sealed record ConfirmInput
    {
        public Guid? Version { get; init; }
    }
}
