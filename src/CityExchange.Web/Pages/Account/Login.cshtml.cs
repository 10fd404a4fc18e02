using System.ComponentModel.DataAnnotations;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityExchange.Web.Pages.Account;

[EnableRateLimiting(RateLimits.LoginPolicy)]
public sealed class LoginModel(PasswordSignIn signIn, IOptions<RateLimitOptions> limits) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The sign-in was refused. One message for every reason (unknown, wrong, locked), so it tells a stranger nothing.</summary>
    public bool Refused { get; private set; }

    public RateLimitOptions Limits => limits.Value;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.SignInAsync(Input.Email.Trim(), Input.Password, RateLimits.ClientAddress(HttpContext)))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Refused = true;
        return Page();
    }

    public sealed record LoginInput
    {
        [Required]
        [EmailAddress]
        [StringLength(256)]
        public string Email { get; init; } = "";

        [Required]
        [DataType(DataType.Password)]
        [StringLength(256)]
        public string Password { get; init; } = "";
    }
}
