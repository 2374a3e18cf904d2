using System.Text.Json;
using System.Text.Json.Serialization;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>
/// <c>POST /api/v1/orders</c>: an order from the e-service. Everything is optional here; <see cref="OrderRules"/> says
/// what each type of order needs, and its errors come back under these fields' JSON paths (<see cref="OrderApiFields"/>).
/// </summary>
public sealed record OrderBody
{
    public ApiOrderType? Type { get; init; }

    public EmployeeBody? Employee { get; init; }

    /// <summary>For <c>change</c>: the employment being changed, by its unit and (when the person has several there) its title.</summary>
    public EmploymentBody? Employment { get; init; }

    /// <summary>The title; for <c>change</c>, the new title (left out: unchanged).</summary>
    public string? Title { get; init; }

    /// <summary>The unit; for <c>change</c>, the new unit (left out: unchanged).</summary>
    public string? Unit { get; init; }

    /// <summary>For <c>temporaryUnit</c>: the other unit the employee gets access to.</summary>
    public string? TargetUnit { get; init; }

    public DateOnly? StartDate { get; init; }

    /// <summary>The end of a temporary grant; for <c>terminate</c>, the last working day.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>For <c>extend</c>: the systems, each a name or <c>{ "name", "level" }</c> (no level: the lowest).</summary>
    public IReadOnlyList<SystemBody>? Systems { get; init; }

    public KeyBody? Key { get; init; }

    public ContactBody? Orderer { get; init; }

    public ContactBody? Manager { get; init; }

    public string? Note { get; init; }

    public OrderRequest ToOrderRequest() => new()
    {
        Type = Type switch
        {
            ApiOrderType.New => OrderType.New,
            ApiOrderType.Extend => OrderType.Extend,
            ApiOrderType.TemporaryUnit => OrderType.TemporaryUnit,
            ApiOrderType.Terminate => OrderType.Terminate,
            ApiOrderType.EndTemporary => OrderType.EndTemporary,
            ApiOrderType.Change => OrderType.Change,
            _ => null,
        },
        EmployeeName = Employee?.FullName,
        Personnummer = Employee?.Personnummer,
        EmploymentUnit = Employment?.Unit,
        EmploymentTitle = Employment?.Title,
        Title = Title,
        Unit = Unit,
        TargetUnit = TargetUnit,
        StartDate = StartDate,
        EndDate = EndDate,
        Systems = [.. (Systems ?? []).Select(s => new RequestedSystemInput(s?.Name, s?.Level))],
        KeyKind = Key?.Kind switch
        {
            ApiKeyKind.None => KeyChoiceKind.None,
            ApiKeyKind.Personal => KeyChoiceKind.PersonalKey,
            ApiKeyKind.BuyNew => KeyChoiceKind.BuyNewKey,
            ApiKeyKind.Pool => KeyChoiceKind.Pool,
            _ => null,
        },
        KeyNumber = Key?.KeyNumber,
        OrdererName = Orderer?.Name,
        OrdererEmail = Orderer?.Email,
        ManagerName = Manager?.Name,
        ManagerEmail = Manager?.Email,
        Note = Note,
    };
}

public sealed record EmployeeBody
{
    public string? FullName { get; init; }

    public string? Personnummer { get; init; }
}

/// <summary>An employment as the e-service can name it: its unit, and its title when the person has several employments there.</summary>
public sealed record EmploymentBody
{
    public string? Unit { get; init; }

    public string? Title { get; init; }
}

public sealed record KeyBody
{
    public ApiKeyKind? Kind { get; init; }

    /// <summary>For a personal key: its number, 6–8 digits.</summary>
    public string? KeyNumber { get; init; }
}

public sealed record ContactBody
{
    public string? Name { get; init; }

    public string? Email { get; init; }
}

/// <summary>A system asked for: in JSON either its name or <c>{ "name": …, "level": … }</c>.</summary>
[JsonConverter(typeof(SystemBodyConverter))]
public sealed record SystemBody(string? Name, string? Level);

/// <summary>
/// The wire names are the API's own, so that renaming a type inside the app cannot change the contract; numbers are
/// not accepted in their place.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<ApiOrderType>))]
public enum ApiOrderType
{
    New,
    Extend,
    TemporaryUnit,
    Terminate,
    EndTemporary,
    Change,
}

[JsonConverter(typeof(WireEnumConverter<ApiKeyKind>))]
public enum ApiKeyKind
{
    None,
    Personal,
    BuyNew,
    Pool,
}

[JsonConverter(typeof(WireEnumConverter<ApiOrderStatus>))]
public enum ApiOrderStatus
{
    Received,
    InProgress,
    WaitingForOrderer,
    Completed,
    Rejected,
}

/// <summary>An order as the API shows it: never the employee's name or personnummer.</summary>
public sealed record OrderResponse(
    int Id,
    string CaseNumber,
    ApiOrderType Type,
    ApiOrderStatus Status,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<OrderSystemResponse> Systems)
{
    public static OrderResponse From(OrderReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new(
            receipt.Id,
            receipt.CaseNumber,
            ApiWire.Type(receipt.Type),
            ApiWire.Status(receipt.Status),
            receipt.ReceivedAt,
            [.. receipt.Systems.Select(s => new OrderSystemResponse(s.Name, s.Level))]);
    }
}

public sealed record OrderSystemResponse(string Name, string Level);

/// <summary>
/// A case as the orderer follows it on the e-service's "mina sidor": its status in words, Soc-IT's question while it
/// waits for the orderer, the reason when it was rejected, and its dates. A protected person's name is "Skyddad
/// person"; the personnummer is never shown.
/// </summary>
public sealed record OrderStatusResponse(
    int Id,
    string CaseNumber,
    ApiOrderType Type,
    ApiOrderStatus Status,
    string StatusText,
    string EmployeeName,
    string? Question,
    string? Reason,
    DateTimeOffset ReceivedAt,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<OrderSystemResponse> Systems)
{
    public static OrderStatusResponse From(OrdererCase order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(
            order.Id,
            order.CaseNumber,
            ApiWire.Type(order.Type),
            ApiWire.Status(order.Status),
            OrderTexts.StatusName(order.Status),
            order.EmployeeName,
            order.Question,
            order.RejectionReason,
            order.ReceivedAt,
            order.StartDate,
            order.EndDate,
            order.CompletedAt,
            [.. order.Systems.Select(s => new OrderSystemResponse(s.Name, s.Level))]);
    }
}

/// <summary>One page of an orderer's cases, newest first; <c>total</c> counts them all. <c>page</c> counts from 1.</summary>
public sealed record OrderListResponse(IReadOnlyList<OrderStatusResponse> Items, int Total, int Page, int PageSize);

/// <summary>The app's order types and statuses in the API's own wire names.</summary>
public static class ApiWire
{
    public static ApiOrderType Type(OrderType type) => type switch
    {
        OrderType.New => ApiOrderType.New,
        OrderType.Extend => ApiOrderType.Extend,
        OrderType.TemporaryUnit => ApiOrderType.TemporaryUnit,
        OrderType.Terminate => ApiOrderType.Terminate,
        OrderType.EndTemporary => ApiOrderType.EndTemporary,
        OrderType.Change => ApiOrderType.Change,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown order type."),
    };

    public static ApiOrderStatus Status(OrderStatus status) => status switch
    {
        OrderStatus.Received => ApiOrderStatus.Received,
        OrderStatus.InProgress => ApiOrderStatus.InProgress,
        OrderStatus.WaitingForOrderer => ApiOrderStatus.WaitingForOrderer,
        OrderStatus.Completed => ApiOrderStatus.Completed,
        OrderStatus.Rejected => ApiOrderStatus.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };

    /// <summary>The status a wire name stands for (<c>waitingForOrderer</c>), ignoring case; null for an unknown name.</summary>
    public static OrderStatus? ParseStatus(string? text) =>
        Enum.GetValues<OrderStatus>().Cast<OrderStatus?>()
            .FirstOrDefault(s => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(Status(s!.Value).ToString()), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every status's wire name, for an error that lists them.</summary>
    public static IEnumerable<string> StatusNames => Enum.GetValues<ApiOrderStatus>().Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));
}

/// <summary>What an order may name: the active titles, units and systems.</summary>
public sealed record ReferenceResponse(
    IReadOnlyList<ReferenceTitleResponse> Titles,
    IReadOnlyList<ReferenceUnitResponse> Units,
    IReadOnlyList<ReferenceSystemResponse> Systems)
{
    public static ReferenceResponse From(OrderReference reference, IReadOnlyDictionary<int, IReadOnlyList<string>> poolsByUnit)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(poolsByUnit);
        return new(
            [.. reference.Titles.Where(t => t.IsActive).Select(t => new ReferenceTitleResponse(t.Name))],
            [.. reference.Units.Where(u => u.IsActive).Select(u => new ReferenceUnitResponse(
                u.Name,
                u.UsesDigitalKeys,
                [.. (poolsByUnit.TryGetValue(u.Id, out var pools) ? pools : []).Select(name => new ReferenceKeyPoolResponse(name))],
                [.. u.Managers.Select(m => new ReferenceManagerResponse(m.Name, m.Email.Value))]))],
            [.. reference.Systems.Where(s => s.IsActive).Select(s => new ReferenceSystemResponse(s.Name, [.. s.Levels.Select(l => l.Name)]))]);
    }
}

public sealed record ReferenceTitleResponse(string Name);

/// <summary>
/// <c>keyPools</c> names the unit's key pools in the key register, for an order that asks for pool membership;
/// <c>managers</c> are the unit's registered managers, one of whom an order must name as its responsible manager.
/// </summary>
public sealed record ReferenceUnitResponse(
    string Name, bool UsesDigitalKeys, IReadOnlyList<ReferenceKeyPoolResponse> KeyPools, IReadOnlyList<ReferenceManagerResponse> Managers);

public sealed record ReferenceManagerResponse(string Name, string Email);

public sealed record ReferenceKeyPoolResponse(string Name);

/// <summary>The levels lowest first: a system asked for without a level gets the first.</summary>
public sealed record ReferenceSystemResponse(string Name, IReadOnlyList<string> Levels);

/// <summary>camelCase names, and no numbers in their place.</summary>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Reads a system as a bare name or as <c>{ "name", "level" }</c>; writes the object form.</summary>
public sealed class SystemBodyConverter : JsonConverter<SystemBody>
{
    private const string NameProperty = "name";
    private const string LevelProperty = "level";

    public override SystemBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new SystemBody(reader.GetString(), null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException();
        }

        string? name = null;
        string? level = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString()!;
            if (!seen.Add(property))
            {
                throw new BodyFieldException($"Egenskapen \"{property}\" står mer än en gång.");
            }

            reader.Read();
            switch (property)
            {
                case NameProperty:
                    name = ReadString(ref reader, property);
                    break;
                case LevelProperty:
                    level = ReadString(ref reader, property);
                    break;
                default:
                    throw new BodyFieldException(
                        $"Okänd egenskap \"{property}\" i ett system. Tillåtna: {NameProperty}, {LevelProperty}.");
            }
        }

        return new SystemBody(name, level);
    }

    public override void Write(Utf8JsonWriter writer, SystemBody value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(NameProperty, value.Name);
        writer.WriteString(LevelProperty, value.Level);
        writer.WriteEndObject();
    }

    private static string? ReadString(ref Utf8JsonReader reader, string property) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new BodyFieldException($"\"{property}\" ska vara en text."),
    };
}

/// <summary>A problem in the body that a converter describes itself, in Swedish; the serializer adds the path.</summary>
public sealed class BodyFieldException : JsonException
{
    public BodyFieldException()
    {
    }

    public BodyFieldException(string? message)
        : base(message)
    {
    }

    public BodyFieldException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
