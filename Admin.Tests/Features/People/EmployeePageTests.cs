using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.People.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.People;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.People;

public class EmployeePageTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private int _orderId;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        var placed = await AppServices.OrderIntake(_database, _clock).PlaceAsync(
            OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"));
        _orderId = ((PlaceOrderResult.Created)placed).Receipt.Id;
        Services.AddCasePageServices(_database, _clock);
        SignInAs("operator");
        RenderInteractively();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ShowsTheMaskedPersonnummer_AndVisaRevealsIt_WithAnAuditEntry()
    {
        var cut = Render<EmployeePage>(p => p.Add(x => x.Id, 1));

        cut.WaitForAssertion(() => Assert.Equal("19900101-****", cut.Find("[data-testid=personnummer]").TextContent.Trim()));
        Assert.Equal("Lisa Andersson", cut.Find("[data-testid=employee-name]").TextContent.Trim());
        Assert.Contains("Visningen loggas", cut.Markup, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=current-grants-empty]"));
        Assert.Contains("SOC-2026-00001", cut.Find("[data-testid=employee-cases]").TextContent, StringComparison.Ordinal);

        // A POST form on the static page (decision 0049); bunit submits it to the same handler.
        cut.Find("[data-testid=reveal]").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Equal("19900101-1239", cut.Find("[data-testid=personnummer]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Employee.PersonnummerViewed", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListsTheGrants_AfterTheCaseIsCompleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = AppServices.CaseWork(Database, "operator", _clock);
        var version = ((CaseResult.Done)await work.TakeAsync(_orderId, 0, ct)).Version;
        foreach (var item in (await work.GetAsync(_orderId, ct))!.Checklist)
        {
            version = ((CaseResult.Done)await work.MarkItemAsync(_orderId, version, item.Id, ChecklistState.Done, null, ct)).Version;
        }

        Assert.IsType<CaseResult.Done>(await work.MoveAsync(_orderId, version, OrderStatus.Completed, null, ct));

        var cut = Render<EmployeePage>(p => p.Add(x => x.Id, 1));

        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll("[data-testid=current-grants] [data-testid=grant]").Count));
        var lifecare = cut.FindAll("[data-testid=current-grants] [data-testid=grant]").Single(r => r.TextContent.Contains("Lifecare", StringComparison.Ordinal));
        Assert.Contains("tills vidare", lifecare.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-07", lifecare.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cases/{_orderId}", lifecare.QuerySelector("a")!.GetAttribute("href"));
        var employment = Assert.Single(cut.FindAll("[data-testid=employment]"));
        Assert.Equal("Undersköterska i Hemtjänst Centrum", employment.QuerySelector("[data-testid=employment-title]")!.TextContent.Trim());
        Assert.Equal("Börjar 2026-12-07", employment.QuerySelector("[data-testid=employment-state]")!.TextContent.Trim());
        Assert.Contains("SOC-2026-00001", employment.QuerySelector("[data-testid=employment-cases]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=toggle-past]"));
    }

    [Fact]
    public async Task Timeline_ShowsAnEmploymentReplacedByAChange_EndedTheDayBefore_WithItsPastGrantsOnRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Database.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == _orderId, ct);
            var centrum = await db.Units.SingleAsync(u => u.Name == "Hemtjänst Centrum", ct);
            var tallgarden = await db.Units.SingleAsync(u => u.Name == "Tallgårdens vård- och omsorgsboende", ct);
            var old = new Employment(order.EmployeeId, centrum.Id, centrum.Name, order.TitleId, "Undersköterska", new DateOnly(2025, 3, 1), null, _orderId);
            var next = new Employment(order.EmployeeId, tallgarden.Id, tallgarden.Name, order.TitleId, "Undersköterska", new DateOnly(2026, 11, 1), null, _orderId);
            db.Employments.AddRange(old, next);
            await db.SaveChangesAsync(ct);
            old.ReplaceWith(next, new DateOnly(2026, 10, 31), _orderId);
            var line = order.Systems[0];
            db.Grants.Add(new Grant(order.EmployeeId, line.SystemId, line.SystemName, line.LevelId, line.LevelName, centrum.Id, centrum.Name,
                new DateOnly(2025, 3, 1), new DateOnly(2026, 10, 31), _orderId, order.CaseNumber, new GrantOwner(old.Id)));
            db.Grants.Add(new Grant(order.EmployeeId, line.SystemId, line.SystemName, line.LevelId, line.LevelName, tallgarden.Id, tallgarden.Name,
                new DateOnly(2026, 11, 1), null, _orderId, order.CaseNumber, new GrantOwner(next.Id)));
            await db.SaveChangesAsync(ct);
        }

        var cut = Render<EmployeePage>(p => p.Add(x => x.Id, 1));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=employment]").Count));
        var (current, ended) = (cut.FindAll("[data-testid=employment]")[0], cut.FindAll("[data-testid=employment]")[1]);
        Assert.Equal("Undersköterska i Tallgårdens vård- och omsorgsboende", current.QuerySelector("[data-testid=employment-title]")!.TextContent.Trim());
        Assert.Equal("Pågående", current.QuerySelector("[data-testid=employment-state]")!.TextContent.Trim());
        Assert.Single(current.QuerySelectorAll("[data-testid=current-grants] [data-testid=grant]"));
        Assert.Equal("Avslutad", ended.QuerySelector("[data-testid=employment-state]")!.TextContent.Trim());
        Assert.Equal("2025-03-01 – 2026-10-31", ended.QuerySelector("[data-testid=employment-period]")!.TextContent.Trim());
        Assert.Contains("Ersattes av Undersköterska i Tallgårdens vård- och omsorgsboende från 2026-11-01", ended.TextContent, StringComparison.Ordinal);
        Assert.Empty(ended.QuerySelectorAll("[data-testid=current-grants]"));

        // The past grants are a native disclosure (decision 0049): closed, "Visa …", and "Dölj …" once the browser opens it.
        var past = ended.QuerySelector("details[data-testid=past]")!;
        Assert.False(past.HasAttribute("open"));
        Assert.Single(past.QuerySelectorAll("[data-testid=past-grants] [data-testid=grant]"));
        var toggle = past.QuerySelector("summary[data-testid=toggle-past]")!;
        Assert.Equal(("Visa", "Dölj"), (toggle.QuerySelector(".when-closed")!.TextContent, toggle.QuerySelector(".when-open")!.TextContent));
        Assert.EndsWith("1 avslutad behörighet", toggle.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkingSkyddadIdentitet_AsksForAReason_InADialogOfTheAddress_ThatPostsTheMark()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/employees/1?protection=ask");
        var cut = Render<EmployeePage>(p => p.Add(x => x.Id, 1));
        cut.WaitForAssertion(() => Assert.Equal("Lisa Andersson", cut.Find("[data-testid=employee-name]").TextContent.Trim()));
        Assert.Equal("/employees/1?protection=ask", cut.Find("a[data-testid=protect]").GetAttribute("href"));

        var dialog = cut.Find("[role=dialog][data-testid=protection-dialog]");
        Assert.Contains("sekretessmarkering eller skyddad folkbokföring", dialog.TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=reason-confirm]").HasAttribute("disabled"));
        var form = cut.Find("form#protection-form");
        Assert.Equal(("post", "/employees/1?protection=ask"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("true", form.QuerySelector("input[name=Protect]")!.GetAttribute("value"));
        Assert.Equal("500", form.QuerySelector("textarea[name=Reason]")!.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task CancellingTheMarkDialog_ChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/employees/1?protection=ask");
        var cut = Render<EmployeePage>(p => p.Add(x => x.Id, 1));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reason-confirm]"));

        // "Avbryt" (and Escape, and a click beside the dialog: socit.js follows this link) leads back without posting.
        var cancel = cut.Find("[data-testid=reason-cancel]");
        Assert.Equal(("Avbryt", "/employees/1"), (cancel.TextContent.Trim(), cancel.GetAttribute("href")));
        Assert.True(cancel.HasAttribute("data-dialog-close"));
        Assert.Equal("Lisa Andersson", cut.Find("[data-testid=employee-name]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "Employee.Protected", ct));
    }
}
