using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.Integration.StaticForms;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Avstämning mot HR's actions on the static page (decision 0049) as the browser sends them: the chosen findings or
/// the question in the address, then the question's POST form, answered by the page with the outcome.
/// </summary>
public class HrStaticFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFindingsPage_AndItsQuestions_OpenNoCircuit()
    {
        await using var app = AdminAppFactory.EntraId();
        var (_, leaver, mover) = await SeedAsync(app.Services);
        using var operatorClient = app.CreateTestClient("operator");

        foreach (var path in new[] { "/hr", "/hr?kind=Leaver&confirm=all", $"/hr?confirm=selected&ids={leaver}", $"/hr?dismiss={mover}" })
        {
            Assert.Equal(0, Islands(await GetAsync(operatorClient, path)));
        }
    }

    [Fact]
    public async Task ConfirmSelected_AsksHowManyOrders_ThenPlacesTheOrderAndLinksItsCase()
    {
        await using var app = AdminAppFactory.EntraId();
        var (run, leaver, _) = await SeedAsync(app.Services);
        using var operatorClient = app.CreateTestClient("operator");

        // "Bekräfta valda" submits the selection form: the chosen boxes' ids in the address.
        var path = $"/hr?confirm=selected&ids={leaver}";
        var question = WebUtility.HtmlDecode(await GetAsync(operatorClient, path));
        Assert.Contains("högst 1 beställning läggs", question, StringComparison.Ordinal);
        Assert.Contains("Lägg 1 beställning<", question, StringComparison.Ordinal);
        Assert.Contains("Bekräfta valda (1)", question, StringComparison.Ordinal);
        var answer = WebUtility.HtmlDecode(await PostAsync(operatorClient, path, question, "hr-confirm"));

        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var finding = await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct);
        var order = await db.Orders.SingleAsync(o => o.Id == finding.OrderId, Ct);
        Assert.Equal((OrderType.Terminate, OrderChannel.Hr), (order.Type, order.Channel));
        Assert.Contains($"1 avvikelse bekräftad: 1 beställning lagd (ärende {order.CaseNumber}).", answer, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"orders-placed\"[^>]*>1<", answer);
        Assert.DoesNotContain("data-testid=\"confirm-dialog\"", answer, StringComparison.Ordinal);
        Assert.Equal(1, (await db.HrImports.SingleAsync(i => i.Id == run, Ct)).OrdersPlaced);

        var confirmed = await GetAsync(operatorClient, "/hr?status=Confirmed");
        Assert.Contains($"href=\"/cases/{order.Id}\"", confirmed, StringComparison.Ordinal);
        Assert.Contains($"Ärende {order.CaseNumber}", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmAll_OfAKind_SaysHowManyOrders_AndConfirmsOnlyThatKind()
    {
        await using var app = AdminAppFactory.EntraId();
        var (_, leaver, mover) = await SeedAsync(app.Services);
        using var operatorClient = app.CreateTestClient("operator");
        Assert.DoesNotContain("data-testid=\"confirm-all\"", await GetAsync(operatorClient, "/hr"), StringComparison.Ordinal);

        var path = Link(await GetAsync(operatorClient, "/hr?kind=Leaver"), "confirm-all");
        Assert.Equal("/hr?kind=Leaver&confirm=all", path);
        var question = WebUtility.HtmlDecode(await GetAsync(operatorClient, path));
        Assert.Contains("alla öppna avvikelser av typen slutat enligt hr", question, StringComparison.Ordinal);
        var answer = await PostAsync(operatorClient, path, question, "hr-confirm");

        Assert.Contains("1 avvikelse bekräftad", answer, StringComparison.Ordinal);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(HrFindingStatus.Confirmed, (await db.HrFindings.SingleAsync(f => f.Id == leaver, Ct)).Status);
        Assert.Equal(HrFindingStatus.Open, (await db.HrFindings.SingleAsync(f => f.Id == mover, Ct)).Status);
    }

    [Fact]
    public async Task Dismiss_AsksForAReason_ThenDismissesTheFinding()
    {
        await using var app = AdminAppFactory.EntraId();
        var (_, _, mover) = await SeedAsync(app.Services);
        using var operatorClient = app.CreateTestClient("operator");

        var path = $"/hr?dismiss={mover}";
        var question = await GetAsync(operatorClient, path);
        Assert.Contains("Avfärda avvikelsen ny titel eller enhet för Omar Svensson", question, StringComparison.Ordinal);
        var withoutReason = await PostAsync(operatorClient, path, question, "hr-dismiss", KeyValuePair.Create("Dismissal.Reason", "  "));
        Assert.Contains("Skriv ett skäl.", withoutReason, StringComparison.Ordinal);
        var answer = await PostAsync(operatorClient, path, withoutReason, "hr-dismiss", KeyValuePair.Create("Dismissal.Reason", "Beställning finns"));

        Assert.Contains("1 avvikelse avfärdad.", answer, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(answer, "data-testid=\"row-name\""));
        var factory = app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var finding = await db.HrFindings.SingleAsync(f => f.Id == mover, Ct);
        Assert.Equal((HrFindingStatus.Dismissed, "Beställning finns"), (finding.Status, finding.DismissReason));
    }

    /// <summary>The demo organisation, a run in which Lisa Andersson has left and Omar Svensson has moved.</summary>
    private static async Task<(int Run, int Leaver, int Mover)> SeedAsync(IServiceProvider app)
    {
        await using (var scope = app.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        }

        var factory = app.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var lisa = await TestEmployments.EmployAsync(factory, "19900101-0017", "Lisa Andersson");
        var omar = await TestEmployments.EmployAsync(factory, "19880412-1237", "Omar Svensson");
        var today = AdminTimeZone.Today(TimeProvider.System);
        var run = await HrFindingData.RunAsync(factory, asOf: today);
        var leaver = await HrFindingData.LeaverAsync(factory, run, lisa, today.AddDays(3));
        var mover = await HrFindingData.MoverAsync(factory, run, omar, "Hemtjänst Centrum", "Sjuksköterska", today.AddDays(7));
        return (run, leaver, mover);
    }
}
