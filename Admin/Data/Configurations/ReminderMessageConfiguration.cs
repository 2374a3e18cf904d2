using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.MasterData;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class ReminderMessageConfiguration : IEntityTypeConfiguration<ReminderMessage>
{
    public void Configure(EntityTypeBuilder<ReminderMessage> builder)
    {
        builder.Property(m => m.ToName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(m => m.ToEmail).IsEmailAddress().IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(ReminderMessage.MessageIdMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(ReminderMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // At most one reminder per manager and day, whatever happens to the job.
        builder.HasIndex(m => new { m.ToEmail, m.Day }).IsUnique();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => m.CreatedAt);

        builder.OwnsMany(m => m.Items, item =>
        {
            item.ToTable("ReminderItems");
            item.WithOwner().HasForeignKey("ReminderMessageId");
            item.HasKey(i => i.Id);
            item.HasIndex(i => i.FollowUpId);
            item.HasOne<FollowUp>().WithMany().HasForeignKey(i => i.FollowUpId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
