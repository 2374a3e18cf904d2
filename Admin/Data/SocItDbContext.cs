using Microsoft.EntityFrameworkCore;
using SocItConsole.Shared.Organisation;

namespace SocItConsole.Admin.Data;

/// <summary>The console's database: master data now, orders, grants and keys as the features arrive.</summary>
/// <remarks>
/// Services open one context per operation through <see cref="IDbContextFactory{TContext}"/>; a circuit-wide
/// context would be shared by every component of a user and is not thread-safe.
/// Schema changes only through migrations:
/// <code>dotnet ef migrations add NAME --project Admin --output-dir Data/Migrations</code>
/// </remarks>
public sealed class SocItDbContext(DbContextOptions<SocItDbContext> options) : DbContext(options)
{
    public DbSet<ItSystem> ItSystems => Set<ItSystem>();

    public DbSet<JobTitle> JobTitles => Set<JobTitle>();

    public DbSet<Unit> Units => Set<Unit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SocItDbContext).Assembly);
}
