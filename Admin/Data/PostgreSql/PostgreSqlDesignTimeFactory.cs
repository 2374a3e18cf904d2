using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SocItConsole.Admin.Data.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server or the web app.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSocItDbContext>
{
    public PostgreSqlSocItDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SocItDbContext>().UsePostgreSqlModel("Host=localhost;Database=socit_design").Options);
}
