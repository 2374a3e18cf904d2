using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.People;

/// <summary>
/// A name on an order that differs from the name registered for the person (a marriage, a typo corrected). Taking
/// the order in never renames anyone: the operator sees the difference on the case, and completing the case applies
/// it. An end order never does: it ends access, and a name written on it is not checked by anyone who could correct
/// the register. A rejected case changes nothing.
/// </summary>
public sealed record NameChange(string Registered, string Ordered)
{
    /// <summary>The difference between the registered name and the order's, or null when they are the same.</summary>
    public static NameChange? Between(string registered, string ordered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(ordered);
        return string.Equals(registered, ordered, StringComparison.Ordinal) ? null : new NameChange(registered, ordered);
    }

    /// <summary>True when completing an order of this type applies the name on it: every order but an end order.</summary>
    public static bool IsAppliedBy(OrderType type) => !OrderDays.IsEnd(type);

    /// <summary>
    /// The rename that completing an order of <paramref name="type"/> makes, or null: none when the names agree or
    /// the order is an end order.
    /// </summary>
    public static NameChange? OnCompletion(OrderType type, string registered, string ordered) =>
        IsAppliedBy(type) ? Between(registered, ordered) : null;
}
