using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.Property(e => e.FullName).HasMaxLength(Employee.FullNameMaxLength).IsRequired();
        builder.Property(e => e.Personnummer)
            .HasConversion(p => p.Value, value => Personnummer.FromNormalized(value))
            .HasMaxLength(Personnummer.Length)
            .IsRequired();
        builder.HasIndex(e => e.Personnummer).IsUnique();
        builder.Property(e => e.ProtectionReason).HasMaxLength(Employee.ProtectionReasonMaxLength);
    }
}
