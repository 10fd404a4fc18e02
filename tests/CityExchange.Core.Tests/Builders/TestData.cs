using System.Text;
using CityExchange.Core.Cities;
using CityExchange.Core.Csv;
using CityExchange.Core.Framework;
using CityExchange.Core.Published;

namespace CityExchange.Core.Tests.Builders;

/// <summary>The bundled reference files, read once.</summary>
public static class TestData
{
    private static readonly Lazy<IndicatorFramework> LazyFramework = new(() => new IndicatorFramework(Read("framework.csv", ReferenceCsv.ReadFramework)));
    private static readonly Lazy<IReadOnlyList<City>> LazyCities = new(() => Read("cities.csv", ReferenceCsv.ReadCities));
    private static readonly Lazy<IReadOnlyList<PublishedCityScore>> LazyPublished = new(() => Read("siis2015_published.csv", ReferenceCsv.ReadPublished));

    public static IndicatorFramework Framework => LazyFramework.Value;

    public static IReadOnlyList<City> Cities => LazyCities.Value;

    public static CityDirectory Directory => new(Cities);

    public static IReadOnlyList<PublishedCityScore> Published => LazyPublished.Value;

    public static string DataPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "data", fileName);

    /// <summary>The repository's own data/ folder (for checks on committed files).</summary>
    public static string RepositoryDataPath(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityExchange.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "data", relative);
    }

    private static IReadOnlyList<T> Read<T>(string fileName, Func<TextReader, IReadOnlyList<T>> read)
    {
        using var reader = new StreamReader(DataPath(fileName), Encoding.UTF8);
        return read(reader);
    }
}
