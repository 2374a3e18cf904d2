using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class HrMappingConfiguration : IEntityTypeConfiguration<HrMapping>
{
    public void Configure(EntityTypeBuilder<HrMapping> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.HrValue).HasMaxLength(HrMapping.ValueMaxLength).IsRequired();
        builder.Property(m => m.Key).HasMaxLength(HrMapping.ValueMaxLength).IsRequired();
        builder.Property(m => m.TargetName).HasMaxLength(Unit.NameMaxLength);
        builder.Property(m => m.SuggestedTargetName).HasMaxLength(Unit.NameMaxLength);
        builder.Property(m => m.DecidedById).HasMaxLength(120);
        builder.Property(m => m.DecidedByName).HasMaxLength(120);

        // One row per HR value and kind: first sight adds it once, whatever runs at the same moment.
        builder.HasIndex(m => new { m.Kind, m.Key }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.Kind });
    }
}

internal sealed class HrImportConfiguration : IEntityTypeConfiguration<HrImport>
{
    public void Configure(EntityTypeBuilder<HrImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(HrImport.FileNameMaxLength).IsRequired();
        builder.Property(i => i.FileSha256).HasMaxLength(HrImport.Sha256Length).IsRequired();
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ById).HasMaxLength(120).IsRequired();
        builder.Property(i => i.ByName).HasMaxLength(120).IsRequired();

        // A file already reconciled is not reconciled again: guarded here, not by a lock, so that the nightly job,
        // the command line and an upload racing on one file still reconcile it once.
        builder.HasIndex(i => i.FileSha256).IsUnique();
        builder.HasIndex(i => i.StartedAt);
    }
}

internal sealed class HrFindingConfiguration : IEntityTypeConfiguration<HrFinding>
{
    public void Configure(EntityTypeBuilder<HrFinding> builder)
    {
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.FactsKey).HasMaxLength(HrFinding.FactsKeyMaxLength).IsRequired();
        builder.Property(f => f.Personnummer)
            .HasConversion(p => p.Value, value => Personnummer.FromNormalized(value))
            .HasMaxLength(Personnummer.Length)
            .IsRequired();
        builder.Property(f => f.Name).HasMaxLength(Employee.FullNameMaxLength).IsRequired();
        builder.Property(f => f.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(f => f.TitleName).HasMaxLength(HrFinding.TextMaxLength);
        builder.Property(f => f.HrUnitName).HasMaxLength(HrFinding.TextMaxLength);
        builder.Property(f => f.HrTitleName).HasMaxLength(HrFinding.TextMaxLength);
        builder.Property(f => f.DecidedById).HasMaxLength(120);
        builder.Property(f => f.DecidedByName).HasMaxLength(120);
        builder.Property(f => f.DismissReason).HasMaxLength(HrFinding.ReasonMaxLength);
        builder.Ignore(f => f.IsOpen);

        builder.HasIndex(f => new { f.ImportId, f.Kind, f.Status });
        builder.HasIndex(f => new { f.FactsKey, f.Status });
        builder.HasIndex(f => new { f.UnitId, f.Status });
        builder.HasIndex(f => f.EmploymentId);
        builder.HasIndex(f => f.OrderId);
        builder.HasOne<HrImport>().WithMany().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(f => f.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employment>().WithMany().HasForeignKey(f => f.EmploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HrNoticeConfiguration : IEntityTypeConfiguration<HrNotice>
{
    public void Configure(EntityTypeBuilder<HrNotice> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ToName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(m => m.ToEmail).IsEmailAddress().IsRequired();
        builder.Property(m => m.MessageId).HasMaxLength(ReminderMessage.MessageIdMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(ReminderMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // One message per run, kind and recipient, whatever happens to the sender.
        builder.HasIndex(m => new { m.ImportId, m.Kind, m.ToEmail }).IsUnique();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.HasOne<HrImport>().WithMany().HasForeignKey(m => m.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderBatchConfiguration : IEntityTypeConfiguration<OrderBatch>
{
    public void Configure(EntityTypeBuilder<OrderBatch> builder)
    {
        builder.Property(b => b.Key).HasMaxLength(OrderBatch.KeyMaxLength).IsRequired();
        builder.Property(b => b.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.PlacedById).HasMaxLength(120).IsRequired();
        builder.Property(b => b.PlacedByName).HasMaxLength(120).IsRequired();
        builder.Property(b => b.FileName).HasMaxLength(OrderBatch.FileNameMaxLength);
        builder.HasIndex(b => b.Key).IsUnique();
        builder.HasIndex(b => new { b.PlacedById, b.PlacedAt });
    }
}
