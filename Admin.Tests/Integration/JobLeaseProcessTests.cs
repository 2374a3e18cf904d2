extern alias bench;

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.Infrastructure.Email;
using SocItConsole.Admin.Tests.TestData;
using bench::SocItConsole.Bench.Harness;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Runs alone: it starts the built app as several processes at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobProcessGroup
{
    public const string Name = "Job processes";
}

/// <summary>
/// The exactly-once promise of the expiry job across processes: the built app started as real processes on one
/// database with due follow-ups — two command lines at the same moment, and the running console's scheduled run
/// against a command line, both ways. The mail server holds whichever run gets the lease at its gate (so it is
/// certainly still running, holding the lease, when the other arrives) until the other has done what it does; then
/// every manager must have exactly one reminder. On the run's provider: the lease is a row in either database.
/// </summary>
[Collection(JobProcessGroup.Name)]
public class JobLeaseProcessTests
{
    private const string Job = "expiry-reminders";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoCommandLinesAtTheSameMoment_OneSendsEachManagerOneReminder_TheOtherSaysAnotherRunIsGoingOn()
    {
        using var folder = new TempFolder();
        using var database = await PrepareAsync(folder);
        await using var smtp = GatedSmtpServer.Start();
        string[] command = ["run-job", Job, "--as-of", "2026-11-27"];

        await using var first = AppProcess.StartCommand(AppContext.BaseDirectory, database.Path, folder.Path, command, database.Settings(smtp.AppSettings()));
        await using var second = AppProcess.StartCommand(AppContext.BaseDirectory, database.Path, folder.Path, command, database.Settings(smtp.AppSettings()));

        // Whichever claims the lease first stops at the mail server's gate; the other finds the lease held and ends.
        var exits = new[] { first.WaitForExitAsync(Ct), second.WaitForExitAsync(Ct) };
        var firstExit = await Task.WhenAny(exits).WaitAsync(Patience, Ct);
        var (refused, holder) = firstExit == exits[0] ? (await exits[0], second) : (await exits[1], first);
        Assert.True(refused.ExitCode == JobCommand.ExitBusy, $"exit {refused.ExitCode}:\n{refused.Output}\n{refused.Error}");
        Assert.Contains($"En annan körning av {Job} pågår sedan ", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"(värd {Environment.MachineName}, process {holder.ProcessId}). Försök igen senare.", refused.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);

        smtp.Open();
        var ran = await (firstExit == exits[0] ? exits[1] : exits[0]).WaitAsync(Patience, Ct);

        Assert.True(ran.ExitCode == JobCommand.ExitOk, $"exit {ran.ExitCode}:\n{ran.Output}\n{ran.Error}");
        Assert.Contains("2 påminnelser skickade (2 rader)", ran.Output, StringComparison.Ordinal);
        AssertOneReminderPerManager(smtp);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Process {holder.ProcessId} sent {smtp.Received.Count} reminders; the other ended with {refused.ExitCode}: {refused.Error.Trim()}");
    }

    /// <summary>The console's scheduled run (the start-up catch-up) is sending when an operator runs the job at the command line.</summary>
    [Fact]
    public async Task TheConsolesRunGoingOn_ACommandLineRunEndsAtOnce_AndNothingIsSentTwice()
    {
        using var folder = new TempFolder();
        using var database = await PrepareAsync(folder);
        await using var smtp = GatedSmtpServer.Start();
        await using var console = await AppProcess.StartAsync(AppContext.BaseDirectory, database.Path, folder.Path, database.Settings(smtp.AppSettings()), Ct);
        await WaitUntilAsync(() => Task.FromResult(smtp.Waiting > 0), "the console's catch-up run to reach the mail server", console);

        await using (var operatorRun = AppProcess.StartCommand(AppContext.BaseDirectory, database.Path, folder.Path, ["run-job", Job], database.Settings(smtp.AppSettings())))
        {
            var refused = await operatorRun.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
            Assert.True(refused.ExitCode == JobCommand.ExitBusy, $"exit {refused.ExitCode}:\n{refused.Output}\n{refused.Error}");
            Assert.Contains($"(värd {Environment.MachineName}, process {console.ProcessId}). Försök igen senare.", refused.Error, StringComparison.Ordinal);
        }

        smtp.Open();
        await WaitUntilAsync(async () => await LeaseFreeAsync(database) && smtp.Received.Count == 2, "the console's run to finish", console);
        await using var again = AppProcess.StartCommand(AppContext.BaseDirectory, database.Path, folder.Path, ["run-job", Job], database.Settings(smtp.AppSettings()));
        var nothingLeft = await again.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);

        Assert.True(nothingLeft.ExitCode == JobCommand.ExitOk, $"exit {nothingLeft.ExitCode}:\n{nothingLeft.Output}\n{nothingLeft.Error}");
        Assert.Contains("0 påminnelser skickade", nothingLeft.Output, StringComparison.Ordinal);
        AssertOneReminderPerManager(smtp);
    }

    /// <summary>A command line is sending when the console starts: the console's scheduled run waits for it, then finds nothing to do.</summary>
    [Fact]
    public async Task ACommandLineRunGoingOn_TheConsolesRunWaitsForIt_ThenFindsNothingToDo()
    {
        using var folder = new TempFolder();
        using var database = await PrepareAsync(folder);
        await using var smtp = GatedSmtpServer.Start();
        await using var operatorRun = AppProcess.StartCommand(AppContext.BaseDirectory, database.Path, folder.Path, ["run-job", Job], database.Settings(smtp.AppSettings()));
        await WaitUntilAsync(() => Task.FromResult(smtp.Waiting > 0), "the command line's run to reach the mail server", null);

        var settings = new Dictionary<string, string>(smtp.AppSettings(), StringComparer.Ordinal)
        {
            [$"Logging__LogLevel__{typeof(JobRunner).FullName}"] = "Information",
            ["Logging__LogLevel__SocItConsole.Admin.Features.FollowUps.FollowUpRun"] = "Information",
        };
        await using var console = await AppProcess.StartAsync(AppContext.BaseDirectory, database.Path, folder.Path, database.Settings(settings), Ct);
        await WaitUntilAsync(
            () => Task.FromResult(console.LogTail(200).Contains($"Job {Job} is running elsewhere", StringComparison.Ordinal)),
            "the console's run to wait", console);

        smtp.Open();
        var ran = await operatorRun.WaitForExitAsync(Ct).WaitAsync(Patience, Ct);
        Assert.True(ran.ExitCode == JobCommand.ExitOk, $"exit {ran.ExitCode}:\n{ran.Output}\n{ran.Error}");
        Assert.Contains("2 påminnelser skickade", ran.Output, StringComparison.Ordinal);
        await WaitUntilAsync(
            async () => console.LogTail(200).Contains("Expiry check: Körning", StringComparison.Ordinal) && await LeaseFreeAsync(database),
            "the console's run after the command line's", console);

        Assert.Contains("0 påminnelser skickade", console.LogTail(200), StringComparison.Ordinal);
        AssertOneReminderPerManager(smtp);
    }

    /// <summary>
    /// The demo organisation on a migrated database of the run's provider (a SQLite file in WAL mode, as the console
    /// leaves it), with a temporary grant of chef1's staff and one of chef2's that ran out on 2026-11-20: due on
    /// 2026-11-27 and on every later day.
    /// </summary>
    private static async Task<ProcessDatabase> PrepareAsync(TempFolder folder)
    {
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        await world.AddTemporaryGrantAsync("chef2", new DateOnly(2026, 11, 20), "Omar Ali", OrderRequests.Pnr1985);
        // The receipts of the orders behind the grants went out long ago: the mail server sees only the reminders.
        await using (var db = world.Database.CreateDbContext())
        {
            await db.CaseMessages.ExecuteUpdateAsync(
                m => m.SetProperty(x => x.Status, SocItConsole.Shared.FollowUps.ReminderStatus.Sent), Ct);
        }

        return await ProcessDatabase.CopyOfAsync(world.Database, folder, Ct);
    }

    private static async Task<bool> LeaseFreeAsync(ProcessDatabase database) =>
        await database.CountAsync(
            """SELECT COUNT(*) FROM "JobRuns" WHERE "JobId" = 'expiry-reminders' AND "LeaseHolder" IS NULL AND "LastSucceededAt" IS NOT NULL""",
            Ct) == 1;

    private static void AssertOneReminderPerManager(GatedSmtpServer smtp)
    {
        var perManager = smtp.Received.SelectMany(m => m.To).GroupBy(to => to, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(2, perManager.Count);
        Assert.Equal(1, perManager[FollowUpWorld.Chef1Email]);
        Assert.Equal(1, perManager[FollowUpWorld.Chef2Email]);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, AppProcess? app)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience)
            {
                Assert.Fail($"Waited {Patience.TotalMinutes} minutes for {what}.{(app is null ? string.Empty : "\n" + app.LogTail())}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }
}
