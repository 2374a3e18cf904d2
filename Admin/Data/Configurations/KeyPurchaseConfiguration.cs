using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class KeyPurchaseConfiguration : IEntityTypeConfiguration<KeyPurchase>
{
    public void Configure(EntityTypeBuilder<KeyPurchase> builder)
    {
        builder.Property(p => p.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(p => p.CostCentre).HasMaxLength(Unit.CostCentreMaxLength).IsRequired();
        builder.Property(p => p.CaseNumber).HasMaxLength(CaseNumber.MaxLength);
        builder.Property(p => p.OrderedByName).HasMaxLength(120).IsRequired();
        builder.Property(p => p.ReceivedByName).HasMaxLength(120);
        builder.Property(p => p.KeyNumber).HasMaxLength(KeyNumber.MaxLength);
        builder.Property(p => p.Note).HasMaxLength(KeyPurchase.NoteMaxLength);
        builder.Property(p => p.CancelReason).HasMaxLength(KeyPurchase.NoteMaxLength);
        builder.Property(p => p.CancelledByName).HasMaxLength(120);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Price).HasPrecision(10, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Key>().WithMany().HasForeignKey(p => p.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UnitId, p.ReceivedAt });
        builder.HasIndex(p => p.OrderId).IsUnique();
        builder.HasIndex(p => p.Status);
    }
}
