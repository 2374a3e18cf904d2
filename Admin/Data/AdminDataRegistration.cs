using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Data;

public static class AdminDataRegistration
{
    public const string ConnectionStringName = "SocIt";
    private const string DefaultConnectionString = "Data Source=App_Data/socit.db";

    /// <summary>
    /// Registers the DbContext factory on the configured provider (<see cref="DatabaseProviderSetting"/>): PostgreSQL on
    /// <c>ConnectionStrings:SocIt</c>, or the configured SQLite file (created with its folder if missing). The SQLite
    /// provider rebuilds a table for a changed column or a new foreign key and brackets the rebuild with its own
    /// <c>PRAGMA foreign_keys</c>, outside the migration's transaction; EF Core reports its own statement as a
    /// non-transactional operation (dotnet/efcore#35871). Our migrations write no such statement, so the report is
    /// logged as information, not as a warning at every first start (decision 0034).
    /// </summary>
    public static WebApplicationBuilder AddAdminData(this WebApplicationBuilder builder)
    {
        var provider = DatabaseProviderSetting.Read(builder.Configuration);
        builder.Services.AddSingleton(new DatabaseProviderInfo(provider));
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"{DatabaseProviderSetting.Key} is PostgreSql but ConnectionStrings:{ConnectionStringName} is not set: "
                    + "give an Npgsql connection string, e.g. Host=db;Database=socit;Username=socit;Password=...");
            }

            builder.Services.AddDbContextFactory<SocItDbContext, SocItDbContextFactory>((services, options) =>
                options.UsePostgreSqlModel(connectionString)
                    .AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = ResolveConnectionString(
                builder.Configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString,
                builder.Environment.ContentRootPath);

            // Features add their own interceptors to the container (the case e-mail's wake-up after a commit).
            builder.Services.AddDbContextFactory<SocItDbContext, SocItDbContextFactory>((services, options) =>
                options.UseSqlite(connectionString)
                    .AddInterceptors(services.GetServices<IInterceptor>().Prepend(new SqliteConnectionPragmas()))
                    .ConfigureWarnings(warnings => warnings.Log(
                        (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information))));
        }

        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddRecurringJob<DatabaseMaintenanceJob>(DatabaseMaintenanceJob.Id, DatabaseMaintenanceJob.DefaultCron);
        return builder;
    }

    /// <summary>Applies pending migrations, sets WAL journal mode and, in Development, seeds the demo organisation.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .InitializeAsync(seedDemoData: app.Environment.IsDevelopment(), app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// A relative SQLite file is taken relative to the content root (the Admin folder under <c>dotnet run</c>), not
    /// to whatever directory the process was started from, and its folder is created.
    /// </summary>
    internal static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } dataSource && dataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        return csb.ToString();
    }
}
