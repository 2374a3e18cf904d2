using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Organisation;

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
