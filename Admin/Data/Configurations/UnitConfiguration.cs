using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(u => u.Area).HasMaxLength(Unit.AreaMaxLength).IsRequired();
        builder.Property(u => u.CostCentre).HasMaxLength(Unit.CostCentreMaxLength).IsRequired();
        builder.HasIndex(u => u.Name).IsUnique();

        builder.OwnsOne(u => u.MobileRepresentative, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("MobileRepresentativeName").HasMaxLength(Contact.NameMaxLength);
            contact.Property(c => c.Email).HasColumnName("MobileRepresentativeEmail").IsEmailAddress();
        });

        builder.OwnsMany(u => u.Managers, manager =>
        {
            manager.ToTable("UnitManagers");
            manager.WithOwner().HasForeignKey("UnitId");
            manager.HasKey(m => m.Id);
            manager.Property(m => m.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
            manager.Property(m => m.Email).IsEmailAddress().IsRequired();
            manager.HasIndex(m => m.Email);
        });
        builder.Navigation(u => u.Managers).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(u => u.Systems)
            .WithMany()
            .UsingEntity(
                "UnitSystems",
                r => r.HasOne(typeof(ItSystem)).WithMany().HasForeignKey("ItSystemId").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(Unit)).WithMany().HasForeignKey("UnitId").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(u => u.Systems).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
