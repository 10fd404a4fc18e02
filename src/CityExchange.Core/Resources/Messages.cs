namespace CityExchange.Core.Resources;

/// <summary>Localised messages (en, zh-CN) for the current UI culture.</summary>
public static class Messages
{
    private static readonly MessageCatalogue Catalogue = new("CityExchange.Core.Resources.Messages");

    public static string Format(string key, params object?[] args) => Catalogue.Format(key, args);
}
