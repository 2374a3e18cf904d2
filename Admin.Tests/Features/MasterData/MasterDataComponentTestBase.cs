using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.MasterData;

/// <summary>
/// bunit for the administration: the real service and queries over a migrated SQLite file, signed in as the
/// administrator, so that a dialog shows what the service really answers.
/// </summary>
public abstract class MasterDataComponentTestBase : ComponentTestBase, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        Services.AddSingleton<IDbContextFactory<SocItDbContext>>(Database);
        Services.AddHttpContextAccessor();
        Services.AddLogging();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new AuditTrail(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero))));
        Services.AddScoped<AuditedChange>();
        Services.AddScoped<MasterDataService>();
        Services.AddScoped<MasterDataQueries>();
        Services.AddScoped<UnitDirectory>();
        SignInAs("admin");
        RenderInteractively();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Database.Dispose();
    }
}
