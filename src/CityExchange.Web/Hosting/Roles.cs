namespace CityExchange.Web.Hosting;

/// <summary>The two roles: an <see cref="Editor"/> uploads and restores data; an <see cref="Admin"/> also manages editors.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor];
}

/// <summary>Authorisation policies used by the folder conventions and the API filters.</summary>
public static class AccountPolicies
{
    /// <summary>Editor or Admin: upload, preview, confirm, restore, see the history.</summary>
    public const string Editors = "Editors";

    /// <summary>Admin only: manage editors.</summary>
    public const string Admins = "Admins";
}
