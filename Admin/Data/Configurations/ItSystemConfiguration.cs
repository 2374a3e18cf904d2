using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class ItSystemConfiguration : IEntityTypeConfiguration<ItSystem>
{
    public void Configure(EntityTypeBuilder<ItSystem> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(ItSystem.DescriptionMaxLength);
        builder.Property(s => s.Contact).HasMaxLength(ItSystem.ContactMaxLength);
        builder.HasIndex(s => s.Name).IsUnique();

        builder.HasMany(s => s.Levels).WithOne().HasForeignKey("ItSystemId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Levels).HasField("_levels").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The ten systems the routine names are part of the product, not demo data: every environment has them.
        builder.HasData(
            Seed(1, "Combine", null),
            Seed(2, "IntraPhone", null),
            Seed(3, "Appva", null),
            Seed(4, "Swedlock", "Digital nyckel: personlig nyckel eller nyckelpool, med personlig kod.", requiresDigitalKeys: true),
            Seed(5, "DF", null),
            Seed(6, "Lifecare", null),
            Seed(7, "Citrix", "Citrix-behörighet."),
            Seed(8, "KOBE", null),
            Seed(9, "Smartkort (SITHS)", "Falkenbergskort/SITHS-kort."),
            Seed(10, "Qlikview", null));
    }

    private static object Seed(int id, string name, string? description, bool requiresDigitalKeys = false) =>
        new { Id = id, Name = name, Description = description, IsActive = true, RequiresDigitalKeys = requiresDigitalKeys };
}
