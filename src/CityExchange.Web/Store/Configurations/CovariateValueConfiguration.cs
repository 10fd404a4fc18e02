using CityExchange.Core.Cities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class CovariateValueConfiguration : IEntityTypeConfiguration<CovariateValue>
{
    public void Configure(EntityTypeBuilder<CovariateValue> builder)
    {
        builder.ToTable("CovariateValues");
        // One value per (year, city, covariate). No link to DataYear: covariates may be stored for any year.
        builder.HasKey(v => new { v.Year, v.CityCode, v.Code });
        builder.Property(v => v.CityCode).HasMaxLength(64);
        builder.Property(v => v.Code).HasMaxLength(64);
        builder.HasOne<City>().WithMany().HasForeignKey(v => v.CityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.Year, v.Code });
    }
}
