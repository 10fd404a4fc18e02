using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityExchange.Web.Tests.Store;

/// <summary>
/// Turns SQLite's automatic checkpoints off on every connection the app opens, so — while some other connection keeps
/// the database open — each commit stays in the <c>-wal</c> file only, as recent commits do on a busy server. A copy of
/// the <c>.db</c> file alone then misses them; a backup must not.
/// </summary>
public sealed class KeepCommitsInWal : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
