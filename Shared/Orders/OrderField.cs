namespace SocItConsole.Shared.Orders;

/// <summary>
/// The parts of an order a rule can find fault with. Each way an order arrives names them in its own words: the
/// e-service's JSON paths, the console form's inputs.
/// </summary>
public enum OrderField
{
    Type,
    EmployeeName,
    Personnummer,

    /// <summary>The employment a change of title or unit is about.</summary>
    Employment,
    Title,
    Unit,
    TargetUnit,
    StartDate,
    EndDate,
    Systems,
    SystemName,
    SystemLevel,
    KeyKind,
    KeyNumber,
    OrdererName,
    OrdererEmail,
    ManagerName,
    ManagerEmail,
    Note,
}

/// <summary>Where an error belongs: a field, and for a system row (<see cref="OrderField.SystemName"/>,
/// <see cref="OrderField.SystemLevel"/>) the row's position.</summary>
public readonly record struct OrderFieldKey(OrderField Field, int? Row = null)
{
    public static implicit operator OrderFieldKey(OrderField field) => new(field);

    public static OrderFieldKey SystemName(int row) => new(OrderField.SystemName, row);

    public static OrderFieldKey SystemLevel(int row) => new(OrderField.SystemLevel, row);

    /// <summary>A system row's own fields, which the form renumbers when a row is removed.</summary>
    public bool IsSystemRow => Row is not null;

    public override string ToString() => Row is { } row ? $"{Field}[{row}]" : Field.ToString();
}
