using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

/// <summary>
/// The <c>backup PATH</c> command: a consistent copy of the SQLite database made with SQLite's online backup API while
/// the app goes on serving and writing, checked (<c>PRAGMA integrity_check</c>) before it is given its name. Restoring
/// is done by hand with the app stopped (docs/deployment.md#backups); <c>restore</c> only says how. On PostgreSQL the
/// command refuses and points to <c>pg_dump</c>.
/// </summary>
public static class DatabaseBackup
{
    public const string BackupCommand = "backup";

    public const string RestoreCommand = "restore";

    /// <summary>
    /// Runs <c>backup PATH</c> (or answers <c>restore</c>) and returns true, or returns false when the arguments name
    /// neither. Exit codes: 0 the copy is written; 1 no copy (PostgreSQL, PATH exists, the copy failed its check);
    /// 2 usage, and <c>restore</c>. Call before the store is initialised, so a backup copies the database as it is
    /// (never migrated or seeded first) and writes nothing to it.
    /// </summary>
    public static async Task<bool> RunBackupCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] is not (BackupCommand or RestoreCommand))
        {
            return false;
        }

        if (args[0] == RestoreCommand)
        {
            await Console.Error.WriteLineAsync(
                "restore is done with the app stopped: stop every instance, move cityexchange.db and any cityexchange.db-wal and " +
                "cityexchange.db-shm aside, copy the backup in place of cityexchange.db, start the app (docs/deployment.md#backups).");
            Environment.ExitCode = 2;
            return true;
        }

        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await Console.Error.WriteLineAsync("Usage: backup PATH   (a new file, or an existing folder to write cityexchange-<UTC time>.db into)");
            Environment.ExitCode = 2;
            return true;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityExchangeDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync(
                "The database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom --file=cityexchange.dump \"$DATABASE_URL\" " +
                "(docs/deployment.md#backups). This command copies SQLite databases only.");
            Environment.ExitCode = 1;
            return true;
        }

        var now = (app.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        try
        {
            var copy = await BackupSqliteAsync(db.Database.GetConnectionString()!, args[1], now);
            await Console.Out.WriteLineAsync(
                $"Backed up {copy.Source} to {copy.Path} ({copy.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, integrity check ok).");
        }
        catch (Exception exception) when (exception is BackupException or SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"No backup was made: {exception.Message}");
            Environment.ExitCode = 1;
        }

        return true;
    }

    /// <summary>
    /// Copies the SQLite database of <paramref name="connectionString"/> to <paramref name="path"/>: a file that must
    /// not exist yet (a backup never overwrites), or an existing folder, which gets <c>cityexchange-&lt;UTC time&gt;.db</c>.
    /// The copy is one self-contained file (rollback journal, not WAL) with the database file's permissions.
    /// </summary>
    public static async Task<BackupCopy> BackupSqliteAsync(string connectionString, string path, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        var sourcePath = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourcePath))
        {
            // Opening it would create an empty database and back that up.
            throw new BackupException($"there is no database at {sourcePath}.");
        }

        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            target = Path.Combine(target, $"cityexchange-{now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.db");
        }

        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new BackupException($"{target} already exists; name a new file (a backup never overwrites one).");
        }

        if (Path.GetDirectoryName(target) is not { } folder || !Directory.Exists(folder))
        {
            throw new BackupException($"the folder of {target} does not exist.");
        }

        // Written under a name of its own and renamed once checked, so PATH never names a partial or failed copy.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            CreateEmptyLike(sourcePath, partial);
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                // All pages in one step, under one read transaction of the source: the copy is the database as of one
                // commit. In WAL mode that read blocks no writer, and no writer's later commit can reach the copy.
                from.BackupDatabase(to);
                // The copy inherits WAL mode from the source's header; a backup should be a single file.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", cancellationToken);
                var check = await ExecuteAsync(to, "PRAGMA integrity_check;", cancellationToken);
                if (check != "ok")
                {
                    throw new BackupException($"the copy failed SQLite's integrity check: {check}");
                }
            }

            File.Move(partial, target, overwrite: false);
            return new BackupCopy(sourcePath, target, new FileInfo(target).Length);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>An empty file for SQLite to fill, readable by no more users than the database (it holds password hashes and the key ring).</summary>
    private static void CreateEmptyLike(string sourcePath, string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File.GetUnixFileMode(sourcePath);
        }

        new FileStream(path, options).Dispose();
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

/// <summary>A backup written: the database copied, the copy's full path and size.</summary>
public sealed record BackupCopy(string Source, string Path, long Bytes);

/// <summary>Why no backup was made, in words for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
