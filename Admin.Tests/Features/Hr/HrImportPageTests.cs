using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Hr.Pages;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.Hr;

/// <summary><em>Läs in HR-fil</em> rendered for the administrator over the demo organisation.</summary>
public sealed class HrImportPageTests : ComponentTestBase, IAsyncLifetime
{
    private HrWorld? _world;

    private HrWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await HrWorld.CreateAsync();
        await World.EmployAsync(HrWorld.Maria, "Maria Lundgren", "Hemtjänst Centrum", "Undersköterska");
        Services.AddSingleton<IDbContextFactory<SocItDbContext>>(World.Database);
        Services.AddSingleton<TimeProvider>(World.Clock);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IMailSender>(World.Mail);
        Services.AddSingleton<AuditTrail>();
        Services.AddSingleton<JobLeases>();
        Services.AddSingleton<JobRunner>();
        Services.AddSingleton(Options.Create(new HrOptions()));
        Services.AddSingleton(Options.Create(AppServices.EmailSettings()));
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddScoped<CurrentUser>();
        Services.AddHrRun();
        Services.AddScoped<HrImportService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
    }

    [Fact]
    public void DryRun_OfAFileWithErrors_ListsEachLineProblem_AndStämAvStaysDisabled()
    {
        var cut = Page();

        Upload(cut, "hr-2026-11-27.csv",
            HrWorld.Maria + ";Maria Lundgren;4110;Undersköterska;2020-01-01;\n" +
            "19820407-2429;Fel Nummer;4110;Undersköterska;2020-01-01;\n" +
            HrWorld.Elin + ";Elin Karlsson;4110;Undersköterska;2026-13-01;\n");
        cut.Find("[data-testid=hr-dry-run]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=hr-failed]"));
        var rows = cut.FindAll("[data-testid=hr-problems] tbody tr");
        Assert.Equal(["3", "4"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Contains("Filen har 2 fel och kan inte stämmas av. Ingenting har ändrats.", cut.Find("[data-testid=hr-failed]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=hr-reconcile]").HasAttribute("disabled"));
    }

    [Fact]
    public void DryRun_OfAGoodFile_ShowsTheFiguresAndWaitingValues_ThenStämAvReconciles_AndTheRunIsListed()
    {
        var cut = Page();
        cut.WaitForAssertion(() => cut.Find("[data-testid=hr-runs-empty]"));
        Assert.True(cut.Find("[data-testid=hr-reconcile]").HasAttribute("disabled"));

        Upload(cut, "hr-2026-11-27.csv",
            HrWorld.Maria + ";Maria Lundgren;4110;Sjuksköterska;2026-11-01;\n" +
            HrWorld.Elin + ";Elin Karlsson;Okänd enhet;Undersköterska;2026-12-01;\n");
        cut.Find("[data-testid=hr-dry-run]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=hr-figures]"));
        Assert.Contains("Provkörning per 2026-11-27", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("1 rad väntar på att en enhet eller titel kopplas", cut.Find("[data-testid=hr-waiting]").TextContent, StringComparison.Ordinal);
        Assert.Contains("href=\"/hr/mappings\"", cut.Find("[data-testid=hr-waiting]").InnerHtml, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=hr-reconcile]").HasAttribute("disabled"));

        cut.Find("[data-testid=hr-reconcile]").Click();

        // The reconciliation writes the run and its findings in one transaction: more than a lookup, so more patience
        // than bunit's one-second default on a busy machine (it still ends as soon as the page shows it).
        cut.WaitForAssertion(() => cut.Find("[data-testid=hr-done]"), TimeSpan.FromSeconds(15));
        Assert.Contains("href=\"/hr\"", cut.Find("[data-testid=hr-done]").InnerHtml, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("hr-2026-11-27.csv", cut.Find("[data-testid=hr-runs]").TextContent, StringComparison.Ordinal));
        Assert.Contains("1 ny titel/enhet", cut.Find("[data-testid=hr-run-findings]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=hr-reconcile]").HasAttribute("disabled"));
    }

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedWithASwedishMessage_AndNotRead()
    {
        var cut = Page();

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(new byte[HrImportService.MaxFileBytes + 1], "hr-stor.csv"));

        cut.WaitForAssertion(() => Assert.Equal(
            "Filen är 21 MB; en HR-fil får vara högst 20 MB.", cut.Find("[data-testid=hr-error]").TextContent.Trim()));
        Assert.True(cut.Find("[data-testid=hr-dry-run]").HasAttribute("disabled"));
    }

    private IRenderedComponent<HrImportPage> Page()
    {
        SignInAs("admin");
        RenderInteractively();
        Render<MudPopoverProvider>();
        return Render<HrImportPage>();
    }

    private static void Upload(IRenderedComponent<HrImportPage> cut, string name, string lines)
    {
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(HrWorld.Bytes(lines), name));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=hr-no-file]")));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=hr-dry-run]").HasAttribute("disabled")));
    }
}
