using CityExchange.Core.Cities;
using CityExchange.Core.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        // The key is the uniqueness rule: one value per (year, city, indicator).
        builder.HasKey(v => new { v.Year, v.CityCode, v.IndicatorCode });
        builder.Property(v => v.CityCode).HasMaxLength(64);
        builder.Property(v => v.IndicatorCode).HasMaxLength(64);
        builder.Property(v => v.SourceNote).HasMaxLength(500);
        builder.HasOne<DataYear>().WithMany().HasForeignKey(v => v.Year).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<City>().WithMany().HasForeignKey(v => v.CityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.CityCode, v.Year });
    }
}
