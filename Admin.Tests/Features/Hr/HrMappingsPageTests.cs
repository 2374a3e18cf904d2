using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Hr.Pages;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Hr;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary>"HR-kopplingar" as the administrator sees it, over the demo organisation and the real service.</summary>
public class HrMappingsPageTests : ComponentTestBase, IAsyncLifetime
{
    private TestDatabase? _database;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        Services.AddScoped(_ => AppServices.CurrentUser("admin"));
        Services.AddScoped<CurrentUser>(_ => AppServices.CurrentUser("admin"));
        Services.AddScoped<AuditedChange>(_ => AppServices.AuditedChange(Database, "admin"));
        Services.AddScoped(sp => new HrMappings(Database, sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<AuditedChange>()));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task WaitingValues_ComeFirst_WithTheirSuggestionAndFirstSeenDate()
    {
        var decided = await HrMappingsTests.AddPendingAsync(Database, HrMappingKind.Unit, "AAA beslutad");
        await using (var db = Database.CreateDbContext())
        {
            var mapping = await db.HrMappings.SingleAsync(m => m.Id == decided, TestContext.Current.CancellationToken);
            mapping.Ignore(new("admin-id", "Johan Berg"), AppServices.Clock().GetUtcNow());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await HrMappingsTests.AddPendingAsync(Database, HrMappingKind.Unit, "ZZZ Centrum HR", "Hemtjänst Centrum",
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-value]").Count));
        Assert.Equal(["ZZZ Centrum HR", "AAA beslutad"], cut.FindAll("[data-testid=row-value]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Väntar", "Utanför uppdraget"], cut.FindAll("[data-testid=row-status]").Select(e => e.TextContent.Trim()));
        Assert.Equal("Förslag: Hemtjänst Centrum", cut.FindAll("[data-testid=row-target]")[0].TextContent.Trim());
        Assert.Contains("2026-11-20", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("HR-enheter (1 väntar)", cut.Find("[data-testid=kind-Unit]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=accept]"));
        Assert.Single(cut.FindAll("[data-testid=reopen]"));
    }

    [Fact]
    public async Task AcceptingTheSuggestion_MapsTheValue_InOneClick()
    {
        var id = await HrMappingsTests.AddPendingAsync(Database, HrMappingKind.Unit, "Centrum HR", "Hemtjänst Centrum");
        var cut = RenderPage();
        cut.WaitForAssertion(() => cut.Find("[data-testid=accept]"));

        await cut.Find("[data-testid=accept]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Kopplad", cut.Find("[data-testid=row-status]").TextContent.Trim()));
        Assert.Equal("Hemtjänst Centrum", cut.Find("[data-testid=row-target]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        Assert.Equal(HrMappingStatus.Mapped, (await db.HrMappings.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Ignoring_AsksFirst_AndCancellingChangesNothing()
    {
        var id = await HrMappingsTests.AddPendingAsync(Database, HrMappingKind.Unit, "KST 8000 Fritid");
        var cut = RenderPage();
        cut.WaitForAssertion(() => cut.Find("[data-testid=ignore]"));

        cut.Find("[data-testid=ignore]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains(
            "Rader med \"KST 8000 Fritid\" hoppas över vid avstämningen mot HR", Dialogs.Markup, StringComparison.Ordinal));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Avbryt").Click();
        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("hoppas över", Dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(HrMappingStatus.Pending, await StatusAsync(id));

        cut.Find("[data-testid=ignore]").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.FindAll("button"), b => b.TextContent.Trim() == "Utanför uppdraget"));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Utanför uppdraget").Click();

        cut.WaitForAssertion(() => Assert.Equal("Utanför uppdraget", cut.Find("[data-testid=row-status]").TextContent.Trim()));
        Assert.Equal(HrMappingStatus.Ignored, await StatusAsync(id));
    }

    [Fact]
    public void NoValues_ShowsASwedishEmptyState_AndTheExplanation()
    {
        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("Inga HR-enheter väntar", cut.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains("kopplas av sig själva", cut.Find("[data-testid=explanation]").TextContent, StringComparison.Ordinal);
        Assert.Equal("HR-kopplingar", cut.Find("h1").TextContent.Trim());
    }

    private async Task<HrMappingStatus> StatusAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.HrMappings.Where(m => m.Id == id).Select(m => m.Status).SingleAsync(TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<HrMappingsPage> RenderPage()
    {
        SignInAs("admin");
        RenderInteractively();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<HrMappingsPage>();
    }
}
