using Microsoft.EntityFrameworkCore;

namespace SocItConsole.Admin.Data.PostgreSql;

/// <summary>
/// The same model on PostgreSQL, with a migration set of its own in <c>Data/PostgreSql/Migrations</c>: EF Core ties a
/// migration set to a context type, so one type per provider keeps the SQLite set as it was (decision 0051). Every
/// service still asks for <see cref="SocItDbContext"/>; <see cref="SocItDbContextFactory"/> gives this one when the
/// provider is PostgreSQL.
/// <code>dotnet ef migrations add NAME --project Admin --context PostgreSqlSocItDbContext --output-dir Data/PostgreSql/Migrations</code>
/// </summary>
public sealed class PostgreSqlSocItDbContext(DbContextOptions<SocItDbContext> options) : SocItDbContext(options)
{
    /// <summary>
    /// Swedish alphabetical order with case ignored (ICU's Swedish at the second strength), for the raw statements
    /// that sort as <c>StringComparer.Create(sv-SE, ignoreCase: true)</c> does (<see cref="SqlDialect.Swedish"/>).
    /// </summary>
    public const string SwedishCollation = "swedish";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasCollation(SwedishCollation, locale: "sv-SE-u-ks-level2", provider: "icu", deterministic: false);
    }
}
