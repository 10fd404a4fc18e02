using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

/// <summary>The app's SQLite store: the index data, the import history and the accounts (ASP.NET Core Identity).</summary>
public sealed class CityExchangeDbContext(DbContextOptions<CityExchangeDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CityExchangeDbContext).Assembly);
    }
}
