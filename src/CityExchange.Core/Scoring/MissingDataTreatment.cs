namespace CityExchange.Core.Scoring;

public enum MissingDataTreatment
{
    /// <summary>A missing value is left out and the weights renormalised over the indicators the city has (the report).</summary>
    AvailableMean,

    /// <summary>
    /// A missing value is replaced by the median of the same indicator and year among the cities of the same group
    /// (<see cref="IndicatorMatrix.Groups"/>, the region); imputed cells are flagged in <see cref="ScoreSheet.Imputed"/>.
    /// If no city of the group has a value, the cell stays missing.
    /// </summary>
    GroupMedian,
}

public static class MissingDataTreatments
{
    public static IReadOnlyList<MissingDataTreatment> All { get; } = [MissingDataTreatment.AvailableMean, MissingDataTreatment.GroupMedian];

    public static string Code(this MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.AvailableMean => "available",
        MissingDataTreatment.GroupMedian => "median",
        _ => throw new ArgumentOutOfRangeException(nameof(treatment)),
    };

    public static bool TryParse(string? code, out MissingDataTreatment treatment)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case null or "" or "available" or "mean": treatment = MissingDataTreatment.AvailableMean; return true;
            case "median" or "groupmedian" or "group-median" or "region": treatment = MissingDataTreatment.GroupMedian; return true;
            default: treatment = default; return false;
        }
    }
}
