using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Operators handing out one key to different people at the same moment, each through their own services.</summary>
public class KeyConcurrencyTests
{
    private const int Rounds = 25;

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task OperatorsAssigningTheSameKeyAtOnce_ExactlyOneSucceeds_AndTheOthersAreTold(int operators)
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var people = await AddEmployeesAsync(
            database, Today, ct, [.. Enumerable.Range(1, operators).Select(i => string.Create(CultureInfo.InvariantCulture, $"Person {i:D2}"))]);
        var centrum = await UnitIdAsync(database, Centrum, ct);
        var numbers = Enumerable.Range(1, Rounds).Select(i => string.Create(CultureInfo.InvariantCulture, $"77{i:D5}")).ToList();
        Assert.IsType<KeyResult.Done>(
            await KeyServices.Register(database, "operator", clock).RegisterAsync(centrum, KeyKind.Personal, null, string.Join(' ', numbers), ct));

        for (var round = 0; round < Rounds; round++)
        {
            var key = await KeyAsync(database, numbers[round], ct);
            var registers = Enumerable.Range(0, operators).Select(_ => KeyServices.Register(database, "operator", clock)).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = registers
                .Select((register, i) => Task.Run(async () =>
                {
                    await start.Task;
                    return await register.AssignAsync(key.Id, key.Version, people[i], ct);
                }, ct))
                .ToList();

            start.SetResult();
            var results = await Task.WhenAll(tasks);

            var winner = Assert.Single(Enumerable.Range(0, operators), i => results[i] is KeyResult.Done);
            Assert.All(results.Where((_, i) => i != winner), r => Assert.True(r is KeyResult.Conflict or KeyResult.Refused, $"Round {round}: {r}"));
            var after = await KeyAsync(database, numbers[round], ct);
            Assert.Equal((KeyStatus.Issued, (int?)people[winner], key.Version + 1), (after.Status, after.HolderEmployeeId, after.Version));
            Assert.Equal(2, after.History.Count);
            await using var db = database.CreateDbContext();
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Key.Assigned" && a.EntityId == numbers[round], ct));
        }

        await using var check = database.CreateDbContext();
        Assert.Equal(Rounds, await check.AuditEntries.CountAsync(a => a.Action == "Key.Assigned", ct));
        Assert.Equal(Rounds, await check.Keys.CountAsync(k => k.Status == KeyStatus.Issued, ct));
    }

    [Fact]
    public async Task OperatorsResettingTheSameCodeAtOnce_ExactlyOneNewCodeWorks()
    {
        var (database, clock) = await SeededAsync();
        using var _ = database;
        var ct = TestContext.Current.CancellationToken;
        var lisa = (await AddEmployeesAsync(database, Today, ct, "Lisa Andersson"))[0];
        var key = await KeyAsync(database, "4110001", ct);
        await KeyServices.Register(database, "operator", clock).AssignAsync(key.Id, key.Version, lisa, ct);
        await KeyServices.Codes(database, "operator", clock).IssueAsync(lisa, ct);
        var codes = Enumerable.Range(0, 4).Select(_ => KeyServices.Codes(database, "operator", clock)).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = codes.Select(c => Task.Run(async () =>
        {
            await start.Task;
            return await c.ResetAsync(lisa, 1, PersonalCodeResetReason.Forgotten, ct);
        }, ct)).ToList();

        start.SetResult();
        var results = await Task.WhenAll(tasks);

        var issued = Assert.Single(results.OfType<KeyResult.CodeIssued>());
        Assert.Equal(3, results.OfType<KeyResult.Conflict>().Count());
        var stored = (await CodeAsync(database, lisa, ct))!;
        Assert.Equal(2, stored.Version);
        Assert.True(stored.Verify(issued.Code.Reveal()));
    }
}
