using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SocItConsole.Admin.Data.PostgreSql;

namespace SocItConsole.Admin.Data;

public static class PostgreSqlOptions
{
    /// <summary>
    /// Npgsql with what the model needs on PostgreSQL: searches that ignore case
    /// (<see cref="CaseInsensitiveLikeExtension"/>, which also marks the options as the PostgreSQL model's for
    /// <see cref="SocItDbContextFactory"/>). No retrying execution strategy: the console's changes run in transactions
    /// of their own and retry where a retry is safe.
    /// </summary>
    public static DbContextOptionsBuilder<SocItDbContext> UsePostgreSqlModel(
        this DbContextOptionsBuilder<SocItDbContext> options, string connectionString)
    {
        ((DbContextOptionsBuilder)options).UsePostgreSqlModel(connectionString);
        return options;
    }

    /// <inheritdoc cref="UsePostgreSqlModel(DbContextOptionsBuilder{SocItDbContext}, string)"/>
    public static DbContextOptionsBuilder UsePostgreSqlModel(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new CaseInsensitiveLikeExtension());
        return options;
    }
}
