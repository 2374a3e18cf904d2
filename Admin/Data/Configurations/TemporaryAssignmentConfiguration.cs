using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class TemporaryAssignmentConfiguration : IEntityTypeConfiguration<TemporaryAssignment>
{
    public void Configure(EntityTypeBuilder<TemporaryAssignment> builder)
    {
        builder.Property(a => a.UnitName).HasMaxLength(Unit.NameMaxLength).IsRequired();
        builder.HasOne<Employment>().WithMany().HasForeignKey(a => a.EmploymentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(a => a.EndedByOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EmploymentId);
        builder.HasIndex(a => new { a.EmployeeId, a.To });
        builder.HasIndex(a => new { a.EndedByOrderId, a.To });
    }
}
