using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Data.Configurations;

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
