using SocItConsole.Shared.Orders;

namespace SocItConsole.Shared.Cases;

/// <summary>
/// The status flow of a case: Mottagen → Under arbete → (Väntar på beställare ⇄ Under arbete) → Klar, or Avvisad
/// (with a reason) from any open status. Klar and Avvisad are final.
/// </summary>
public static class CaseStatusRules
{
    private static readonly OrderStatus[] ButtonOrder =
        [OrderStatus.Completed, OrderStatus.InProgress, OrderStatus.WaitingForOrderer, OrderStatus.Rejected];

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

    /// <summary>
    /// The moves an operator makes from <paramref name="from"/> with the case's status buttons: every move
    /// <see cref="CanMove"/> allows except Mottagen → Under arbete, which taking the case makes
    /// (<see cref="Order.Take"/>). Completing comes first and rejecting last; a closed case has none.
    /// </summary>
    public static IReadOnlyList<OrderStatus> AllowedMoves(OrderStatus from) =>
        [.. ButtonOrder.Where(to => CanMove(from, to) && !(from == OrderStatus.Received && to == OrderStatus.InProgress))];

    /// <summary>
    /// The Swedish reason a move is refused, or null when it is allowed: "Ärendet är redan klart och kan inte ändras.",
    /// "Ett ärende som väntar på beställaren kan inte slutföras."
    /// </summary>
    public static string? Refusal(OrderStatus from, OrderStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        if (!IsOpen(from))
        {
            return $"Ärendet {OrderTexts.StatusPredicate(from, already: true)} och kan inte ändras.";
        }

        return from == to
            ? $"Ärendet {OrderTexts.StatusPredicate(from, already: true)}."
            : $"Ett ärende som {OrderTexts.StatusPredicate(from)} kan inte {Becoming(to)}.";
    }

    /// <summary>What a move to <paramref name="to"/> does, as an infinitive after "kan inte".</summary>
    private static string Becoming(OrderStatus to) => to switch
    {
        OrderStatus.Received => "bli mottaget igen",
        OrderStatus.InProgress => "sättas under arbete",
        OrderStatus.WaitingForOrderer => "vänta på beställaren",
        OrderStatus.Completed => "slutföras",
        OrderStatus.Rejected => "avvisas",
        _ => $"få status {OrderTexts.StatusName(to)}",
    };
}
