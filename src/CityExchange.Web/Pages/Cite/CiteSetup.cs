namespace CityExchange.Web.Pages.Cite;

public static class CiteSetup
{
    /// <summary>Registers what builds a page's citation ("Cite this page", <c>/cite</c>).</summary>
    public static IServiceCollection AddCite(this IServiceCollection services) => services.AddScoped<CitationSource>();
}
