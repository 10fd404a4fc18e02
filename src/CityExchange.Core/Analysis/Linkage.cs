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
}

public static class Linkages
{
    /// <summary>Ward: the linkage that reproduces the report's Figure 9 exactly on the published 2013 scores (docs/analysis.md).</summary>
    public const Linkage Default = Linkage.Ward;

    public static IReadOnlyList<Linkage> All { get; } = [Linkage.Average, Linkage.Complete, Linkage.Single, Linkage.Ward];

    /// <summary>The lower-case code used in the API and in URLs.</summary>
    public static string Code(this Linkage linkage) => linkage switch
    {
        Linkage.Average => "average",
        Linkage.Complete => "complete",
        Linkage.Single => "single",
        Linkage.Ward => "ward",
        _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
    };

    /// <summary>Parses a code (case-insensitive); null or blank gives <see cref="Default"/>.</summary>
    public static bool TryParse(string? code, out Linkage linkage)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "": linkage = Default; return true;
            case "average": linkage = Linkage.Average; return true;
            case "complete": linkage = Linkage.Complete; return true;
            case "single": linkage = Linkage.Single; return true;
            case "ward": linkage = Linkage.Ward; return true;
            default: linkage = Default; return false;
        }
    }
}
