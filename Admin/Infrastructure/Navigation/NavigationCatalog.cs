using MudBlazor;
using SocItConsole.Admin.Features.Consents.Components;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Infrastructure.Navigation;

/// <summary>
/// One menu entry: what it is called, where it goes, which policy may see it.
/// </summary>
public sealed record NavEntry(string Title, string Href, string Icon, string? Policy)
{
    /// <summary>A component shown after the title, such as the number of requests waiting; it has no parameters.</summary>
    public Type? Count { get; init; }
}

/// <summary>The navigation drawer, in one place: a feature adds its entry here.</summary>
public static class NavigationCatalog
{
    public static readonly IReadOnlyList<NavEntry> Entries =
    [
        new("Start", "/", Icons.Material.Outlined.Home, Policy: null),
        new("Ärenden", "/cases", Icons.Material.Outlined.Inbox, Policies.Operator),
        new("Avstämning mot HR", "/hr", Icons.Material.Outlined.CompareArrows, Policies.Operator),
        new("Beställ", "/orders/new", Icons.Material.Outlined.AddCircleOutline, Policies.OrderIntake),
        new("Beställ för flera", "/orders/batch", Icons.Material.Outlined.GroupAdd, Policies.OrderIntake),
        new("Mina ärenden", "/my-orders", Icons.Material.Outlined.AssignmentInd, Policies.OrderIntake),
        new("Uppföljning", "/follow-ups", Icons.Material.Outlined.EventRepeat, Policies.FollowUps),
        new("Granskning", "/my-reviews", Icons.Material.Outlined.FactCheck, Policies.Manager),
        new("Att godkänna", "/approvals", Icons.Material.Outlined.HowToReg, Policies.Manager) { Count = typeof(PendingApprovalsCount) },
        new("Utsedda beställare", "/orderers", Icons.Material.Outlined.PersonAddAlt, Policies.OrdererAppointments),
        new("Behörigheter", "/access", Icons.Material.Outlined.VerifiedUser, Policies.UnitGrants),
        new("Nycklar", "/keys", Icons.Material.Outlined.VpnKey, Policies.Operator),
        new("Verksamheter", "/units", Icons.Material.Outlined.Apartment, Policies.UnitRegister),
        new("Granskningar", "/reviews", Icons.Material.Outlined.FactCheck, Policies.ReviewReaders),
        new("Utkorg", "/outbox", Icons.Material.Outlined.Outbox, Policies.AuditReaders),
        new("Händelselogg", "/audit", Icons.Material.Outlined.History, Policies.AuditReaders),
        new("Matris", "/matrix", Icons.Material.Outlined.GridOn, Policies.Administrator),
        new("Administration", "/admin", Icons.Material.Outlined.Settings, Policies.Administrator),
    ];
}
