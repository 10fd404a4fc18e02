using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CityExchange.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CityExchange.Web.Pages.Admin;

/// <summary>Admins manage editors: create, reset a password, grant or remove a role, lock and unlock.</summary>
public sealed class UsersModel(UserAdministration admin) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public DateTimeOffset Now => admin.Now;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await admin.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostCreateAsync(CreateEditorInput create) =>
        RunAsync(() => admin.CreateEditorAsync(create.Email, create.Password), "created");

    public Task<IActionResult> OnPostResetPasswordAsync(ResetPasswordInput reset) =>
        RunAsync(() => admin.ResetPasswordAsync(reset.UserId, reset.Password), "password");

    public Task<IActionResult> OnPostGrantEditorAsync(UserInput target) =>
        RunAsync(() => admin.GrantEditorAsync(target.UserId), "granted");

    public Task<IActionResult> OnPostRemoveRoleAsync(RoleInput target) =>
        RunAsync(() => admin.RemoveRoleAsync(target.UserId, target.Role, ActingUserId), "removed");

    public Task<IActionResult> OnPostLockAsync(UserInput target) =>
        RunAsync(() => admin.LockAsync(target.UserId, ActingUserId), "locked");

    public Task<IActionResult> OnPostUnlockAsync(UserInput target) =>
        RunAsync(() => admin.UnlockAsync(target.UserId), "unlocked");

    private string ActingUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private async Task<IActionResult> RunAsync(Func<Task<AdminResult>> action, string done)
    {
        if (ModelState.IsValid)
        {
            var result = await action();
            if (result.Succeeded)
            {
                return RedirectToPage(new { done });
            }

            Errors = result.Errors;
        }

        Users = await admin.ListAsync(HttpContext.RequestAborted);
        return Page();
    }

    public sealed record CreateEditorInput
    {
        [Required]
        [EmailAddress]
        [StringLength(256)]
        public string Email { get; init; } = "";

        [Required]
        [StringLength(256)]
        public string Password { get; init; } = "";
    }

    public sealed record ResetPasswordInput
    {
        [Required]
        public string UserId { get; init; } = "";

        [Required]
        [StringLength(256)]
        public string Password { get; init; } = "";
    }

    public sealed record UserInput
    {
        [Required]
        public string UserId { get; init; } = "";
    }

    public sealed record RoleInput
    {
        [Required]
        public string UserId { get; init; } = "";

        [Required]
        public string Role { get; init; } = "";
    }
}
