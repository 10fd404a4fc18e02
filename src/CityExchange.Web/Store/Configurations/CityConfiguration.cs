using CityExchange.Core.Cities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.ToTable("Cities");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(128).IsRequired();
        builder.Property(c => c.ProvinceZh).HasMaxLength(64).IsRequired();
        builder.Property(c => c.ProvinceEn).HasMaxLength(128).IsRequired();
        builder.Property(c => c.RegionZh).HasMaxLength(32).IsRequired();
        builder.Property(c => c.RegionEn).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Level).HasMaxLength(32).IsRequired();
        builder.Property(c => c.EastWest).HasMaxLength(16);
        builder.Property(c => c.NorthSouth).HasMaxLength(16);
        builder.Property(c => c.Latitude);
        builder.Property(c => c.Longitude);
        builder.Ignore(c => c.HasLocation);
    }
}
