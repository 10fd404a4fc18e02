using CityExchange.Core.Framework;
using CityExchange.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace CityExchange.Web.Pages.Shared;

/// <summary>
/// An indicator's unit, definition and typical source in the current language (the units' Chinese in
/// IndicatorTexts.zh-CN.resx, the English glossary in IndicatorGlossary.resx).
/// </summary>
public sealed class IndicatorTexts(IStringLocalizer<IndicatorTexts> text, IStringLocalizer<IndicatorGlossary> glossary)
{
    /// <summary>The unit: framework.csv gives it in English; the Chinese comes from the resources.</summary>
    public string Unit(Indicator indicator) => text[indicator.Unit];

    public string Definition(Indicator indicator) => Glossary(indicator, "Definition", indicator.DefinitionZh);

    public string TypicalSource(Indicator indicator) => Glossary(indicator, "Source", indicator.TypicalSourceZh);

    /// <summary>Chinese from the framework; English from the glossary, falling back to the Chinese for an indicator it does not know.</summary>
    private string Glossary(Indicator indicator, string part, string chinese)
    {
        if (Localized.IsChinese)
        {
            return chinese;
        }

        var english = glossary[$"{indicator.Code}.{part}"];
        return english.ResourceNotFound ? chinese : english.Value;
    }
}
