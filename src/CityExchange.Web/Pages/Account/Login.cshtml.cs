using System.ComponentModel.DataAnnotations;
using CityExchange.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CityExchange.Web.Pages.Account;

public enum LoginProblem
{
    None,
    InvalidCredentials,
    LockedOut,
    NotAllowed,
}

[EnableRateLimiting(RateLimits.LoginPolicy)]
public sealed class LoginModel(SignInManager<IdentityUser> signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LoginProblem Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Problem = result.IsLockedOut ? LoginProblem.LockedOut : result.IsNotAllowed ? LoginProblem.NotAllowed : LoginProblem.InvalidCredentials;
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
