namespace SocItConsole.Admin.Components.Layout;

/// <summary>
/// Which <see cref="LivePage"/> of a circuit renders MudBlazor's popover, dialog and snackbar providers (decision
/// 0049). Those services are per circuit, and every interactive root on one page shares the page's circuit: the first
/// LivePage claims the providers, a second island on the same page uses them, and a LivePage that goes away (enhanced
/// navigation to the next page) releases them for the next one. Scoped: one per circuit, one per prerendering request.
/// </summary>
public sealed class LiveProviderClaim
{
    private object? _owner;

    /// <summary>A claim already held by someone other than a LivePage: a bunit test that renders its own providers.</summary>
    public static LiveProviderClaim HeldElsewhere() => new() { _owner = new object() };

    /// <summary>True when <paramref name="owner"/> holds the claim (it was free, or it was its own).</summary>
    public bool TryClaim(object owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _owner ??= owner;
        return ReferenceEquals(_owner, owner);
    }

    public void Release(object owner)
    {
        if (ReferenceEquals(_owner, owner))
        {
            _owner = null;
        }
    }
}
