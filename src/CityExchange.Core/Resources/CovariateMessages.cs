using System.Globalization;
using System.Resources;

namespace CityExchange.Core.Resources;

/// <summary>Localised messages (en, zh-CN) specific to covariate files; keys double as error codes.</summary>
public static class CovariateMessages
{
    public const string NoCovariateColumns = nameof(NoCovariateColumns);

    private static readonly ResourceManager Resources = new("CityExchange.Core.Resources.CovariateMessages", typeof(CovariateMessages).Assembly);

    public static string Format(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
