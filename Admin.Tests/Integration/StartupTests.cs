using System.Diagnostics;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

public class StartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void App_RefusesToStart_WithoutAzureAd_OutsideDevelopment(string environment)
    {
        using var app = AdminAppFactory.WithoutSignIn(environment);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateTestClient());

        Assert.Contains("AzureAd", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureAd:ClientId", error.Message, StringComparison.Ordinal);
        Assert.Contains("only in the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_RefusesToStart_WithIncompleteAzureAd_NamingWhatIsWrong()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await RunAppProcessAsync(folder, "Production",
            ("AzureAd__Instance", "http://login.microsoftonline.com/"), ("AzureAd__TenantId", "kommun.onmicrosoft.com"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AzureAd:ClientId is missing", output, StringComparison.Ordinal);
        Assert.Contains("AzureAd:Instance must be an absolute https URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppProcess_ExitsNonZero_NamingAzureAd_InProductionWithoutIt()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await RunAppProcessAsync(folder, "Production");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AzureAd", output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("socit.db")), "nothing is created before sign-in is configured");
    }

    [Fact]
    public async Task Startup_MigratesTheDatabase_AndSchedulesRecurringJobsInStockholmTime()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        if (!app.IsPostgreSql)
        {
            Assert.True(File.Exists(app.DatabasePath));
        }

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DatabaseMaintenanceJob.Id);
        Assert.Equal(DatabaseMaintenanceJob.DefaultCron, job.Cron);
        Assert.Equal("Europe/Stockholm", job.TimeZoneId);
        Assert.Equal(typeof(DatabaseMaintenanceJob), job.Job.Type);
    }

    [Fact]
    public async Task Production_SeedsNoDemoData()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient("operator");

        var html = await client.GetStringAsync("/units", TestContext.Current.CancellationToken);

        Assert.Contains("Det finns inga verksamheter registrerade ännu.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemtjänst Centrum", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_FirstStart_WithDemoDataAndCatchUp_LogsNoWarning_ButTheUnencryptedKeyNote()
    {
        var ct = TestContext.Current.CancellationToken;
        using var mail = new TempFolder();
        // As `dotnet run` starts it (the http launch profile's demo switches) on a new database. The catch-up is run
        // below and awaited, rather than on Hangfire's worker, so that the test knows when it has finished.
        await using var app = AdminAppFactory.Development()
            .WithSetting("FollowUps:SeedDemoGrants", "true")
            .WithSetting("Reviews:SeedDemoAccess", "true")
            .WithSetting("FollowUps:CatchUpOnStartup", "false")
            .WithSetting("Email:PickupDirectory", mail.Path);
        using var client = app.CreateTestClient();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FollowUpRemindersJob>().RunAsync(ct);
        }

        // The demo seeders place and complete orders through the intake: the queries that used to warn ran.
        Assert.Contains(app.Logs, l => l.Message.Contains("temporary grant(s) for the follow-ups", StringComparison.Ordinal));
        Assert.Contains(app.Logs, l => l.Message.Contains("completed case(s) with grants", StringComparison.Ordinal));
        Assert.NotEmpty(Directory.GetFiles(mail.Path, "*.eml"));
        var warnings = app.Logs
            .Where(l => l.Level >= LogLevel.Warning && l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .ToList();
        Assert.DoesNotContain(warnings, l => l.EventId.Id == RelationalEventId.MultipleCollectionIncludeWarning.Id);
        Assert.True(warnings.Count == 0, "EF Core warned at the first start:\n" + string.Join("\n", warnings));
        // Nothing else warns either, but the data-protection key's note (harmless in Development; see the README).
        var others = app.Logs.Where(l => l.Level >= LogLevel.Warning && !l.IsUnencryptedKeyWarning).ToList();
        Assert.True(others.Count == 0, "Warnings at the first start:\n" + string.Join("\n", others));
    }

    private static async Task<(int ExitCode, string Output)> RunAppProcessAsync(
        TempFolder folder, string environment, params (string Name, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__SocIt"] = $"Data Source={folder.File("socit.db")}";
        start.Environment["DataProtection__KeysPath"] = folder.File("keys");
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
