using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.EmployeeName).HasMaxLength(Employee.FullNameMaxLength).IsRequired();
        builder.Property(f => f.SystemName).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
        builder.Property(f => f.LevelName).HasMaxLength(SystemLevel.NameMaxLength).IsRequired();
        builder.Property(f => f.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(f => f.ManagerName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(f => f.ManagerEmail).IsEmailAddress().IsRequired();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.DecidedByName).HasMaxLength(120);
        builder.Property(f => f.DecisionCaseNumber).HasMaxLength(CaseNumber.MaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsUndecided);
        builder.Ignore(f => f.State);
        builder.Ignore(f => f.Kind);
        builder.Ignore(f => f.Subject);
        builder.Property(f => f.TitleName).HasMaxLength(JobTitle.NameMaxLength);

        // One follow-up per grant: the nightly run finds the grants without one through this index.
        builder.HasIndex(f => f.GrantId).IsUnique();
        builder.HasIndex(f => new { f.ManagerEmail, f.Status });
        builder.HasIndex(f => new { f.Status, f.EndDate });
        builder.HasIndex(f => f.HomeUnitId);
        // One follow-up per end of a fixed-term employment or a placement; an extension moves the end, and the new end
        // gets its own (decision 0039).
        builder.HasIndex(f => new { f.EmploymentId, f.EndDate }).IsUnique();
        builder.HasIndex(f => new { f.AssignmentId, f.EndDate }).IsUnique();
        builder.HasOne<Grant>().WithMany().HasForeignKey(f => f.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employment>().WithMany().HasForeignKey(f => f.EmploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemporaryAssignment>().WithMany().HasForeignKey(f => f.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(f => f.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
