using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.Keys.Components;
using SocItConsole.Admin.Features.Keys.Pages;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using TestContext = Xunit.TestContext;

namespace SocItConsole.Admin.Tests.Features.Keys;

/// <summary>The key register's pages and the employee page's key panel, rendered over a migrated demo database.</summary>
public class KeyComponentTests : ComponentTestBase, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = AppServices.Clock();
    private TestDatabase? _database;
    private int _employeeId;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    private IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("not rendered");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(_clock);
        var placed = await AppServices.OrderIntake(_database, _clock).PlaceAsync(
            OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"));
        var receipt = ((PlaceOrderResult.Created)placed).Receipt;
        await using (var db = _database.CreateDbContext())
        {
            _employeeId = await db.Orders.Where(o => o.Id == receipt.Id).Select(o => o.EmployeeId).SingleAsync();
        }

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

    private void RenderProviders()
    {
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
    }

    /// <summary>Hands <paramref name="number"/> to the test's employee and marks it to be returned, due today.</summary>
    private async Task KeyToBeReturnedAsync(string number)
    {
        var register = KeyServices.Register(Database, "operator", _clock);
        var id = await KeyIdAsync(number);
        Assert.IsType<KeyResult.Done>(await register.AssignAsync(id, 1, _employeeId, Ct));
        Assert.IsType<KeyResult.Done>(await register.MarkToBeReturnedAsync(id, 2, Ct));
    }

    private void SetToday(DateOnly day) => _clock.SetUtcNow(new DateTimeOffset(day, new TimeOnly(11, 0), TimeSpan.Zero));

    private async Task<int> KeyIdAsync(string number)
    {
        await using var db = Database.CreateDbContext();
        var keyNumber = KeyNumber.Parse(number);
        return await db.Keys.Where(k => k.Number == keyNumber).Select(k => k.Id).SingleAsync(Ct);
    }

    [Fact]
    public void KeysPage_CountsFreeKeys_AndListsTheRegister()
    {
        RenderProviders();
        var cut = Render<KeysPage>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=row-key]").Count));
        // 7 demo units with digital keys, 6 personal keys each.
        cut.WaitForAssertion(() => Assert.Contains("42", cut.Find("[data-testid=stat-Free]").TextContent, StringComparison.Ordinal));
        Assert.Contains("0", cut.Find("[data-testid=stat-Lost]").TextContent, StringComparison.Ordinal);
        Assert.Equal("4110001", cut.FindAll("[data-testid=row-key]")[0].TextContent.Trim());
    }

    [Fact]
    public async Task KeysPage_ClickingLost_ShowsOnlyLostKeys_OrAnEmptyState()
    {
        await KeyServices.Register(Database, "operator", _clock).MarkLostAsync(await KeyIdAsync("4120003"), 1, "Tappad i snön", Ct);
        RenderProviders();
        var cut = Render<KeysPage>();
        cut.WaitForAssertion(() => Assert.Contains("1", cut.Find("[data-testid=stat-Lost]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=stat-Lost]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["4120003"], cut.FindAll("[data-testid=row-key]").Select(r => r.TextContent.Trim())));
        cut.Find("[data-testid=stat-ToBeReturned]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Inga nycklar matchar filtret.", cut.Find("[data-testid=keys-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task KeysPage_CountsKeysNotReturnedMoreThan14Days_AndThatFigureListsThem()
    {
        await KeyToBeReturnedAsync("4110002");
        _clock.Advance(TimeSpan.FromDays(1));
        await KeyToBeReturnedAsync("4110004");
        SetToday(KeyRegisterData.Today.AddDays(15));
        RenderProviders();
        var cut = Render<KeysPage>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=stat-OverdueReturn] .stat-value").TextContent.Trim()));
        Assert.Equal("Ej återlämnade (mer än 14 dagar)", cut.Find("[data-testid=stat-OverdueReturn] .stat-label").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid=stat-ToBeReturned] .stat-value").TextContent.Trim());

        cut.Find("[data-testid=stat-OverdueReturn]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["4110002"], cut.FindAll("[data-testid=row-key]").Select(r => r.TextContent.Trim())));
        Assert.Equal("senast 2026-11-27", cut.Find("[data-testid=row-due]").TextContent.Trim());
    }

    [Fact]
    public async Task KeysPage_OpensTheKeysNotReturned_FromTheDashboardsLink()
    {
        await KeyToBeReturnedAsync("4110002");
        SetToday(KeyRegisterData.Today.AddDays(15));
        RenderProviders();
        var card = Render<KeyReturnsCard>();
        card.WaitForAssertion(() => Assert.Equal("1", card.Find("[data-testid=key-returns-overdue]").TextContent.Trim()));
        var href = card.Find("[data-testid=key-returns-link]").GetAttribute("href");
        Assert.Equal("/keys?visa=ej-aterlamnade", href);

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(href!);
        var cut = Render<KeysPage>();

        cut.WaitForAssertion(() => Assert.Equal(["4110002"], cut.FindAll("[data-testid=row-key]").Select(r => r.TextContent.Trim())));
        cut.WaitForAssertion(() => Assert.Contains("stat-selected", cut.Find("[data-testid=stat-OverdueReturn]").ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public void RegisterDialog_KeepsTheNumbers_AndNamesEachProblem_WhenRefused()
    {
        RenderProviders();
        var cut = Render<KeysPage>();
        // The button waits for the units the keys may be registered to, which load beside the register.
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=register-keys]").HasAttribute("disabled")));

        cut.Find("[data-testid=register-keys]").Click();
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("[data-testid=register-numbers]")));
        var unitSelect = Dialogs.FindComponent<MudSelect<int?>>();
        unitSelect.InvokeAsync(() => unitSelect.Instance.ValueChanged.InvokeAsync(1));
        Dialogs.Find("[data-testid=register-numbers]").Input("4110001\n99\n8880001\n8880001");
        Dialogs.Find("[data-testid=register-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Equal(
            "Inga nycklar registrerades: \"99\" är inte 6–8 siffror; 8880001 står två gånger; 4110001 finns redan i registret.",
            Dialogs.Find("[data-testid=register-refused]").TextContent.Trim()));
        Assert.Equal("4110001\n99\n8880001\n8880001", Dialogs.Find("[data-testid=register-numbers]").GetAttribute("value"));
    }

    [Fact]
    public async Task KeyPage_HandsOutAKey_AndShowsTheHolderAndHistory()
    {
        var keyId = await KeyIdAsync("4110002");
        await KeyServices.Register(Database, "operator", _clock).AssignAsync(keyId, 1, _employeeId, Ct);
        RenderProviders();

        var cut = Render<KeyPage>(p => p.Add(x => x.Id, keyId));

        cut.WaitForAssertion(() => Assert.Equal("Lisa Andersson", cut.Find("[data-testid=key-holder]").TextContent.Trim()));
        Assert.Equal("Utlämnad", cut.Find("[data-testid=key-status]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=key-history] tbody tr").Count);
        Assert.Empty(cut.FindAll("[data-testid=assign]"));
        Assert.Single(cut.FindAll("[data-testid=to-be-returned]"));
    }

    [Fact]
    public void KeyPage_ForAMissingKey_SaysSo()
    {
        var cut = Render<KeyPage>(p => p.Add(x => x.Id, 99_999));

        cut.WaitForAssertion(() => Assert.Contains("Nyckeln finns inte.", cut.Find("[data-testid=key-missing]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void KeyPage_MarkingLost_AsksWhy_AndChangesNothingWhenCancelled()
    {
        RenderProviders();
        var cut = Render<KeyPage>(p => p.Add(x => x.Id, 1));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=lost]")));

        cut.Find("[data-testid=lost]").Click();
        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.FindAll("[data-testid=text-input]")));
        Assert.True(Dialogs.Find("[data-testid=text-confirm]").HasAttribute("disabled"));
        Dialogs.Find("[data-testid=text-input]").Input("Borttappad på bussen");
        Dialogs.Find("[data-testid=text-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Förlorad", cut.Find("[data-testid=key-status]").TextContent.Trim()));
        Assert.Contains("Borttappad på bussen", cut.Find("[data-testid=key-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EmployeePanel_WithoutKeyOrPool_CannotIssueACode()
    {
        var cut = Render<EmployeeKeysPanel>(p => p.Add(x => x.EmployeeId, _employeeId).Add(x => x.EmployeeName, "Lisa Andersson"));

        cut.WaitForAssertion(() => Assert.Equal("Ingen personlig kod ännu.", cut.Find("[data-testid=code-status]").TextContent.Trim()));
        Assert.True(cut.Find("[data-testid=issue-code]").HasAttribute("disabled"));
        Assert.Equal("Ingen personlig nyckel.", cut.Find("[data-testid=no-keys]").TextContent.Trim());
        Assert.Equal("Inte med i någon nyckelpool.", cut.Find("[data-testid=no-memberships]").TextContent.Trim());
    }

    [Fact]
    public async Task EmployeePanel_IssuesACode_ShowsItOnceInADialog_AndNeverAgain()
    {
        await KeyServices.Register(Database, "operator", _clock).AssignAsync(await KeyIdAsync("4110003"), 1, _employeeId, Ct);
        RenderProviders();
        var cut = Render<EmployeeKeysPanel>(p => p.Add(x => x.EmployeeId, _employeeId).Add(x => x.EmployeeName, "Lisa Andersson"));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=issue-code]").HasAttribute("disabled")));

        cut.Find("[data-testid=issue-code]").Click();

        Dialogs.WaitForAssertion(() => Assert.Matches(@"^\d{6}$", Dialogs.Find("[data-testid=one-time-code]").TextContent.Trim()));
        var code = Dialogs.Find("[data-testid=one-time-code]").TextContent.Trim();
        Assert.Contains("Koden visas bara nu", Dialogs.Markup, StringComparison.Ordinal);
        Dialogs.Find("[data-testid=code-done]").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=one-time-code]")));
        cut.WaitForAssertion(() => Assert.StartsWith("Version 1, gavs 2026-11-27 10:00 av Sara Nilsson", cut.Find("[data-testid=code-status]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain(code, cut.Markup, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.True((await db.PersonalCodes.SingleAsync(c => c.EmployeeId == _employeeId, Ct)).Verify(code));
    }

    [Fact]
    public async Task EmployeePanel_ResettingACode_NeedsAReason()
    {
        await KeyServices.Register(Database, "operator", _clock).AssignAsync(await KeyIdAsync("4110004"), 1, _employeeId, Ct);
        Assert.IsType<KeyResult.CodeIssued>(await KeyServices.Codes(Database, "operator", _clock).IssueAsync(_employeeId, Ct));
        RenderProviders();
        var cut = Render<EmployeeKeysPanel>(p => p.Add(x => x.EmployeeId, _employeeId).Add(x => x.EmployeeName, "Lisa Andersson"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=reset-code]")));

        cut.Find("[data-testid=reset-code]").Click();

        Dialogs.WaitForAssertion(() => Assert.Single(Dialogs.FindAll("[data-testid=reset-save]")));
        Assert.True(Dialogs.Find("[data-testid=reset-save]").HasAttribute("disabled"));
        Dialogs.FindAll("input[type=radio]")[0].Click();
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=reset-save]").HasAttribute("disabled")));
        Dialogs.Find("[data-testid=reset-save]").Click();

        Dialogs.WaitForAssertion(() => Assert.Matches(@"^\d{6}$", Dialogs.Find("[data-testid=one-time-code]").TextContent.Trim()));
        Dialogs.Find("[data-testid=code-done]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Version 2", cut.Find("[data-testid=code-status]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("bytt (glömt)", cut.Find("[data-testid=code-history]").TextContent, StringComparison.Ordinal);
    }
}
