using Bunit;
using MudBlazor;
using SocItConsole.Admin.Features.Consents.Components;
using SocItConsole.Admin.Features.Consents.Pages;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.Consents;

/// <summary><em>Att godkänna</em>, the menu's count and the case page's consent panel, rendered over a real database.</summary>
public sealed class ApprovalsPageTests : ComponentTestBase, IAsyncLifetime
{
    private ConsentWorld? _world;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private ConsentWorld World => _world ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _world = await ConsentWorld.CreateAsync();
        Services.AddCaseServices(_world.Database, _world.Clock);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _world?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Manager_WithNothingToApprove_SeesTheEmptyState()
    {
        var cut = RenderAs<ApprovalsPage>("chef2");

        cut.WaitForAssertion(() => Assert.Contains(
            "Du har inga förfrågningar att godkänna just nu.", cut.Find("[data-testid=approvals-empty]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Du har inte besvarat någon förfrågan de senaste 30 dagarna.", cut.Find("[data-testid=answered-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_SeesTheRequest_WithCasePersonUnitsPeriodOrdererAndSystems()
    {
        await World.PlaceTemporaryAsync();

        var cut = RenderAs<ApprovalsPage>("chef2");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval]")));
        var card = cut.Find("[data-testid=approval]");
        Assert.Equal("Lisa Andersson", card.QuerySelector("[data-testid=approval-person]")!.TextContent.Trim());
        Assert.Contains("Hemtjänst Centrum", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(ConsentWorld.Tallgarden, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 – 2027-01-31", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anna Lindqvist", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-11-27 10:00", card.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("SOC-", card.QuerySelector("[data-testid=approval-case]")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_AfterTheConfirmation_MovesTheRequestToAnswered()
    {
        var orderId = await World.PlaceTemporaryAsync();
        var cut = RenderAs<ApprovalsPage>("chef2");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval]")));

        cut.Find("[data-testid=approve]").Click();
        var dialog = _dialogs!;
        dialog.WaitForAssertion(() => Assert.Contains("Godkänn SOC-", dialog.Markup, StringComparison.Ordinal));
        dialog.FindAll("button").Single(b => b.TextContent.Trim() == "Godkänn").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=answered-row]")));
        Assert.Empty(cut.FindAll("[data-testid=approval]"));
        Assert.Equal("Godkänd", cut.Find("[data-testid=answered-status]").TextContent.Trim());
        Assert.Equal(ConsentStatus.Approved, (await World.OrderAsync(orderId)).Consent!.Status);
    }

    [Fact]
    public async Task Reject_AsksForAReason_ThenRejectsTheCase()
    {
        var orderId = await World.PlaceTemporaryAsync();
        var cut = RenderAs<ApprovalsPage>("chef2");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval]")));

        cut.Find("[data-testid=reject-consent]").Click();
        var dialog = _dialogs!;
        dialog.WaitForAssertion(() => Assert.True(dialog.Find("[data-testid=reason-confirm]").HasAttribute("disabled")));
        dialog.Find("textarea[data-testid=reason-text]").Input("Ingen handledare i december.");
        dialog.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Inte godkänd", cut.Find("[data-testid=answered-status]").TextContent.Trim()));
        Assert.Contains("Ingen handledare i december.", cut.Find("[data-testid=answered-row]").TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Rejected, (await World.OrderAsync(orderId)).Status);
    }

    [Fact]
    public async Task MenuCount_ShowsThePendingRequests_AndNothingWhenNone()
    {
        await World.PlaceTemporaryAsync();
        await World.PlaceTemporaryAsync(TestData.OrderRequests.Pnr1985, employeeName: "Jonas Berg");

        var erik = RenderAs<PendingApprovalsCount>("chef2");
        erik.WaitForAssertion(() => Assert.Equal("2", erik.Find("[data-testid=approvals-count]").TextContent.Trim()));
        Assert.Equal("2 förfrågningar väntar", erik.Find("[data-testid=approvals-count]").GetAttribute("aria-label"));
    }

    [Fact]
    public void MenuCount_ForAManagerWithNothingWaiting_ShowsNothing()
    {
        var anna = RenderAs<PendingApprovalsCount>("chef1");

        anna.WaitForAssertion(() => Assert.Empty(anna.FindAll("[data-testid=approvals-count]")));
    }

    [Fact]
    public async Task Panel_ShowsThePendingConsent_AndRecordsAPhoneAnswer()
    {
        var orderId = await World.PlaceTemporaryAsync();
        var changed = 0;
        SignInAs("operator");
        RenderInteractively();
        Render<MudPopoverProvider>();
        var dialog = Render<MudDialogProvider>();
        var cut = Render<ConsentPanel>(p => p.Add(c => c.OrderId, orderId).Add(c => c.OnChanged, () => changed++));

        cut.WaitForAssertion(() => Assert.Contains(
            $"Väntar på godkännande från chefen för {ConsentWorld.Tallgarden}", cut.Find("[data-testid=consent-state]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Begärt av Erik Johansson 2026-11-27 10:00", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=consent-phone]").Click();
        dialog.WaitForAssertion(() => Assert.True(dialog.Find("[data-testid=phone-confirm]").HasAttribute("disabled")));
        dialog.Find("[data-testid=phone-approved] input, input[data-testid=phone-approved]").Click();
        dialog.Find("textarea[data-testid=phone-note]").Input("Erik Johansson ringde 10:05.");
        dialog.Find("[data-testid=phone-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Approved", cut.Find("[data-testid=consent-panel]").GetAttribute("data-status")));
        Assert.Contains("Besked per telefon, registrerat av Sara Nilsson", cut.Find("[data-testid=consent-decided]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Erik Johansson ringde 10:05.", cut.Find("[data-testid=consent-text]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=consent-phone]"));
        Assert.Equal(1, changed);
    }

    [Fact]
    public async Task Panel_ShowsTheReminderAndTheEscalation()
    {
        var orderId = await World.PlaceTemporaryAsync();
        World.MorningOf(new DateOnly(2026, 12, 2));
        await World.Run().RunAsync(new DateOnly(2026, 12, 2), dryRun: false, ConsentWorld.Ct);
        World.MorningOf(new DateOnly(2026, 12, 7));
        await World.Run().RunAsync(new DateOnly(2026, 12, 7), dryRun: false, ConsentWorld.Ct);

        SignInAs("operator");
        RenderInteractively();
        var cut = Render<ConsentPanel>(p => p.Add(c => c.OrderId, orderId));

        cut.WaitForAssertion(() => Assert.Contains("Påminnelse skickad 2026-12-02 07:00", cut.Find("[data-testid=consent-reminded]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Eskalerat till Soc-IT 2026-12-07 07:00", cut.Find("[data-testid=consent-escalated]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Panel_ForACaseWithoutConsent_RendersNothing()
    {
        SignInAs("operator");
        RenderInteractively();
        var cut = Render<ConsentPanel>(p => p.Add(c => c.OrderId, 4711));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=consent-panel]")));
    }

    private IRenderedComponent<T> RenderAs<T>(string user)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        SignInAs(user);
        RenderInteractively();
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<T>();
    }
}
