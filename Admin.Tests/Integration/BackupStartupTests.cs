using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class BackupStartupTests
{
    [Fact]
    public async Task Startup_SchedulesTheNightlyBackup_IntoAppData_AndHoldsTheDatabasesLock()
    {
        await using var app = AdminAppFactory.Development().OnSqlite();
        using var client = app.CreateTestClient();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DatabaseBackupJob.Id);
        Assert.Equal("0 3 * * *", job.Cron);
        Assert.Equal("Europe/Stockholm", job.TimeZoneId);
        Assert.Contains(app.Services.GetServices<CommandLineJob>(), j => j.Id == DatabaseBackupJob.Id);
        var contentRoot = app.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.Equal(Path.Combine(contentRoot, "App_Data", "backups"), app.Services.GetRequiredService<IOptions<BackupOptions>>().Value.Folder);
        Assert.Equal(app.DatabasePath + ".lock", app.Services.GetRequiredService<DatabaseInUse>().LockPath);
        Assert.Null(DatabaseFileLock.TryExclusive(app.DatabasePath));
    }

    [Fact]
    public void Startup_IsRefused_WithBackupSettingsThatCannotBeUsed_NamingEach()
    {
        using var app = AdminAppFactory.Development()
            .WithSetting("Backup:RetentionDays", "0")
            .WithSetting("Backup:KeepAtLeast", "0");

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateTestClient());

        Assert.Contains("Backup:RetentionDays must be 1 or more", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Backup:KeepAtLeast must be 1 or more", refused.Message, StringComparison.Ordinal);
    }
}
