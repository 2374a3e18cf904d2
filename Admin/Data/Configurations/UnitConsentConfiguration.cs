using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class UnitConsentConfiguration : IEntityTypeConfiguration<UnitConsent>
{
    public void Configure(EntityTypeBuilder<UnitConsent> builder)
    {
        builder.Property(c => c.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DecidedById).HasMaxLength(120);
        builder.Property(c => c.DecidedByName).HasMaxLength(120);
        builder.Property(c => c.Text).HasMaxLength(UnitConsent.TextMaxLength);
        builder.Ignore(c => c.IsPending);
        builder.HasIndex(c => c.OrderId).IsUnique();
        builder.HasIndex(c => new { c.UnitId, c.Status });
        builder.HasIndex(c => new { c.Status, c.RequestedOn });
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
