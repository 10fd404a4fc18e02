using CityExchange.Core.Cities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class PublishedScoreConfiguration : IEntityTypeConfiguration<PublishedScore>
{
    public void Configure(EntityTypeBuilder<PublishedScore> builder)
    {
        builder.ToTable("PublishedScores");
        builder.HasKey(p => new { p.Year, p.CityCode });
        builder.Property(p => p.CityCode).HasMaxLength(64);
        builder.HasOne<DataYear>().WithMany().HasForeignKey(p => p.Year).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<City>().WithMany().HasForeignKey(p => p.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
