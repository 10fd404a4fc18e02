namespace CityExchange.Core.Analysis;

/// <summary>How the distance between two clusters is derived from the distances between their members.</summary>
public enum Linkage
{
    /// <summary>UPGMA: the mean of all pairwise distances (SPSS "between-groups linkage").</summary>
    Average = 0,

    /// <summary>The largest pairwise distance (furthest neighbour).</summary>
    Complete = 1,

    /// <summary>The smallest pairwise distance (nearest neighbour).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'single linkage' is the method's name.")]
    Single = 2,

    /// <summary>Ward's minimum-variance method: merge the pair that least increases the within-cluster sum of squares.</summary>
    Ward = 3,

    /// <summary>UPGMC: the distance between the clusters' centroids. A merge can be lower than the one before (an inversion).</summary>
    Centroid = 4,
}

public static class Linkages
{
    /// <summary>Ward: the linkage that reproduces the report's Figure 9 exactly on the published 2013 scores (docs/analysis.md).</summary>
    public const Linkage Default = Linkage.Ward;

    /// <summary>
    /// The linkages the application offers (pages, API, the comparison with Figure 9) and <see cref="TryParse"/> accepts.
    /// <see cref="Linkage.Centroid"/> is implemented but not offered yet: it joins this list when the pages name it and
    /// draw its inversions.
    /// </summary>
    public static IReadOnlyList<Linkage> All { get; } = [Linkage.Average, Linkage.Complete, Linkage.Single, Linkage.Ward];

    /// <summary>The lower-case code used in the API and in URLs.</summary>
    public static string Code(this Linkage linkage) => linkage switch
    {
        Linkage.Average => "average",
        Linkage.Complete => "complete",
        Linkage.Single => "single",
        Linkage.Ward => "ward",
        Linkage.Centroid => "centroid",
        _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
    };

    /// <summary>Parses the code of a linkage of <see cref="All"/> (case-insensitive); null or blank gives <see cref="Default"/>.</summary>
    public static bool TryParse(string? code, out Linkage linkage)
    {
        linkage = Default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return true;
        }

        foreach (var candidate in All)
        {
            if (string.Equals(code.Trim(), candidate.Code(), StringComparison.OrdinalIgnoreCase))
            {
                linkage = candidate;
                return true;
            }
        }

        return false;
    }
}
