namespace CityExchange.Web.Pages.Share;

public static class ShareSetup
{
    /// <summary>Registers the share cards: fonts (loaded once), the renderer and the cards' content.</summary>
    public static IServiceCollection AddShare(this IServiceCollection services)
    {
        services.AddOptions<ShareOptions>().BindConfiguration(ShareOptions.Section);
        services.AddSingleton<ShareFonts>();
        services.AddSingleton<ShareCardRenderer>();
        services.AddScoped<ShareCards>();
        return services;
    }
}
