using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class MatrixChangeSetConfiguration : IEntityTypeConfiguration<MatrixChangeSet>
{
    public void Configure(EntityTypeBuilder<MatrixChangeSet> builder)
    {
        builder.HasIndex(s => s.Version).IsUnique();
        builder.HasIndex(s => s.SavedAt);
        builder.Property(s => s.SavedById).HasMaxLength(120).IsRequired();
        builder.Property(s => s.SavedByName).HasMaxLength(120).IsRequired();
        builder.Property(s => s.Comment).HasMaxLength(MatrixChangeSet.CommentMaxLength);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.Summary);

        builder.OwnsMany(s => s.Changes, change =>
        {
            change.ToTable("MatrixCellChanges");
            change.WithOwner().HasForeignKey("ChangeSetId");
            change.HasKey(c => c.Id);
            change.Property(c => c.TitleName).HasMaxLength(JobTitle.NameMaxLength).IsRequired();
            change.Property(c => c.SystemName).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
            change.Property(c => c.LevelBeforeName).HasMaxLength(SystemLevel.NameMaxLength);
            change.Property(c => c.LevelAfterName).HasMaxLength(SystemLevel.NameMaxLength);
            change.Ignore(c => c.Key);
            change.Ignore(c => c.Kind);
            change.HasIndex(c => new { c.TitleId, c.SystemId });
        });
        builder.Navigation(s => s.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
