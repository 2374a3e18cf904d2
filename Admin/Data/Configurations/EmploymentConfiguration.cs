using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> builder)
    {
        builder.Property(e => e.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.Property(e => e.TitleName).HasMaxLength(JobTitle.NameMaxLength);
        builder.Ignore(e => e.IsFixedTerm);
        builder.Ignore(e => e.IsEnded);
        builder.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobTitle>().WithMany().HasForeignKey(e => e.TitleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.StartedByOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.EndedByOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employment>().WithMany().HasForeignKey(e => e.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.EmployeeId, e.UnitId });
        builder.HasIndex(e => new { e.UnitId, e.To });
        // The nightly follow-up reads fixed-term employments not ended by an order, by last day.
        builder.HasIndex(e => new { e.EndedByOrderId, e.To });
    }
}
