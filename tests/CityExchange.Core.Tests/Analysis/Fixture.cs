namespace CityExchange.Core.Tests.Analysis;

/// <summary>Reads the small CSV fixtures of Analysis/Fixtures (lines starting with '#' are comments; the first other line is the header).</summary>
internal static class Fixture
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", fileName);

    public static IReadOnlyList<string[]> Read(string fileName) =>
        [.. File.ReadLines(PathOf(fileName)).Where(line => line.Length > 0 && !line.StartsWith('#')).Skip(1).Select(line => line.Split(','))];
}
