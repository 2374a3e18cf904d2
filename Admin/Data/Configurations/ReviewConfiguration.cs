using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> builder)
    {
        builder.Ignore(r => r.UnitIds);
        builder.Property(r => r.Name).HasMaxLength(ReviewRound.NameMaxLength).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(ReviewRound.MessageMaxLength);
        builder.Property(r => r.StartedById).HasMaxLength(200).IsRequired();
        builder.Property(r => r.StartedByName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(r => r.ClosedByName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(r => r.CloseReason).HasMaxLength(ReviewRound.CloseReasonMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.Status, r.DueDate });

        builder.OwnsMany(r => r.Units, unit =>
        {
            unit.ToTable("ReviewRoundUnits");
            unit.WithOwner().HasForeignKey("RoundId");
            unit.HasKey(u => u.Id);
            unit.HasIndex("RoundId", nameof(ReviewRoundUnit.UnitId)).IsUnique();
            unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(r => r.Units).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReviewLineConfiguration : IEntityTypeConfiguration<ReviewLine>
{
    public void Configure(EntityTypeBuilder<ReviewLine> builder)
    {
        builder.Property(l => l.EmployeeName).HasMaxLength(Employee.FullNameMaxLength).IsRequired();
        builder.Property(l => l.SystemName).HasMaxLength(200).IsRequired();
        builder.Property(l => l.LevelName).HasMaxLength(200).IsRequired();
        builder.Property(l => l.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(l => l.Answer).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Comment).HasMaxLength(ReviewLine.CommentMaxLength);
        builder.Property(l => l.AnsweredById).HasMaxLength(200);
        builder.Property(l => l.AnsweredByName).HasMaxLength(Contact.NameMaxLength);
        builder.HasIndex(l => new { l.RoundId, l.UnitId, l.Answer });
        builder.HasIndex(l => new { l.RoundId, l.GrantId }).IsUnique();
        builder.HasIndex(l => new { l.RoundId, l.EmployeeId });
        builder.HasIndex(l => l.GrantId);
        builder.HasOne<Grant>().WithMany().HasForeignKey(l => l.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(l => l.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(l => l.RemovalOrderId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(l => l.History, e =>
        {
            e.ToTable("ReviewAnswerEvents");
            e.WithOwner().HasForeignKey("ReviewLineId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(ReviewLine.CommentMaxLength);
            e.Property(x => x.ById).HasMaxLength(200).IsRequired();
            e.Property(x => x.ByName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        });
        builder.Navigation(l => l.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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
