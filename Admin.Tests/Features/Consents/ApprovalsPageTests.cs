using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SocItConsole.Admin.Features.Consents.Components;
using SocItConsole.Admin.Features.Consents.Pages;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Features.Consents;

/// <summary><em>Att godkänna</em>, the menu's count and the case page's consent panel, rendered over a real database.</summary>
public sealed class ApprovalsPageTests : ComponentTestBase, IAsyncLifetime
{
    private ConsentWorld? _world;

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

    /// <summary>Godkänn opens its confirmation in the card (the message box's text); the POST: StaticFormTests.</summary>
    [Fact]
    public async Task Approve_OpensItsConfirmationInTheCard_InsteadOfTheButtons()
    {
        await World.PlaceTemporaryAsync();
        var cut = RenderAs<ApprovalsPage>("chef2");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval]")));
        Assert.Empty(cut.FindAll("[data-testid=approve-step]"));

        Follow(cut.Find("[data-testid=approve]"));

        cut.WaitForAssertion(() => Assert.Contains("Godkänn SOC-", cut.Find("[data-testid=approve-step]").TextContent, StringComparison.Ordinal));
        var step = cut.Find("[data-testid=approve-step]");
        Assert.Contains("Lisa Andersson från Hemtjänst Centrum får tillfällig behörighet till", step.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 – 2027-01-31", step.TextContent, StringComparison.Ordinal);
        Assert.Equal("post", step.GetAttribute("method"));
        Assert.Equal("Godkänn", step.QuerySelector("[data-testid=approve-confirm]")!.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
    }

    /// <summary>Avslå opens the reason form in the card (the dialog's prompt); the POST: StaticFormTests.</summary>
    [Fact]
    public async Task Reject_OpensTheReasonFormInTheCard()
    {
        await World.PlaceTemporaryAsync();
        var cut = RenderAs<ApprovalsPage>("chef2");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=approval]")));

        Follow(cut.Find("[data-testid=reject-consent]"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=reject-step]")));
        var step = cut.Find("[data-testid=reject-step]");
        Assert.Contains("Skriv varför Lisa Andersson inte ska få behörighet till", step.TextContent, StringComparison.Ordinal);
        Assert.Contains("skickas till beställaren, Anna Lindqvist.", step.TextContent, StringComparison.Ordinal);
        Assert.True(step.QuerySelector("textarea[data-testid=reason-text]")!.HasAttribute("required"));
        Assert.Equal("Avslå", step.QuerySelector("[data-testid=reason-confirm]")!.TextContent.Trim());
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
        Render<MudDialogProvider>();
        return Render<T>();
    }

    /// <summary>Follows a link of the static page, as the browser would: the page reads the new address's query.</summary>
    private void Follow(AngleSharp.Dom.IElement link) =>
        Services.GetRequiredService<NavigationManager>().NavigateTo(link.GetAttribute("href")!);
}
