using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class KeyPoolConfiguration : IEntityTypeConfiguration<KeyPool>
{
    public void Configure(EntityTypeBuilder<KeyPool> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(KeyPool.NameMaxLength).IsRequired();
        builder.HasIndex(p => new { p.UnitId, p.Name }).IsUnique();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey("KeyPoolId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
