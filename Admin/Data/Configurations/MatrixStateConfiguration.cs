using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Data.Configurations;

internal sealed class MatrixStateConfiguration : IEntityTypeConfiguration<MatrixState>
{
    public void Configure(EntityTypeBuilder<MatrixState> builder)
    {
        builder.ToTable("MatrixState");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasData(new { Id = MatrixState.SingletonId, Version = 0 });
    }
}
