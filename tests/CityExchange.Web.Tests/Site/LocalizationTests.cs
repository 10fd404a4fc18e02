using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CityExchange.Web.Tests.Site;

/// <summary>Every string a dashboard view localises has a Chinese translation in the view's own resource file.</summary>
public sealed partial class LocalizationTests
{
    public static TheoryData<string> Views =>
    [
        "Overview/Index.cshtml", "Rankings/Index.cshtml", "Cities/Profile.cshtml", "Compare/Index.cshtml", "Methodology/Index.cshtml",
        "Status/Index.cshtml", "Shared/_YearPicker.cshtml", "Shared/_Movement.cshtml", "Shared/_RankHistory.cshtml",
        "Shared/_RankConflict.cshtml", "Analysis/Report.cshtml", "Analysis/Scenarios.cshtml", "Analysis/Index.cshtml",
        "Analysis/Audit.cshtml", "Analysis/_AnalysisNav.cshtml",
        "Embed/_EmbedLayout.cshtml", "Embed/Rankings.cshtml", "Embed/City.cshtml", "Embed/Compare.cshtml", "Embed/Map.cshtml", "Embed/_EmbedControl.cshtml",
        "Explore/_SensitivityIndices.cshtml",
    ];

    [Theory]
    [MemberData(nameof(Views))]
    public void View_HasAChineseTranslationForEveryLocalisedString(string view)
    {
        var web = Path.Combine(RepositoryRoot(), "src", "CityExchange.Web");
        var source = File.ReadAllText(Path.Combine(web, "Pages", view));
        // The translation sits beside the view (Pages/Cities/Profile.zh-CN.resx for Pages/Cities/Profile.cshtml).
        var resx = Path.Combine(web, "Pages", Path.ChangeExtension(view, null) + ".zh-CN.resx");
        var translated = XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

        var keys = LocalisedKey().Matches(source).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)).Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(translated.TryGetValue(key, out var zh) && zh.Length > 0, $"{view}: no Chinese for \"{key}\""));
        Assert.All(keys, key => Assert.Equal(
            PlaceholderOf().Matches(key).Select(m => m.Value).Order(StringComparer.Ordinal),
            PlaceholderOf().Matches(translated[key]).Select(m => m.Value).Order(StringComparer.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityExchange.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\bL(?:\[|\.GetString\()""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalisedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderOf();
}
