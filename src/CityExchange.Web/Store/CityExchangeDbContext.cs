using Microsoft.EntityFrameworkCore;

namespace CityExchange.Web.Store;

public sealed class CityExchangeDbContext(DbContextOptions<CityExchangeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CityExchangeDbContext).Assembly);
}
