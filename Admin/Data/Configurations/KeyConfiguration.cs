using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class KeyConfiguration : IEntityTypeConfiguration<Key>
{
    public void Configure(EntityTypeBuilder<Key> builder)
    {
        builder.ToTable("Keys");
        builder.Property(k => k.Number)
            .HasConversion(n => n.Value, value => KeyNumber.Parse(value))
            .HasMaxLength(KeyNumber.MaxLength)
            .IsRequired();
        builder.HasIndex(k => k.Number).IsUnique();
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KeyPool>().WithMany().HasForeignKey(k => k.PoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(k => k.HolderEmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.UnitId, k.Status });
        builder.HasIndex(k => k.HolderEmployeeId);

        builder.OwnsMany(k => k.History, e =>
        {
            e.ToTable("KeyEvents");
            e.WithOwner().HasForeignKey("KeyId");
            e.HasKey(x => x.Id);
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ByName).HasMaxLength(120).IsRequired();
            e.Property(x => x.Note).HasMaxLength(Key.NoteMaxLength);
            e.HasIndex(x => x.HolderEmployeeId);
        });
        builder.Navigation(k => k.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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

internal sealed class PoolMembershipConfiguration : IEntityTypeConfiguration<PoolMembership>
{
    public void Configure(EntityTypeBuilder<PoolMembership> builder)
    {
        builder.HasOne<Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.EmployeeId, m.To });
    }
}

internal sealed class PersonalCodeConfiguration : IEntityTypeConfiguration<PersonalCode>
{
    public void Configure(EntityTypeBuilder<PersonalCode> builder)
    {
        builder.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Salt).HasMaxLength(32).IsRequired();
        builder.Property(c => c.IssuedByName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.EmployeeId).IsUnique();
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.History, e =>
        {
            e.ToTable("PersonalCodeEvents");
            e.WithOwner().HasForeignKey("PersonalCodeId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ByName).HasMaxLength(120).IsRequired();
            e.Ignore(x => x.IsReset);
        });
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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
