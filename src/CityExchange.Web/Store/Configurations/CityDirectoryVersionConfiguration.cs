using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class CityDirectoryVersionConfiguration : IEntityTypeConfiguration<CityDirectoryVersion>
{
    public void Configure(EntityTypeBuilder<CityDirectoryVersion> builder)
    {
        builder.ToTable("CityDirectoryVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
    }
}
