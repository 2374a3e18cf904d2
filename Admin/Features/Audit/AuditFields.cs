using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.Reviews;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>The records an id in a snapshot can point at, shown by name instead of the number.</summary>
public enum AuditReferenceKind
{
    Employee,
    Unit,
    KeyPool,
    Order,
    ReviewRound,
    ItSystem,
}

/// <summary>
/// An entry's before and after as people read them: a Swedish label per field, the Swedish words of the domain's enums
/// (through the features' own display helpers), "Ja"/"Nej", Swedish time, and ids of people, units, pools, orders,
/// rounds and systems as their names. A field without a label shows its stored name rather than disappear, and no
/// value ever shows a full personnummer.
/// </summary>
public static class AuditFields
{
    /// <summary>The Swedish label of each field the writers record, nested ones (a checklist item's) included.</summary>
    public static readonly FrozenDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Orders and cases
        ["CaseNumber"] = "Ärende",
        ["Type"] = "Typ",
        ["Channel"] = "Kanal",
        ["Employee"] = "Medarbetare",
        ["EmployeeId"] = "Medarbetare",
        ["Personnummer"] = "Personnummer (maskerat)",
        ["Title"] = "Titel",
        ["Unit"] = "Verksamhet",
        ["UnitId"] = "Verksamhet",
        ["TargetUnit"] = "Annan verksamhet",
        ["StartDate"] = "Startdatum",
        ["EndDate"] = "Slutdatum",
        ["Key"] = "Nyckel",
        ["Systems"] = "System",
        ["Orderer"] = "Beställare",
        ["Manager"] = "Chef",
        ["Status"] = "Status",
        ["AssignedToName"] = "Handläggare",
        ["RejectionReason"] = "Skäl till avvisning",
        ["Checklist"] = "Checklista",
        ["Label"] = "Punkt",
        ["State"] = "Läge",
        ["Note"] = "Anteckning",
        ["Comments"] = "Kommentarer",
        ["Grants"] = "Behörigheter",
        ["OrderId"] = "Beställning",
        ["OrdererCheck"] = "Kontroll av beställare",

        // Keys, pools, codes and purchases
        ["Kind"] = "Typ",
        ["PoolId"] = "Nyckelpool",
        ["HolderEmployeeId"] = "Innehavare",
        ["Numbers"] = "Nyckelnummer",
        ["KeysToBeReturned"] = "Nycklar att återlämna",
        ["ReturnDueOn"] = "Återlämnas senast",
        ["LeftPools"] = "Lämnade nyckelpooler",
        ["LastDay"] = "Sista dag",
        ["Version"] = "Version",
        ["Reason"] = "Skäl",
        ["Revoked"] = "Återkallad",
        ["CostCentre"] = "Kostnadsställe",
        ["Purchase"] = "Inköp nr",
        ["Price"] = "Pris",

        // Master data and the matrix
        ["Name"] = "Namn",
        ["Description"] = "Beskrivning",
        ["Contact"] = "Kontakt",
        ["RequiresDigitalKeys"] = "Kräver digital nyckel",
        ["IsActive"] = "Aktiv",
        ["Active"] = "Aktiv",
        ["Levels"] = "Nivåer",
        ["Area"] = "Område",
        ["UsesDigitalKeys"] = "Använder digitala nycklar",
        ["Managers"] = "Chefer",
        ["MobileRepresentative"] = "Mobilombud",
        ["System"] = "System",
        ["SystemId"] = "System",
        ["SystemName"] = "System",
        ["Level"] = "Nivå",
        ["LevelName"] = "Nivå",

        // Grants, follow-ups and reminders
        ["From"] = "Från",
        ["To"] = "Till",
        ["SourceCaseNumber"] = "Från ärende",
        ["DecisionCaseNumber"] = "Beslutsärende",
        ["ExtendedTo"] = "Förlängd till",
        ["DecidedByName"] = "Beslutad av",
        ["Count"] = "Antal",
        ["Cutoff"] = "Sista dag senast",
        ["FollowUpIds"] = "Uppföljningar nr",
        ["FollowUps"] = "Uppföljningar nr",
        ["EndDates"] = "Slutdatum",
        ["Day"] = "Dag",
        ["Today"] = "Dag",
        ["MessageId"] = "Meddelande-id",
        ["Flagged"] = "Nya uppföljningar",
        ["Closed"] = "Stängda uppföljningar",
        ["RemindersSent"] = "Skickade påminnelser",
        ["Escalated"] = "Eskalerade",
        ["Failures"] = "Misslyckade utskick",
        ["File"] = "Fil",
        ["Rows"] = "Rader",
        ["Search"] = "Sökord",

        // Access reviews
        ["Units"] = "Verksamheter",
        ["StartDay"] = "Startdag",
        ["DueDate"] = "Sista svarsdag",
        ["Lines"] = "Rader",
        ["Invitations"] = "Inbjudningar",
        ["CloseReason"] = "Skäl att stänga i förtid",
        ["Unanswered"] = "Obesvarade rader",
        ["RoundId"] = "Granskning",
        ["Answer"] = "Svar",
        ["Comment"] = "Kommentar",
        ["AnsweredByName"] = "Besvarad av",
        ["RemovalOrderId"] = "Avslutsbeställning",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Fields whose number is the id of another record, shown by that record's name.</summary>
    public static readonly FrozenDictionary<string, AuditReferenceKind> References = new Dictionary<string, AuditReferenceKind>(StringComparer.Ordinal)
    {
        ["Employee"] = AuditReferenceKind.Employee,
        ["EmployeeId"] = AuditReferenceKind.Employee,
        ["HolderEmployeeId"] = AuditReferenceKind.Employee,
        ["UnitId"] = AuditReferenceKind.Unit,
        ["Units"] = AuditReferenceKind.Unit,
        ["PoolId"] = AuditReferenceKind.KeyPool,
        ["OrderId"] = AuditReferenceKind.Order,
        ["RemovalOrderId"] = AuditReferenceKind.Order,
        ["RoundId"] = AuditReferenceKind.ReviewRound,
        ["SystemId"] = AuditReferenceKind.ItSystem,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string Nothing = "–";

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>
    /// One row per field of <paramref name="before"/> and <paramref name="after"/> (stored JSON, null where nothing
    /// existed), in the order they were recorded. A snapshot that is not an object (the matrix's list of cells) is
    /// one row.
    /// </summary>
    public static IReadOnlyList<AuditField> Compare(string entityType, string? before, string? after, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        using var beforeDocument = Parse(before);
        using var afterDocument = Parse(after);
        var old = beforeDocument?.RootElement;
        var now = afterDocument?.RootElement;
        if (old is null && now is null)
        {
            return [];
        }

        var both = old is not null && now is not null;
        if (old is { ValueKind: not JsonValueKind.Object } || now is { ValueKind: not JsonValueKind.Object })
        {
            var label = entityType == "Matrix" ? "Ändrade celler" : "Innehåll";
            var (b, a) = (Value(old), Value(now));
            return [new AuditField(label, b, a, both && b != a)];
        }

        var fields = Names(old).Concat(Names(now)).Distinct(StringComparer.Ordinal).ToList();
        return [.. fields.Select(field =>
        {
            var b = Value(old is { } o && o.TryGetProperty(field, out var x) ? x : null, field);
            var a = Value(now is { } n && n.TryGetProperty(field, out var y) ? y : null, field);
            return new AuditField(Label(field), b, a, both && b != a);
        })];

        string? Value(JsonElement? element, string field = "") =>
            element is { } value ? AuditTexts.WithoutPersonnummer(Format(entityType, field, value, names)) : null;

        static IEnumerable<string> Names(JsonElement? snapshot) =>
            snapshot is { } o ? o.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    /// <summary>The ids in the snapshots that <see cref="Compare"/> shows by name: what to look up first.</summary>
    public static IReadOnlyCollection<(AuditReferenceKind Kind, int Id)> ReferencesIn(params string?[] snapshots)
    {
        var found = new HashSet<(AuditReferenceKind, int)>();
        foreach (var snapshot in snapshots)
        {
            using var document = Parse(snapshot);
            if (document is not null)
            {
                Collect(document.RootElement, found);
            }
        }

        return found;
    }

    private static void Collect(JsonElement element, HashSet<(AuditReferenceKind, int)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (References.TryGetValue(property.Name, out var kind))
                    {
                        foreach (var id in Ids(property.Value))
                        {
                            found.Add((kind, id));
                        }
                    }
                    else
                    {
                        Collect(property.Value, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }

    private static IEnumerable<int> Ids(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var id) => [id],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Ids),
        _ => [],
    };

    private static JsonDocument? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // Older or hand-written entries may not be JSON: their text is the value.
            return JsonDocument.Parse(JsonSerializer.Serialize(json));
        }
    }

    private static string Format(string entityType, string field, JsonElement value, AuditNames names) => value.ValueKind switch
    {
        JsonValueKind.True => "Ja",
        JsonValueKind.False => "Nej",
        JsonValueKind.Number => Number(field, value, names),
        JsonValueKind.String => Text(entityType, field, value.GetString() ?? string.Empty),
        JsonValueKind.Array => List(entityType, field, value, names),
        JsonValueKind.Object => Members(entityType, value, names),
        _ => Nothing,
    };

    private static string Number(string field, JsonElement value, AuditNames names)
    {
        if (References.TryGetValue(field, out var kind) && value.TryGetInt32(out var id))
        {
            return names.Find(kind, id) ?? id.ToString(CultureInfo.InvariantCulture);
        }

        if (value.TryGetInt64(out var whole))
        {
            return field == "Price"
                ? whole.ToString("0.00", AdminLocalization.Swedish) + " kr"
                : whole.ToString(CultureInfo.InvariantCulture);
        }

        var number = value.GetDecimal();
        return field == "Price"
            ? number.ToString("0.00", AdminLocalization.Swedish) + " kr"
            : number.ToString(AdminLocalization.Swedish);
    }

    private static string Text(string entityType, string field, string text)
    {
        if (text.Length == 0)
        {
            return Nothing;
        }

        if (EnumValue(entityType, field, text) is { } word)
        {
            return word;
        }

        // Instants are stored in UTC; dates (2026-11-27) are already Swedish calendar days.
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? AdminTimeZone.Minute(instant)
            : text;
    }

    private static string List(string entityType, string field, JsonElement array, AuditNames names)
    {
        var items = array.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            return Nothing;
        }

        var separator = items.Any(i => i.ValueKind is JsonValueKind.Object or JsonValueKind.Array) ? "\n" : ", ";
        return string.Join(separator, items.Select(i => Format(entityType, field, i, names)));
    }

    private static string Members(string entityType, JsonElement value, AuditNames names)
    {
        // The two lists people read most, written as the case page and the matrix show them.
        if (Member(value, "Label") is { } label && Member(value, "State") is { } state)
        {
            var note = Member(value, "Note") is { } text ? $" ({text})" : string.Empty;
            return $"{label}: {EnumValue(entityType, "State", state) ?? state}{note}";
        }

        if (Member(value, "Title") is { } title && Member(value, "System") is { } system && Member(value, "Level") is { } level)
        {
            return $"{title}, {system}: {level}";
        }

        var parts = value.EnumerateObject()
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(p => $"{Label(p.Name)}: {Format(entityType, p.Name, p.Value, names)}")
            .ToList();
        return parts.Count == 0 ? Nothing : string.Join(", ", parts);
    }

    /// <summary>A string member of a recorded object, or null where it is missing, empty or not text.</summary>
    private static string? Member(JsonElement value, string name) =>
        value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String && member.GetString() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>The Swedish word of an enum value the writers store by name; null for any other text.</summary>
    private static string? EnumValue(string entityType, string field, string text) => field switch
    {
        "Status" => entityType switch
        {
            "Order" => Word<OrderStatus>(text, OrderTexts.StatusName),
            "FollowUp" => Word<FollowUpStatus>(text, FollowUpTexts.StatusName),
            "ReviewRound" => Word<ReviewRoundStatus>(text, ReviewTexts.StatusName),
            "Key" => Word<KeyStatus>(text, KeyTexts.Status),
            _ => Word<OrderStatus>(text, OrderTexts.StatusName)
                ?? Word<KeyStatus>(text, KeyTexts.Status)
                ?? Word<FollowUpStatus>(text, FollowUpTexts.StatusName)
                ?? Word<KeyPurchaseStatus>(text, KeyTexts.PurchaseStatus)
                ?? Word<ReviewRoundStatus>(text, ReviewTexts.StatusName),
        },
        "State" => Word<ChecklistState>(text, ChecklistStateName),
        "Type" => Word<OrderType>(text, OrderTexts.TypeName),
        "Channel" => Word<OrderChannel>(text, OrderTexts.ChannelName),
        "Key" => Word<KeyChoiceKind>(text, OrderTexts.KeyChoiceName),
        "Kind" => Word<KeyKind>(text, KeyTexts.Kind)
            ?? Word<ReviewMessageKind>(text, ReviewMessageKindName)
            ?? Word<UnitGrantKind>(text, GrantDisplay.KindName),
        "Answer" => Word<ReviewAnswer>(text, ReviewTexts.AnswerName),
        "OrdererCheck" => Word<OrdererCheck>(text, OrdererCheckName),
        "Reason" => Word<PersonalCodeResetReason>(text, r => Capitalised(KeyTexts.ResetReason(r))),
        _ => null,
    };

    private static string? Word<TEnum>(string text, Func<TEnum, string> name)
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? name(Enum.Parse<TEnum>(text)) : null;

    private static string OrdererCheckName(OrdererCheck check) => check switch
    {
        OrdererCheck.Pending => "Ska kontrolleras",
        OrdererCheck.Confirmed => "Bekräftad",
        _ => "Behövs inte",
    };

    private static string ChecklistStateName(ChecklistState state) => state switch
    {
        ChecklistState.Done => "Klar",
        ChecklistState.NotApplicable => "Ej aktuell",
        _ => "Att göra",
    };

    private static string ReviewMessageKindName(ReviewMessageKind kind) => kind switch
    {
        ReviewMessageKind.Invitation => "Inbjudan",
        _ => "Påminnelse",
    };

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], AdminLocalization.Swedish) + text[1..];
}

/// <summary>The names of the records an entry's snapshots point at, looked up once for the entry.</summary>
public sealed class AuditNames(IReadOnlyDictionary<(AuditReferenceKind Kind, int Id), string> names)
{
    public static readonly AuditNames None = new(new Dictionary<(AuditReferenceKind, int), string>());

    public string? Find(AuditReferenceKind kind, int id) => names.GetValueOrDefault((kind, id));
}
