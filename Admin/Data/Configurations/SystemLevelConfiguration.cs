using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class SystemLevelConfiguration : IEntityTypeConfiguration<SystemLevel>
{
    public void Configure(EntityTypeBuilder<SystemLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(SystemLevel.NameMaxLength).IsRequired();
        builder.HasIndex("ItSystemId", nameof(SystemLevel.Name)).IsUnique();

        // Every system starts with one level, as the domain's constructor gives a new system.
        builder.HasData(Enumerable.Range(1, 10).Select(id =>
            new { Id = id, ItSystemId = id, Name = ItSystem.DefaultLevelName, Position = 0 }));
    }
}
