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
