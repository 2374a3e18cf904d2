namespace SocItConsole.Admin.Features.Consents;

/// <summary>
/// Tells the menu's count on <em>Att godkänna</em> that the user answered a request, so that it counts again; one per
/// circuit (scoped), so only the user's own menu hears it.
/// </summary>
public sealed class ApprovalsChanged
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();
}
