using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Account;

/// <summary>Identity's validation messages in the request's language (the admin page shows them).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["The operation failed."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["The user was changed by someone else; try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Incorrect password."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["The request has expired; try again."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["'{0}' is not a valid user name.", userName ?? ""]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["'{0}' is not a valid email address.", email ?? ""]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["An account for '{0}' already exists.", userName]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["An account for '{0}' already exists.", email]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["The user already has the role {0}.", role]);

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["The user does not have the role {0}.", role]);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["Lockout is not enabled for this user."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Passwords must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), text["Passwords must use at least {0} different characters.", uniqueChars]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
