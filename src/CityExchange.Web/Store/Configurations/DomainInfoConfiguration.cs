using CityExchange.Core.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class DomainInfoConfiguration : IEntityTypeConfiguration<DomainInfo>
{
    public void Configure(EntityTypeBuilder<DomainInfo> builder)
    {
        builder.ToTable("Domains");
        builder.HasKey(d => d.Domain);
        builder.Property(d => d.Domain).HasColumnName("Code").HasConversion(DomainCodeConverter.Instance).HasMaxLength(16);
        builder.Property(d => d.NameZh).HasMaxLength(64).IsRequired();
        builder.Property(d => d.NameEn).HasMaxLength(64).IsRequired();
        builder.Ignore(d => d.Code);
    }
}
