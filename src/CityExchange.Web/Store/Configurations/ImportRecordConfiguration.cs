using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("Imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Status).HasMaxLength(16).IsRequired();
        builder.Property(i => i.User).HasMaxLength(256).IsRequired();
        builder.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        builder.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => new { i.Year, i.CreatedAt });
    }
}
