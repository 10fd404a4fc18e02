namespace CityExchange.Web.Store;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Configuration section <c>Database</c>. <see cref="Provider"/> picks the EF Core provider for
/// <c>ConnectionStrings:CityExchange</c>; <see cref="MigrateOnStartup"/> defaults to true for SQLite and false for
/// PostgreSQL, where migrations are applied by the deployment (see docs/deployment.md).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool? MigrateOnStartup { get; set; }

    /// <summary>SQLite only: how long a statement waits for a lock held by another writer before it fails (Default Timeout).</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
