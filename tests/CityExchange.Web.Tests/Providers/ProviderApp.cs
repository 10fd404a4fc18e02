using CityExchange.Web.Store;
using CityExchange.Web.Tests.Infrastructure;

namespace CityExchange.Web.Tests.Providers;

/// <summary>
/// An app on a fresh database of one provider, made on first use (so a PostgreSQL class is skipped, not failed, when
/// no server is configured). Any year may be written: the database is the class's own.
/// </summary>
public abstract class ProviderApp : IAsyncLifetime
{
    private CityExchangeFactory? _factory;

    public abstract DatabaseProvider Provider { get; }

    public CityExchangeFactory Factory
    {
        get
        {
            SkipIfUnavailable();
            return _factory ??= new CityExchangeFactory(TestDatabase.Create(Provider));
        }
    }

    public void SkipIfUnavailable()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.SkipIfUnavailable();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

public sealed class SqliteApp : ProviderApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : ProviderApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
