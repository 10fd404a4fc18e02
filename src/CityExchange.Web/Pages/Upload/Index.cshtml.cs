using System.ComponentModel.DataAnnotations;
using CityExchange.Web.Pages.Imports;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Upload;

/// <summary>Pick a year (or let the file's year column say it) and a file; the file is staged and previewed before anything is stored.</summary>
[RequestSizeLimit(UploadSetup.MaxFormBytes)]
[EnableRateLimiting(RateLimits.UploadPolicy)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadSetup.MaxFormBytes)]
public sealed class IndexModel(UploadService uploads, UploadTemplates templates) : PageModel
{
    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public bool TooLarge { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Cancelled { get; set; }

    /// <summary>The template year proposed and where a prefilled template's values come from.</summary>
    public TemplateDefaults Templates { get; private set; } = new(DateTime.UtcNow.Year, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.Items.ContainsKey(UploadSetup.TooLargeItem))
        {
            TooLarge = true;
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        Templates = await templates.DefaultsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.File is { Length: > UploadSetup.MaxFileBytes })
        {
            TooLarge = true;
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            Templates = await templates.DefaultsAsync(cancellationToken);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Templates = await templates.DefaultsAsync(cancellationToken);
            return Page();
        }

        var id = await uploads.StageAsync(new UploadRequest(Input.Year, await ReadAsync(Input.File!, cancellationToken), FileName(Input.File!), User.Identity!.Name!), cancellationToken);
        var location = Url.Page("/Upload/Preview", new { id })!;
        // The page's script posts with XMLHttpRequest (to show progress) and navigates itself.
        return Request.Headers.XRequestedWith == "XMLHttpRequest" ? new JsonResult(new { location }) : LocalRedirect(location);
    }

    public async Task<IActionResult> OnGetTemplateAsync(int year, bool prefill, string? format, CancellationToken cancellationToken)
    {
        if (year is < 1900 or > 2200 || !TemplateFormats.TryParse(format, out var kind))
        {
            return BadRequest();
        }

        var file = await templates.TemplateAsync(year, prefill, kind, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetDictionaryAsync(CancellationToken cancellationToken) =>
        File(await templates.DictionaryAsync(cancellationToken), "text/csv; charset=utf-8", "cityexchange-indicators.csv");

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The client's file name without any folder, at most 260 characters; shown HTML-encoded, never used as a path.</summary>
    private static string FileName(IFormFile file)
    {
        var name = file.FileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        if (name.Length == 0)
        {
            name = "upload.csv";
        }

        return name[..Math.Min(name.Length, 260)];
    }

    public sealed record UploadInput
    {
        [Range(1900, 2200)]
        public int? Year { get; init; }

        [Required]
        public IFormFile? File { get; init; }
    }
}
