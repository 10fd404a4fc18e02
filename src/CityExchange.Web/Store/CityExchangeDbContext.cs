using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

/// <summary>
/// The app's store: the index data, the import history, the accounts (ASP.NET Core Identity) and the data-protection
/// keys. Every service injects this type; the provider-specific subclasses <see cref="SqliteCityExchangeDbContext"/>
/// and <see cref="PostgresCityExchangeDbContext"/> only exist so each provider has its own migrations.
/// </summary>
public abstract class CityExchangeDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring shared by every instance: login cookies and antiforgery tokens from one are valid on all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CityExchangeDbContext).Assembly);
    }
}

/// <summary>The SQLite store (one machine); migrations in <c>Store/Migrations/Sqlite</c>.</summary>
public sealed class SqliteCityExchangeDbContext(DbContextOptions<SqliteCityExchangeDbContext> options) : CityExchangeDbContext(options);

/// <summary>The PostgreSQL store (several instances); migrations in <c>Store/Migrations/Postgres</c>.</summary>
public sealed class PostgresCityExchangeDbContext(DbContextOptions<PostgresCityExchangeDbContext> options) : CityExchangeDbContext(options);
