using System.Globalization;
using CityExchange.Core.Analysis;
using CityExchange.Core.Framework;
using CityExchange.Core.Tests.Analysis.Reference;
using CityExchange.Core.Tests.Builders;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>
/// The clustering of the 46 published 2013 cities stays exactly what it was before the scalable algorithms: every merge
/// (the pair, the size) and every height, for every linkage the report's comparison uses (Fixtures/published2013_merges_cf36b16.csv).
/// </summary>
public sealed class PublishedClusteringTests
{
    public static TheoryData<Linkage> ClassicLinkages => [Linkage.Average, Linkage.Complete, Linkage.Single, Linkage.Ward];

    [Theory]
    [MemberData(nameof(ClassicLinkages))]
    public void Published2013_MergesExactlyAsBefore(Linkage linkage) =>
        AssertMergesAsFixture(linkage, HierarchicalClustering.Cluster(Points(), linkage));

    /// <summary>The oracle of the property tests still computes what it did.</summary>
    [Theory]
    [MemberData(nameof(ClassicLinkages))]
    public void Published2013_TheReferenceMergesAsBefore(Linkage linkage) =>
        AssertMergesAsFixture(linkage, ReferenceClustering.Cluster(Points(), linkage));

    private static void AssertMergesAsFixture(Linkage linkage, Dendrogram tree)
    {
        var expected = Fixture.Read("published2013_merges_cf36b16.csv")
            .Where(row => row[0] == linkage.Code())
            .Select(row => (Left: int.Parse(row[1], CultureInfo.InvariantCulture), Right: int.Parse(row[2], CultureInfo.InvariantCulture),
                Height: double.Parse(row[3], CultureInfo.InvariantCulture), Size: int.Parse(row[4], CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Equal(45, expected.Count);
        Assert.Equal(expected.Select(m => (m.Left, m.Right, m.Size)), tree.Merges.Select(m => (m.Left, m.Right, m.Size)));
        Approx.Equal(expected.Select(m => m.Height), tree.Merges.Select(m => m.Height), 1e-12);
    }

    /// <summary>The four domain scores of the 46 cities, in code order (as <see cref="ClusterAnalysis.Run"/> clusters them).</summary>
    internal static List<double[]> Points()
    {
        var sheet = Published2013.Sheet();
        return [.. ClusterAnalysis.Clusterable(sheet, Published2013.Codes).Select(c => Domains.All.Select(d => sheet.DomainScore(d, c)).ToArray())];
    }
}
