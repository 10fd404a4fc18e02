namespace CityExchange.Web.Store;

/// <summary>
/// A feature's bundled synthetic data, seeded after the reference data when demo seeding is on
/// (<see cref="SeedOptions.Demo"/>). Features register theirs, so the store does not depend on them.
/// </summary>
public interface IDemoDataSeed
{
    /// <summary>Lower runs first (indicator years before the covariates that describe them).</summary>
    int Order { get; }

    /// <summary>Adds what is missing from <paramref name="dataPath"/>; returns how many items it added.</summary>
    Task<int> SeedAsync(string dataPath, CancellationToken cancellationToken);
}
