using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// An order that reached Soc-IT by secure message or phone is registered by an operator for its sender. The orderer
/// and the responsible manager are the sender's: Soc-IT's answer goes to the orderer and reminders to the manager,
/// so they must never be the operator's own. The operator is recorded only as who registered it
/// (<see cref="Order.PlacedById"/>, <see cref="Order.PlacedByName"/>).
/// </summary>
public static class SenderRules
{
    /// <summary>Whether an order that came this way is registered for someone else, its sender.</summary>
    public static bool IsRegisteredForSender(OrderChannel channel) =>
        channel is OrderChannel.SecureMessage or OrderChannel.Phone;

    /// <summary>
    /// For an order registered for its sender: the errors, in Swedish under their fields, where the orderer's or the
    /// manager's e-mail address is <paramref name="registeredByEmail"/>, the registering operator's own. Whether the
    /// fields are filled in and valid is for <see cref="OrderRules"/> to say. Empty for every other channel.
    /// </summary>
    public static IReadOnlyDictionary<OrderFieldKey, string[]> Check(IOrderContacts request, OrderChannel channel, string? registeredByEmail)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<OrderFieldKey, string[]>();
        if (!IsRegisteredForSender(channel) || !EmailAddress.TryParse(registeredByEmail, out var own, out _))
        {
            return errors;
        }

        var how = channel == OrderChannel.Phone ? "telefon" : "säkert meddelande";
        if (IsOwn(request.OrdererEmail, own))
        {
            errors[OrderField.OrdererEmail] =
                [$"Ange avsändarens e-postadress, inte din egen: svaret ska gå till den som beställde via {how}."];
        }

        if (IsOwn(request.ManagerEmail, own))
        {
            errors[OrderField.ManagerEmail] =
                ["Ange ansvarig chefs e-postadress, inte din egen: påminnelserna ska gå till chefen."];
        }

        return errors;
    }

    private static bool IsOwn(string? email, EmailAddress own) =>
        EmailAddress.TryParse(email, out var address, out _) && address == own;
}
