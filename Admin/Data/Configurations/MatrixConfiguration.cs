using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class MatrixEntryConfiguration : IEntityTypeConfiguration<MatrixEntry>
{
    public void Configure(EntityTypeBuilder<MatrixEntry> builder)
    {
        builder.ToTable("MatrixEntries");
        builder.HasKey(e => new { e.JobTitleId, e.ItSystemId });
        builder.HasOne<JobTitle>().WithMany().HasForeignKey(e => e.JobTitleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ItSystem>().WithMany().HasForeignKey(e => e.ItSystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SystemLevel>().WithMany().HasForeignKey(e => e.SystemLevelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatrixStateConfiguration : IEntityTypeConfiguration<MatrixState>
{
    public void Configure(EntityTypeBuilder<MatrixState> builder)
    {
        builder.ToTable("MatrixState");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasData(new { Id = MatrixState.SingletonId, Version = 0 });
    }
}

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
