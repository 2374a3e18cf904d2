using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class AppointedOrdererConfiguration : IEntityTypeConfiguration<AppointedOrderer>
{
    public void Configure(EntityTypeBuilder<AppointedOrderer> builder)
    {
        builder.Property(a => a.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(a => a.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(a => a.Email).IsEmailAddress().IsRequired();
        builder.Property(a => a.AppointedById).HasMaxLength(120).IsRequired();
        builder.Property(a => a.AppointedByName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.EndedByName).HasMaxLength(120);
        builder.HasIndex(a => new { a.Email, a.UnitId });
        builder.HasIndex(a => new { a.UnitId, a.To });
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
