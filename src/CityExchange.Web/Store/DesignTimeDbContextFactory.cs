using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityExchange.Web.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CityExchangeDbContext>
{
    public CityExchangeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CityExchangeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
