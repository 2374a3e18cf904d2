using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.Property(g => g.SystemName).HasMaxLength(ItSystem.NameMaxLength).IsRequired();
        builder.Property(g => g.LevelName).HasMaxLength(SystemLevel.NameMaxLength).IsRequired();
        builder.Property(g => g.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(g => g.SourceCaseNumber).HasMaxLength(CaseNumber.MaxLength).IsRequired();
        builder.Ignore(g => g.IsTemporary);
        builder.HasOne<Employee>().WithMany().HasForeignKey(g => g.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(g => g.SourceOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employment>().WithMany().HasForeignKey(g => g.EmploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TemporaryAssignment>().WithMany().HasForeignKey(g => g.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.EmploymentId, g.To });
        builder.HasIndex(g => g.AssignmentId);
        builder.HasIndex(g => new { g.EmployeeId, g.To });
        builder.HasIndex(g => new { g.UnitId, g.To });
        builder.HasIndex(g => g.To);
        // The nightly expiry check reads temporary grants not ended by an order, by last day.
        builder.HasIndex(g => new { g.EndedByOrderId, g.To });
    }
}
