using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CityExchange.Web.Tests.Store;

/// <summary>
/// An EF Core interceptor that stops one upload mid-write: once armed for a year, the first transaction that deletes
/// that year's indicator values (an import replacing the year) is held at its commit — every row written, nothing
/// committed — until <see cref="Release"/>. While it is held it keeps SQLite's write lock, so other writers wait.
/// </summary>
public sealed class CommitGate : DbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int? _year;
    private DbTransaction? _held;

    /// <summary>Completes when the held transaction has reached its commit.</summary>
    public Task Holding => _holding.Task;

    public void Arm(int year) => _year = year;

    public void Release() => _release.TrySetResult();

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_year is { } year && command.Transaction is { } transaction
            && command.CommandText.StartsWith("DELETE FROM \"IndicatorValues\"", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, year)))
        {
            Interlocked.CompareExchange(ref _held, transaction, null);
        }

        return ValueTask.FromResult(result);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (ReferenceEquals(transaction, Volatile.Read(ref _held)))
        {
            _holding.TrySetResult();
            await _release.Task;
        }

        return result;
    }
}
