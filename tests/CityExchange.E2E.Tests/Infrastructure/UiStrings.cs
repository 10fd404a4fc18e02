using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CityExchange.E2E.Tests.Infrastructure;

/// <summary>
/// The app's interface strings in English with their Chinese translations, read from every <c>.zh-CN.resx</c> of the
/// Web and Core projects (copied beside the tests). Keys are the English text in the Web project; in Core the English
/// is the neutral <c>.resx</c> value of the same name.
/// </summary>
public static partial class UiStrings
{
    private static readonly Lazy<IReadOnlyList<(string English, string Chinese)>> Pairs = new(Load);

    public static IReadOnlyList<(string English, string Chinese)> All => Pairs.Value;

    /// <summary>
    /// The literal pieces of the English strings (split at their <c>{0}</c> placeholders) that a Chinese page must not
    /// show: at least one word of three letters, and not also part of some Chinese translation (e.g. "CSV", "SHA-256").
    /// </summary>
    public static IReadOnlyList<string> EnglishFragments { get; } = BuildFragments();

    /// <summary>The fragments found, as whole words, in the given texts (links written out as text are left aside).</summary>
    public static IReadOnlyList<string> EnglishFragmentsIn(IEnumerable<string> texts)
    {
        var joined = Url().Replace(string.Join("\n", texts), " ");
        return [.. EnglishFragments.Where(f => ContainsWord(joined, f)).Distinct()];
    }

    private static bool ContainsWord(string text, string fragment) =>
        Regex.IsMatch(text, $"(?<![A-Za-z0-9_]){Regex.Escape(fragment)}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant);

    private static List<string> BuildFragments()
    {
        var chinese = string.Join("\n", All.Select(p => p.Chinese));
        return
        [
            .. All
                .Where(p => p.English != p.Chinese)
                .SelectMany(p => Placeholder().Split(p.English))
                .Select(f => f.Trim().Trim(' ', ',', '.', ':', ';', '(', ')', '·', '—', '–', '-', '/', '"', '\'', '…', '?', '!'))
                .Where(f => Word().IsMatch(f) && !ContainsWord(chinese, f))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length),
        ];
    }

    private static List<(string, string)> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "ui-strings");
        var pairs = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.zh-CN.resx", SearchOption.AllDirectories))
        {
            var neutralFile = file.Replace(".zh-CN.resx", ".resx", StringComparison.Ordinal);
            var neutral = File.Exists(neutralFile) ? Entries(neutralFile) : null;
            foreach (var (name, chinese) in Entries(file))
            {
                var english = neutral is null ? name : neutral.GetValueOrDefault(name);
                if (!string.IsNullOrWhiteSpace(english))
                {
                    pairs.Add((english, chinese));
                }
            }
        }

        return pairs.Count > 0 ? pairs : throw new InvalidOperationException($"No .zh-CN.resx under {folder}");
    }

    private static Dictionary<string, string> Entries(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();
}
