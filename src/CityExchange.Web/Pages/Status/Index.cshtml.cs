using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Status;

/// <summary>The page an error status of a page re-executes to (see <c>StatusSetup.UseStatusPages</c>); it keeps the status.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    public string? OriginalPath { get; private set; }

    /// <summary>For a 429: the seconds the refusal's <c>Retry-After</c> header asks the reader to wait.</summary>
    public int? RetryAfter { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        Response.StatusCode = Code;
        RetryAfter = int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds) ? seconds : null;
    }
}
