using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class PersonalCodeConfiguration : IEntityTypeConfiguration<PersonalCode>
{
    public void Configure(EntityTypeBuilder<PersonalCode> builder)
    {
        builder.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Salt).HasMaxLength(32).IsRequired();
        builder.Property(c => c.IssuedByName).HasMaxLength(120).IsRequired();
        builder.Property(c => c.RevokedByName).HasMaxLength(120);
        builder.Ignore(c => c.IsRevoked);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.EmployeeId).IsUnique();
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.History, e =>
        {
            e.ToTable("PersonalCodeEvents");
            e.WithOwner().HasForeignKey("PersonalCodeId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ByName).HasMaxLength(120).IsRequired();
            e.Ignore(x => x.IsReset);
        });
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
