namespace SocItConsole.Shared.Orders;

/// <summary>
/// The status flow of a case: Mottagen → Under arbete → (Väntar på beställare ⇄ Under arbete) → Klar, or Avvisad
/// (with a reason) from any open status. Klar and Avvisad are final.
/// </summary>
public static class CaseStatusRules
{
    public static bool IsOpen(OrderStatus status) => status is not (OrderStatus.Completed or OrderStatus.Rejected);

    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Received, OrderStatus.InProgress) => true,
        (OrderStatus.InProgress, OrderStatus.WaitingForOrderer) => true,
        (OrderStatus.WaitingForOrderer, OrderStatus.InProgress) => true,
        (OrderStatus.InProgress, OrderStatus.Completed) => true,
        (_, OrderStatus.Rejected) => IsOpen(from),
        _ => false,
    };

    /// <summary>The Swedish reason a move is refused, or null when it is allowed.</summary>
    public static string? Refusal(OrderStatus from, OrderStatus to) =>
        CanMove(from, to)
            ? null
            : !IsOpen(from)
                ? $"Ärendet är redan {OrderTexts.StatusName(from).ToLowerInvariant()} och kan inte ändras."
                : $"Ett ärende som är {OrderTexts.StatusName(from).ToLowerInvariant()} kan inte bli {OrderTexts.StatusName(to).ToLowerInvariant()}.";
}
