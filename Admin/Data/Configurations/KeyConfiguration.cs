using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
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
