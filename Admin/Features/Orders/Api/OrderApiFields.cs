using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>
/// The e-service's names for an order's fields: the JSON paths of <see cref="OrderBody"/>, under which a
/// problem+json answer lists its errors. Part of the API's contract; the rules themselves name fields by
/// <see cref="OrderField"/>.
/// </summary>
public static class OrderApiFields
{
    public const string Type = "type";
    public const string EmployeeName = "employee.fullName";
    public const string Personnummer = "employee.personnummer";
    public const string Employment = "employment";
    public const string Title = "title";
    public const string Unit = "unit";
    public const string TargetUnit = "targetUnit";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";
    public const string Systems = "systems";
    public const string KeyKind = "key.kind";
    public const string KeyNumber = "key.keyNumber";
    public const string OrdererName = "orderer.name";
    public const string OrdererEmail = "orderer.email";
    public const string ManagerName = "manager.name";
    public const string ManagerEmail = "manager.email";
    public const string Note = "note";

    public static string SystemName(int index) => $"systems[{index}].name";

    public static string SystemLevel(int index) => $"systems[{index}].level";

    /// <summary>The JSON path of the field a rule named.</summary>
    public static string Path(OrderFieldKey key) => key.Field switch
    {
        OrderField.Type => Type,
        OrderField.EmployeeName => EmployeeName,
        OrderField.Personnummer => Personnummer,
        OrderField.Employment => Employment,
        OrderField.Title => Title,
        OrderField.Unit => Unit,
        OrderField.TargetUnit => TargetUnit,
        OrderField.StartDate => StartDate,
        OrderField.EndDate => EndDate,
        OrderField.Systems => Systems,
        OrderField.SystemName => SystemName(key.Row ?? 0),
        OrderField.SystemLevel => SystemLevel(key.Row ?? 0),
        OrderField.KeyKind => KeyKind,
        OrderField.KeyNumber => KeyNumber,
        OrderField.OrdererName => OrdererName,
        OrderField.OrdererEmail => OrdererEmail,
        OrderField.ManagerName => ManagerName,
        OrderField.ManagerEmail => ManagerEmail,
        OrderField.Note => Note,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "An order field without a JSON path."),
    };

    /// <summary>The rules' errors as the problem+json answer lists them, in the same order.</summary>
    public static Dictionary<string, string[]> ToPaths(IReadOnlyDictionary<OrderFieldKey, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var paths = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            paths[Path(key)] = messages;
        }

        return paths;
    }
}
