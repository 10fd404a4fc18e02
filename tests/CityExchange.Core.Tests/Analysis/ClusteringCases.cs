using CityExchange.Core.Analysis;

namespace CityExchange.Core.Tests.Analysis;

/// <summary>Test data shared by the clustering tests.</summary>
public static class ClusteringCases
{
    /// <summary>Every linkage the engine implements (<see cref="Linkages.All"/> is what the app offers, without centroid).</summary>
    public static TheoryData<Linkage> EveryLinkage => [.. Enum.GetValues<Linkage>()];
}
