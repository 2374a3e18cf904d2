using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ToName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(m => m.ToEmail).IsEmailAddress().IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(ReminderMessage.MessageIdMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(ReminderMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // One message per event and recipient, whatever happens to the sender.
        builder.HasIndex(m => new { m.OrderId, m.Kind, m.Sequence, m.ToEmail }).IsUnique();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.HasOne<Order>().WithMany().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
