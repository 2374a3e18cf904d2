using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data.PostgreSql;

namespace SocItConsole.Admin.Data;

/// <summary>
/// Makes the context of the configured provider: <see cref="SocItDbContext"/> on SQLite,
/// <see cref="PostgreSqlSocItDbContext"/> (the same model, its own migrations) on PostgreSQL.
/// </summary>
public sealed class SocItDbContextFactory(DbContextOptions<SocItDbContext> options) : IDbContextFactory<SocItDbContext>
{
    private readonly bool _postgreSql = options.FindExtension<CaseInsensitiveLikeExtension>() is not null;

    public SocItDbContext CreateDbContext() => Create(options, _postgreSql);

    public static SocItDbContext Create(DbContextOptions<SocItDbContext> options, bool postgreSql) =>
        postgreSql ? new PostgreSqlSocItDbContext(options) : new SocItDbContext(options);
}
