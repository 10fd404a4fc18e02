using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CityExchange.Web.Hosting;

public static class LocalizationSetup
{
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [new("zh-CN"), new("en")];

    /// <summary>
    /// zh-CN by default; the culture comes from <c>?culture=</c> (query-string provider), then the standard culture
    /// cookie, then Accept-Language. A culture chosen in the query string is remembered in the cookie.
    /// </summary>
    public static WebApplication UseCityExchangeLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = [.. Cultures],
            SupportedUICultures = [.. Cultures],
            ApplyCurrentCultureToResponseHeaders = true,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        app.UseRequestLocalization(options);
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.ContainsKey("culture"))
            {
                var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture;
                var value = culture is null ? null : CookieRequestCultureProvider.MakeCookieValue(culture);
                // Only when it changes: a response that sets a cookie is never output-cached, and a reader who already
                // chose this language would otherwise get every ?culture= link rendered afresh.
                if (value is not null && context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] != value)
                {
                    context.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        value,
                        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
                }
            }

            await next(context);
        });
        return app;
    }
}
