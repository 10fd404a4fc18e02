using System.Globalization;
using System.Resources;

namespace CityExchange.Core.Resources;

/// <summary>Localised messages (en, zh-CN) for the current UI culture.</summary>
public static class Messages
{
    private static readonly ResourceManager Resources = new("CityExchange.Core.Resources.Messages", typeof(Messages).Assembly);

    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
