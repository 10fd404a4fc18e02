namespace CityExchange.Core.Resources;

/// <summary>Localised messages (en, zh-CN) specific to covariate files; keys double as error codes.</summary>
public static class CovariateMessages
{
    public const string NoCovariateColumns = nameof(NoCovariateColumns);

    private static readonly MessageCatalogue Catalogue = new("CityExchange.Core.Resources.CovariateMessages");

    public static string Format(string key, params object?[] args) => Catalogue.Format(key, args);
}
