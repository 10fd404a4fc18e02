using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

/// <summary>
/// The version of the city list, one row: replaced in the same transaction as every change to the cities (a city upload,
/// seeding), so that every instance on the database — not only the one that wrote — notices a new list
/// (<see cref="Scoring.ReferenceCache"/> compares it with the list it holds).
/// </summary>
public sealed class CityDirectoryVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTime UpdatedAt { get; set; }

    /// <summary>Gives the city list a new version; saved with the caller's next <c>SaveChanges</c>, inside its transaction.</summary>
    public static async Task ReplaceAsync(CityExchangeDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Set<CityDirectoryVersion>().FirstOrDefaultAsync(v => v.Id == SingletonId, cancellationToken);
        if (row is null)
        {
            db.Add(new CityDirectoryVersion { UpdatedAt = DateTime.UtcNow });
            return;
        }

        row.Version = Guid.NewGuid();
        row.UpdatedAt = DateTime.UtcNow;
    }
}
