using System.Globalization;
using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using Microsoft.AspNetCore.Html;

namespace CityExchange.Web.Hosting;

/// <summary>Picks the Chinese or English name of domain data for the current UI culture, and formats scores per culture.</summary>
public static class Localized
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Text quoted into a page (a Chinese name, a sheet's name), encoded; on an English page, text with Chinese characters
    /// is marked <c>lang="zh-CN"</c>, so screen readers pronounce it as Chinese.
    /// </summary>
    public static IHtmlContent Quoted(string text) => new HtmlString(
        IsChinese || !text.Any(c => c is >= '\u3400' and <= '\u9FFF')
            ? System.Net.WebUtility.HtmlEncode(text)
            : $"<span lang=\"zh-CN\">{System.Net.WebUtility.HtmlEncode(text)}</span>");

    public static string Name(City city) => IsChinese ? city.NameZh : city.NameEn;

    public static string Region(City city) => IsChinese ? city.RegionZh : city.RegionEn;

    public static string Province(City city) => IsChinese ? city.ProvinceZh : city.ProvinceEn;

    public static string Name(Indicator indicator) => IsChinese ? indicator.NameZh : indicator.NameEn;

    public static string Name(Domain domain) => IsChinese ? DomainInfo.Of(domain).NameZh : DomainInfo.Of(domain).NameEn;

    /// <summary>A 0–100 score to one decimal in the current culture; a dash when missing.</summary>
    public static string Score(double? score) =>
        score is { } s && !double.IsNaN(s) ? s.ToString("F1", CultureInfo.CurrentCulture) : "—";

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A raw value with group separators and up to two decimals; a dash when missing.</summary>
    public static string Value(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—";

    /// <summary>A value as stored, every decimal kept (up to ten), with group separators; a dash when missing.</summary>
    public static string ExactValue(double? value) =>
        value is { } v && !double.IsNaN(v) ? v.ToString("#,##0.##########", CultureInfo.CurrentCulture) : "—";

    /// <summary>The name of the city with this code or name, or the text itself when the directory does not know it.</summary>
    public static string CityName(CityDirectory cities, string? code) =>
        code is not null && cities.TryResolve(code, out var city) ? Name(city) : code ?? "";

    /// <summary>The name of the indicator with this code, or the code itself when the framework does not know it.</summary>
    public static string IndicatorName(IndicatorFramework framework, string? code) =>
        code is not null && framework.TryGet(code, out var indicator) ? Name(indicator) : code ?? "";
}
