using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class JobRunStateConfiguration : IEntityTypeConfiguration<JobRunState>
{
    public void Configure(EntityTypeBuilder<JobRunState> builder)
    {
        builder.HasKey(j => j.JobId);
        builder.Property(j => j.JobId).HasMaxLength(JobRunState.JobIdMaxLength);
        builder.Property(j => j.LastSummary).HasMaxLength(JobRunState.SummaryMaxLength);
        builder.Property(j => j.LeaseHolder).HasMaxLength(JobRunState.LeaseHolderMaxLength);
    }
}
