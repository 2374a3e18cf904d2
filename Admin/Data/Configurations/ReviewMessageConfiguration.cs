using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class ReviewMessageConfiguration : IEntityTypeConfiguration<ReviewMessage>
{
    public void Configure(EntityTypeBuilder<ReviewMessage> builder)
    {
        builder.Ignore(m => m.UnitIdList);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ToName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(m => m.ToEmail).IsEmailAddress().IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(Shared.FollowUps.ReminderMessage.MessageIdMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(Shared.FollowUps.ReminderMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.UnitIds).HasMaxLength(4000).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // One invitation and one reminder per manager and round, whatever happens to the job.
        builder.HasIndex(m => new { m.RoundId, m.Kind, m.ToEmail }).IsUnique();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.HasOne<ReviewRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
