using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Keys;
using static SocItConsole.Admin.Tests.TestData.KeyRegisterData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Operators handing out one key to different people at the same moment, each through their own services.</summary>
public class KeyConcurrencyTests
{
    private const int Editors = 8;
    private const int Rounds = 100;

    /// <summary>The message every loser must get (KeyRegister's text for a key changed meanwhile, word for word).</summary>
    private const string ChangedMeanwhile =
        "Nyckeln har ändrats av någon annan sedan du öppnade den. Inget sparades; ladda om och försök igen.";

    /// <summary>
    /// Eight operators, each in their own scope of the running app, open the same key and hand it out at the same
    /// moment, each to a different person, for 100 keys. Each round exactly one hand-out is saved; the seven others are
    /// told the key changed meanwhile, and the key, its history and the audit trail show the winner's hand-out only.
    /// </summary>
    [Fact]
    public async Task EightOperatorsAssigningTheSameKeyAtOnce_For100Rounds_ExactlyOneWinsEachRound_AndNoUpdateIsLost()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var people = await AddEmployeesAsync(
            factory, Today, ct, [.. Enumerable.Range(1, Editors).Select(i => string.Create(CultureInfo.InvariantCulture, $"Person {i:D2}"))]);
        var centrum = await UnitIdAsync(factory, Centrum, ct);
        var numbers = Enumerable.Range(1, Rounds).Select(i => string.Create(CultureInfo.InvariantCulture, $"77{i:D5}")).ToList();
        var scopes = Enumerable.Range(0, Editors).Select(_ => SignedIn(app, "operator")).ToList();
        try
        {
            var registers = scopes.Select(s => s.ServiceProvider.GetRequiredService<KeyRegister>()).ToList();
            var queries = scopes.Select(s => s.ServiceProvider.GetRequiredService<KeyQueries>()).ToList();
            Assert.IsType<KeyResult.Done>(await registers[0].RegisterAsync(centrum, KeyKind.Personal, null, string.Join(' ', numbers), ct));
            var (wins, conflicts) = (0, 0);

            for (var round = 0; round < Rounds; round++)
            {
                var key = await KeyAsync(factory, numbers[round], ct);
                var keyId = key.Id;

                var results = await Race.RunAsync(
                    Editors,
                    i => queries[i].GetAsync(keyId, ct),
                    (i, loaded) => registers[i].AssignAsync(keyId, loaded!.Key.Version, people[i], ct));

                var winner = Assert.Single(Enumerable.Range(0, Editors), i => results[i] is KeyResult.Done);
                Assert.All(results.Where((_, i) => i != winner), r => Assert.Equal(new KeyResult.Conflict(ChangedMeanwhile), r));
                var after = await KeyAsync(factory, numbers[round], ct);
                Assert.Equal((KeyStatus.Issued, (int?)people[winner], 1), (after.Status, after.HolderEmployeeId, after.Version - key.Version));
                Assert.Equal(2, after.History.Count);
                await using var db = await factory.CreateDbContextAsync(ct);
                var audited = await db.AuditEntries.Where(a => a.Action == "Key.Assigned" && a.EntityId == numbers[round]).ToListAsync(ct);
                Assert.Contains($"\"HolderEmployeeId\":{people[winner]}", Assert.Single(audited).After, StringComparison.Ordinal);
                wins++;
                conflicts += Editors - 1;
            }

            await using var check = await factory.CreateDbContextAsync(ct);
            var assigned = await check.AuditEntries.CountAsync(a => a.Action == "Key.Assigned", ct);
            var raced = numbers.Select(KeyNumber.Parse).ToList();
            var issued = await check.Keys.CountAsync(k => k.Status == KeyStatus.Issued && raced.Contains(k.Number), ct);
            Assert.Equal((Rounds, Rounds), (assigned, issued));
            Assert.Equal((Rounds, Rounds * (Editors - 1)), (wins, conflicts));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Key concurrency: {Editors} editors, {Rounds} rounds, {wins} wins, {conflicts} conflicts, {assigned} audited hand-outs.");
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return scope;
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
