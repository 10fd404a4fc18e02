using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityExchange.Web.Store.Configurations;

internal sealed class DataYearConfiguration : IEntityTypeConfiguration<DataYear>
{
    public void Configure(EntityTypeBuilder<DataYear> builder)
    {
        builder.ToTable("DataYears");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Kind).HasConversion(YearKindConverter.Instance).HasMaxLength(16).IsRequired();
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}
