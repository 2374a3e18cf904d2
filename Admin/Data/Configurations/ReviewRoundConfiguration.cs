using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.MasterData;
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
