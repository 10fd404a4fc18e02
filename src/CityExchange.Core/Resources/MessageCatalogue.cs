using System.Globalization;
using System.Resources;

namespace CityExchange.Core.Resources;

/// <summary>The message templates of one resource file (English keys, zh-CN beside them), formatted in the current UI culture.</summary>
internal sealed class MessageCatalogue(string baseName)
{
    private readonly ResourceManager _resources = new(baseName, typeof(MessageCatalogue).Assembly);

    /// <summary>The template for <paramref name="key"/> in the current UI culture (the key itself when none), with the arguments filled in.</summary>
    public string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = _resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
