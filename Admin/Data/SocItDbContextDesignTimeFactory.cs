using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SocItConsole.Admin.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app (and its sign-in checks).</summary>
internal sealed class SocItDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SocItDbContext>
{
    public SocItDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SocItDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
