using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.CaseNumber).HasMaxLength(CaseNumber.MaxLength).IsRequired();
        builder.HasIndex(o => o.CaseNumber).IsUnique();
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.KeyKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.KeyNumber).HasMaxLength(8);
        builder.Property(o => o.EmployeeName).HasMaxLength(Employee.FullNameMaxLength).IsRequired();
        builder.Property(o => o.TitleName).HasMaxLength(JobTitle.NameMaxLength);
        builder.Property(o => o.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(o => o.TargetUnitName).HasMaxLength(Unit.NameMaxLength);
        builder.Property(o => o.Note).HasMaxLength(OrderRules.NoteMaxLength);
        builder.Property(o => o.PlacedById).HasMaxLength(120).IsRequired();
        builder.Property(o => o.PlacedByName).HasMaxLength(120).IsRequired();
        builder.Property(o => o.IdempotencyKey).HasMaxLength(Order.IdempotencyKeyMaxLength);
        builder.Property(o => o.RequestHash).HasMaxLength(64);
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.HasIndex(o => o.ReceivedAt);
        builder.HasIndex(o => new { o.PlacedById, o.ReceivedAt });
        builder.HasIndex(o => o.Status);

        builder.HasOne(o => o.Employee).WithMany().HasForeignKey(o => o.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employment>().WithMany().HasForeignKey(o => o.EmploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(o => o.TargetUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobTitle>().WithMany().HasForeignKey(o => o.TitleId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsOne(o => o.Orderer, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("OrdererName").HasMaxLength(Contact.NameMaxLength).IsRequired();
            contact.Property(c => c.Email).HasColumnName("OrdererEmail").IsEmailAddress().IsRequired();
            contact.HasIndex(c => c.Email);
        });
        builder.OwnsOne(o => o.Manager, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("ManagerName").HasMaxLength(Contact.NameMaxLength).IsRequired();
            contact.Property(c => c.Email).HasColumnName("ManagerEmail").IsEmailAddress().IsRequired();
        });
        builder.Navigation(o => o.Orderer).IsRequired();
        builder.Navigation(o => o.Manager).IsRequired();

        builder.OwnsMany(o => o.Systems, system =>
        {
            system.ToTable("OrderSystems");
            system.WithOwner().HasForeignKey("OrderId");
            system.HasKey(s => s.Id);
            system.Property(s => s.SystemName).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
            system.Property(s => s.LevelName).HasMaxLength(SystemLevel.NameMaxLength).IsRequired();
        });
        builder.Navigation(o => o.Systems).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.Changes, line =>
        {
            line.ToTable("OrderChanges");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.SystemName).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
            line.Property(l => l.FromLevelName).HasMaxLength(SystemLevel.NameMaxLength);
            line.Property(l => l.ToLevelName).HasMaxLength(SystemLevel.NameMaxLength);
        });
        builder.Navigation(o => o.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Property(o => o.AssignedToId).HasMaxLength(120);
        builder.Property(o => o.AssignedToName).HasMaxLength(120);
        builder.Property(o => o.RejectionReason).HasMaxLength(CaseComment.TextMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.OrdererCheck).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.OrdererConfirmedByName).HasMaxLength(120);
        builder.Property(o => o.AssignedToEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(o => o.Question).HasMaxLength(CaseComment.TextMaxLength);
        builder.Property(o => o.QuestionAskedByName).HasMaxLength(120);
        builder.Property(o => o.Answer).HasMaxLength(CaseComment.TextMaxLength);
        builder.Property(o => o.AnsweredByName).HasMaxLength(120);
        builder.HasIndex(o => o.OrdererCheck);

        // The case cannot be completed while the receiving unit's consent is pending: it travels with the order.
        builder.HasOne(o => o.Consent).WithOne().HasForeignKey<UnitConsent>(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.Consent).AutoInclude();
        builder.HasIndex(o => new { o.Status, o.ReceivedAt });
        builder.HasIndex(o => o.AssignedToId);
        builder.HasIndex(o => o.UnitId);
        builder.HasIndex(o => o.BatchId);
        builder.HasOne<OrderBatch>().WithMany().HasForeignKey(o => o.BatchId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(o => o.Checklist, item =>
        {
            item.ToTable("ChecklistItems");
            item.WithOwner().HasForeignKey("OrderId");
            item.HasKey(i => i.Id);
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Label).HasMaxLength(ChecklistItem.LabelMaxLength).IsRequired();
            item.Property(i => i.Note).HasMaxLength(ChecklistItem.NoteMaxLength);
            item.Property(i => i.MarkedByName).HasMaxLength(120);
            item.Ignore(i => i.IsOpen);
        });
        builder.Navigation(o => o.Checklist).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.Comments, comment =>
        {
            comment.ToTable("CaseComments");
            comment.WithOwner().HasForeignKey("OrderId");
            comment.HasKey(c => c.Id);
            comment.Property(c => c.ByName).HasMaxLength(120).IsRequired();
            comment.Property(c => c.Text).HasMaxLength(CaseComment.TextMaxLength).IsRequired();
        });
        builder.Navigation(o => o.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
