using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Matrix;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Two administrators saving the matrix at once, through the app's own services and database.</summary>
public class MatrixConcurrencyTests
{
    [Fact]
    public async Task TwoSimultaneousSaves_FromTheSameVersion_OneWins_TheOtherGetsAConflict_NothingIsLost()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var (titleIds, systemId, levelId) = await CreateTitlesAsync(app, ct);

        await using var annaScope = SignedIn(app, "admin");
        await using var erikScope = SignedIn(app, "admin");
        var anna = annaScope.ServiceProvider.GetRequiredService<MatrixService>();
        var erik = erikScope.ServiceProvider.GetRequiredService<MatrixService>();
        var baseVersion = (await anna.LoadAsync(ct)).Version;
        var annasEdit = new CellChange(new CellKey(titleIds[0], systemId), null, levelId);
        var eriksEdit = new CellChange(new CellKey(titleIds[1], systemId), null, levelId);

        var results = await Task.WhenAll(
            Task.Run(() => anna.SaveAsync(baseVersion, [annasEdit], "Anna", ct), ct),
            Task.Run(() => erik.SaveAsync(baseVersion, [eriksEdit], "Erik", ct), ct));

        Assert.Single(results, r => r is MatrixSaveResult.Saved);
        var conflict = Assert.IsType<MatrixSaveResult.Conflict>(Assert.Single(results, r => r is MatrixSaveResult.Conflict));
        Assert.Equal(baseVersion + 1, conflict.CurrentVersion);
        Assert.Single(conflict.ChangedMeanwhile);
        Assert.False(conflict.ChangedMeanwhile[0].AlsoChangedByYou);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct))
        {
            Assert.Equal(baseVersion + 1, (await db.MatrixState.SingleAsync(ct)).Version);
            Assert.Equal(1, await db.MatrixEntries.CountAsync(ct));
            Assert.Equal(1, await db.MatrixChangeSets.CountAsync(ct));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Matrix.Saved", ct));
        }

        // The loser re-applies on top of the winner's version: both edits end up saved.
        var loser = results[0] is MatrixSaveResult.Conflict ? anna : erik;
        var loserEdit = results[0] is MatrixSaveResult.Conflict ? annasEdit : eriksEdit;
        var reloaded = await loser.LoadAsync(ct);
        var pending = new PendingMatrixChanges(baseVersion, []);
        pending.Set(loserEdit.Key, loserEdit.LevelAfter);
        var rebased = pending.Rebase(reloaded.Version, reloaded.Cells);
        Assert.IsType<MatrixSaveResult.Saved>(await loser.SaveAsync(rebased.BaseVersion, rebased.Changes, null, ct));
        Assert.Equal(2, (await loser.LoadAsync(ct)).Cells.Count);
    }

    private const int Editors = 8;
    private const int Rounds = 100;

    /// <summary>
    /// Eight administrators, each in their own scope, load the same version and save at the same moment: all set one
    /// shared cell (each to a different level, or empty) and each toggles a cell of its own, 100 times over. Each round
    /// exactly one save is a new version; every other editor is told the matrix changed meanwhile, with the winner's
    /// cells listed, and the matrix afterwards is exactly the previous one plus the winner's changes.
    /// </summary>
    [Fact]
    public async Task EightAdministratorsSavingAtOnce_For100Rounds_ExactlyOneWinsEachRound_AndNoUpdateIsLost()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        var (shared, own, levels) = await CreateRaceTitlesAsync(app, ct);
        var scopes = Enumerable.Range(0, Editors).Select(_ => SignedIn(app, "admin")).ToList();
        try
        {
            var editors = scopes.Select(s => s.ServiceProvider.GetRequiredService<MatrixService>()).ToList();
            var start = await editors[0].LoadAsync(ct);
            var expected = start.Cells.ToDictionary(c => new CellKey(c.TitleId, c.SystemId), c => c.LevelId);
            var (wins, conflicts) = (0, 0);

            for (var round = 0; round < Rounds; round++)
            {
                var baseVersion = start.Version + round;
                var edits = Enumerable.Range(0, Editors).Select(i =>
                {
                    var sharedNow = expected.TryGetValue(shared, out var level) ? level : (int?)null;
                    var options = levels.Cast<int?>().Prepend(null).Where(l => l != sharedNow).ToList();
                    var ownNow = expected.TryGetValue(own[i], out var ownLevel) ? ownLevel : (int?)null;
                    return new[]
                    {
                        new CellChange(shared, sharedNow, options[(round + i) % options.Count]),
                        new CellChange(own[i], ownNow, ownNow is null ? levels[0] : null),
                    };
                }).ToList();

                var results = await Race.RunAsync(
                    Editors,
                    i => editors[i].LoadAsync(ct),
                    (i, loaded) => editors[i].SaveAsync(loaded.Version, edits[i], $"Runda {round + 1}, administratör {i + 1}", ct));

                var winner = Assert.Single(Enumerable.Range(0, Editors), i => results[i] is MatrixSaveResult.Saved);
                Assert.Equal(baseVersion + 1, ((MatrixSaveResult.Saved)results[winner]).Version);
                foreach (var i in Enumerable.Range(0, Editors).Where(i => i != winner))
                {
                    var conflict = Assert.IsType<MatrixSaveResult.Conflict>(results[i]);
                    Assert.Equal(baseVersion + 1, conflict.CurrentVersion);
                    Assert.Equal(
                        edits[winner].Select(e => (e.Key, e.Key == shared)).OrderBy(e => e.Key.TitleId),
                        conflict.ChangedMeanwhile.Select(c => (c.Change.Key, c.AlsoChangedByYou)).OrderBy(e => e.Key.TitleId));
                }

                foreach (var edit in edits[winner])
                {
                    if (edit.LevelAfter is { } level)
                    {
                        expected[edit.Key] = level;
                    }
                    else
                    {
                        expected.Remove(edit.Key);
                    }
                }

                var after = await editors[0].LoadAsync(ct);
                Assert.Equal(baseVersion + 1, after.Version);
                Assert.Equal(
                    expected.OrderBy(e => e.Key.TitleId).ThenBy(e => e.Key.SystemId).Select(e => (e.Key, e.Value)),
                    after.Cells.Select(c => (new CellKey(c.TitleId, c.SystemId), c.LevelId)).OrderBy(e => e.Item1.TitleId).ThenBy(e => e.Item1.SystemId));
                wins++;
                conflicts += Editors - 1;
            }

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
            var versions = await db.MatrixChangeSets.CountAsync(s => s.Version > start.Version, ct);
            var audited = await db.AuditEntries.CountAsync(a => a.Action == "Matrix.Saved", ct);
            Assert.Equal((Rounds, Rounds, start.Version + Rounds), (versions, audited, (await db.MatrixState.SingleAsync(ct)).Version));
            Assert.Equal((Rounds, Rounds * (Editors - 1)), (wins, conflicts));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Matrix concurrency: {Editors} editors, {Rounds} rounds, {wins} wins, {conflicts} conflicts, {versions} versions, {audited} audited saves.");
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>One title whose cell every editor changes, one title per editor for a cell of its own, and a system's levels.</summary>
    private static async Task<(CellKey Shared, CellKey[] Own, int[] Levels)> CreateRaceTitlesAsync(AdminAppFactory app, CancellationToken ct)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        var titles = Enumerable.Range(0, Editors + 1).Select(i => new JobTitle(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Racetitel {i:D2}"))).ToList();
        db.JobTitles.AddRange(titles);
        await db.SaveChangesAsync(ct);
        var system = await db.ItSystems.Include(s => s.Levels).OrderByDescending(s => s.Levels.Count).FirstAsync(s => s.IsActive, ct);
        return (
            new CellKey(titles[0].Id, system.Id),
            [.. titles.Skip(1).Select(t => new CellKey(t.Id, system.Id))],
            [.. system.Levels.Select(l => l.Id)]);
    }

    private static AsyncServiceScope SignedIn(AdminAppFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var principal = DevUsers.Find(userName)!.ToPrincipal();
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    private static async Task<(int[] TitleIds, int SystemId, int LevelId)> CreateTitlesAsync(AdminAppFactory app, CancellationToken ct)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
        var titles = new[] { new JobTitle("Undersköterska"), new JobTitle("Vårdbiträde") };
        db.JobTitles.AddRange(titles);
        await db.SaveChangesAsync(ct);
        var lifecare = await db.ItSystems.Include(s => s.Levels).SingleAsync(s => s.Name == "Lifecare", ct);
        return ([.. titles.Select(t => t.Id)], lifecare.Id, lifecare.Levels[0].Id);
    }
}
