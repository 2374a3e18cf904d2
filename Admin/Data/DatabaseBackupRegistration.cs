using Microsoft.Extensions.Options;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Data;

public static class DatabaseBackupRegistration
{
    /// <summary>
    /// Backups that are restored, not just taken: the nightly <c>database-backup</c> (also <c>run-job
    /// database-backup</c>) with its <c>Backup</c> settings, and the lock on the database that every process of the
    /// console holds and <c>restore</c> takes alone. The <c>backup</c> and <c>restore</c> commands themselves are
    /// <see cref="DatabaseFileCommands"/>.
    /// </summary>
    public static WebApplicationBuilder AddDatabaseBackup(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<BackupOptions>().Bind(builder.Configuration.GetSection(BackupOptions.Section))
            .PostConfigure(options =>
            {
                if (!string.IsNullOrWhiteSpace(options.Folder))
                {
                    options.Folder = Path.GetFullPath(options.Folder, contentRoot);
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidation>();
        builder.Services.AddScoped<DatabaseBackupRun>();
        builder.Services.AddRecurringJob<DatabaseBackupJob>(DatabaseBackupJob.Id, DatabaseBackupJob.DefaultCron);
        builder.Services.AddCommandLineJob(DatabaseBackupJob.Id, async (services, _, dryRun, ct) =>
            await services.GetRequiredService<DatabaseBackupRun>().RunAsync(dryRun, ct));
        builder.Services.AddSingleton<DatabaseInUse>();
        return builder;
    }

    /// <summary>
    /// Takes this process's shared lock on the SQLite file, before the start-up migration, so that a restore refuses to
    /// replace the file under it; fails the start while a restore is going on.
    /// </summary>
    public static WebApplication HoldDatabaseInUse(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<DatabaseInUse>().Hold();
        return app;
    }
}
