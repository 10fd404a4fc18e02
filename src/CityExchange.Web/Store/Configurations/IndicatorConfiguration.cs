using CityExchange.Core.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.Domain).HasConversion(DomainCodeConverter.Instance).HasMaxLength(16);
        builder.Property(i => i.NameZh).HasMaxLength(128).IsRequired();
        builder.Property(i => i.NameEn).HasMaxLength(128).IsRequired();
        builder.Property(i => i.Unit).HasMaxLength(64).IsRequired();
        // framework.csv's whole_number: counts, whose targets are whole numbers.
        builder.Property(i => i.WholeNumber).IsRequired();
        builder.Property(i => i.DefinitionZh).HasMaxLength(1000);
        builder.Property(i => i.TypicalSourceZh).HasMaxLength(1000);
        builder.HasOne<DomainInfo>().WithMany().HasForeignKey(i => i.Domain).OnDelete(DeleteBehavior.Restrict);
    }
}
