using CityExchange.Core.Resources;

namespace CityExchange.Core.Analysis;

/// <summary>
/// A linkage that needs all pairwise distances (<see cref="HierarchicalClustering.PointLimit"/>) was asked to cluster
/// more points than it accepts. Nothing was computed; a caller can offer to filter the cities down to
/// <see cref="Limit"/> or to use a linkage without a limit (Ward, centroid, single). The message, in the current UI
/// culture (zh/en), says so (<see cref="LimitMessages.ClusteringTooLarge"/>).
/// </summary>
public sealed class ClusteringTooLargeException : Exception
{
    public ClusteringTooLargeException(Linkage linkage, int pointCount, int limit)
        : base(LimitMessages.Format(LimitMessages.ClusteringTooLarge, linkage.Code(), limit, pointCount))
    {
        Linkage = linkage;
        PointCount = pointCount;
        Limit = limit;
    }

    public Linkage Linkage { get; }

    public int PointCount { get; }

    public int Limit { get; }
}
