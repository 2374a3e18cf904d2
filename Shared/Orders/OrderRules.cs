using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// The checks an order must pass at the door, whichever way it came. Every problem is reported, in Swedish, under the
/// field it concerns; nothing is stored for an order with errors.
/// </summary>
public static class OrderRules
{
    public const int NoteMaxLength = 2000;

    /// <summary>How far back a start date or last working day may lie: orders are sometimes registered late.</summary>
    public static readonly int MaxDaysInPast = 365;

    /// <summary>How far ahead a date may lie before it is taken for a typing error.</summary>
    public static readonly int MaxDaysAhead = 2 * 365;

    /// <summary>
    /// Checks <paramref name="request"/> against <paramref name="reference"/> on <paramref name="today"/>:
    /// <list type="bullet">
    /// <item>every type: the employee's full name and a valid personnummer, the unit, the orderer and the responsible
    /// manager with valid e-mail addresses;</item>
    /// <item>new: title and start date; an end date is optional (a fixed-term employment) and must be after it;</item>
    /// <item>extend: at least one system, each once, at a level it has (none given: its first level), and a start
    /// date; with an end date the extension is temporary;</item>
    /// <item>temporary access to another unit: title, the other unit (not the employee's own), start and end date;</item>
    /// <item>end of employment: the last working day (in <see cref="OrderRequest.EndDate"/>);</item>
    /// <item>end of a temporary grant: the system and level, and the grant's last day (in <see cref="OrderRequest.EndDate"/>);</item>
    /// <item>titles, units and systems must exist and be active (matched by name, ignoring case);</item>
    /// <item>where the unit the grant is in uses digital keys (new, temporary access), a key choice: a personal key
    /// with its 6–8 digit number, buying a new key, or the unit's key pool; elsewhere no key choice.</item>
    /// </list>
    /// </summary>
    public static OrderValidation Validate(OrderRequest request, OrderReference reference, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        var errors = new Errors();

        if (request.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(OrderFields.Type, "Ange vilken sorts beställning det är.");
            return errors.Result(null);
        }

        var employeeName = Required(request.EmployeeName, Employee.FullNameMaxLength, OrderFields.EmployeeName, "Medarbetarens fullständiga namn", errors);
        Personnummer? personnummer = null;
        if (People.Personnummer.TryParse(request.Personnummer, today, out var parsed, out var pnrError))
        {
            personnummer = parsed;
        }
        else
        {
            errors.Add(OrderFields.Personnummer, pnrError);
        }

        var needsTitle = type is OrderType.New or OrderType.TemporaryUnit;
        var title = Find(reference.Titles, t => t.Name, t => t.IsActive, request.Title, needsTitle, OrderFields.Title, "titel", "Titeln", errors);
        var unit = Find(reference.Units, u => u.Name, u => u.IsActive, request.Unit, required: true, OrderFields.Unit, "verksamhet", "Verksamheten", errors);
        ReferenceUnit? targetUnit = null;
        if (type == OrderType.TemporaryUnit)
        {
            targetUnit = Find(reference.Units, u => u.Name, u => u.IsActive, request.TargetUnit, required: true, OrderFields.TargetUnit, "verksamhet", "Verksamheten", errors);
            if (targetUnit is not null && unit is not null && targetUnit.Id == unit.Id)
            {
                errors.Add(OrderFields.TargetUnit, "Den andra verksamheten kan inte vara medarbetarens egen.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.TargetUnit))
        {
            errors.Add(OrderFields.TargetUnit, "En annan verksamhet anges bara för tillfällig behörighet till annan verksamhet.");
        }

        var (startDate, endDate) = CheckDates(type, request.StartDate, request.EndDate, today, errors);
        var systems = CheckSystems(type, request.Systems, reference, errors);
        var grantUnit = targetUnit ?? unit;
        var (keyKind, keyNumber) = CheckKey(type, request.KeyKind, request.KeyNumber, grantUnit, errors);

        var orderer = ContactFor(request.OrdererName, request.OrdererEmail, OrderFields.OrdererName, OrderFields.OrdererEmail, "Beställarens", errors);
        var manager = ContactFor(request.ManagerName, request.ManagerEmail, OrderFields.ManagerName, OrderFields.ManagerEmail, "Ansvarig chefs", errors);
        var note = request.Note?.Trim();
        if (note?.Length > NoteMaxLength)
        {
            errors.Add(OrderFields.Note, $"Meddelandet får vara högst {NoteMaxLength} tecken.");
        }

        return errors.Result(errors.Any || unit is null || personnummer is null || employeeName is null || orderer is null || manager is null
            ? null
            : new ValidOrder(
                type, employeeName, personnummer.Value, title, unit, targetUnit, startDate, endDate, systems, keyKind, keyNumber,
                orderer, manager, string.IsNullOrEmpty(note) ? null : note));
    }

    private static (DateOnly? Start, DateOnly? End) CheckDates(
        OrderType type, DateOnly? start, DateOnly? end, DateOnly today, Errors errors)
    {
        if (type is OrderType.Terminate or OrderType.EndTemporary)
        {
            if (end is not { } lastDay)
            {
                errors.Add(OrderFields.EndDate, type == OrderType.Terminate
                    ? "Ange medarbetarens sista arbetsdag."
                    : "Ange behörighetens sista dag.");
            }
            else
            {
                InRange(lastDay, today, OrderFields.EndDate, "Sista arbetsdagen", errors);
            }

            return (null, end);
        }

        if (start is not { } startDate)
        {
            errors.Add(OrderFields.StartDate, "Ange från vilket datum behörigheten ska gälla.");
        }
        else
        {
            InRange(startDate, today, OrderFields.StartDate, "Startdatumet", errors);
        }

        if (type == OrderType.TemporaryUnit && end is null)
        {
            errors.Add(OrderFields.EndDate, "En tillfällig behörighet måste ha ett slutdatum.");
        }

        if (end is { } endDate && start is { } begin && endDate <= begin)
        {
            errors.Add(OrderFields.EndDate, "Slutdatumet måste vara efter startdatumet.");
        }
        else if (end is { } later && later > today.AddDays(MaxDaysAhead + 5 * 365))
        {
            errors.Add(OrderFields.EndDate, "Slutdatumet ligger orimligt långt fram. Kontrollera året.");
        }

        return (start, end);
    }

    private static void InRange(DateOnly date, DateOnly today, string field, string label, Errors errors)
    {
        if (date < today.AddDays(-MaxDaysInPast))
        {
            errors.Add(field, $"{label} ligger mer än ett år bakåt i tiden. Kontrollera året.");
        }
        else if (date > today.AddDays(MaxDaysAhead))
        {
            errors.Add(field, $"{label} ligger mer än två år fram i tiden. Kontrollera året.");
        }
    }

    private static List<RequestedSystem> CheckSystems(
        OrderType type, IReadOnlyList<RequestedSystemInput>? requested, OrderReference reference, Errors errors)
    {
        var result = new List<RequestedSystem>();
        var inputs = requested ?? [];
        if (type is not (OrderType.Extend or OrderType.EndTemporary))
        {
            if (inputs.Count > 0)
            {
                errors.Add(OrderFields.Systems, type == OrderType.New
                    ? "System anges inte för ny behörighet: de följer av titel och verksamhet."
                    : "System anges bara för utökad behörighet.");
            }

            return result;
        }

        if (inputs.Count == 0)
        {
            errors.Add(OrderFields.Systems, type == OrderType.Extend
                ? "Ange vilket eller vilka system medarbetaren behöver utökad behörighet i."
                : "Ange vilket system behörigheten som ska avslutas gäller.");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var system = Find(reference.Systems, s => s.Name, s => s.IsActive, input?.Name, required: true, OrderFields.SystemName(i), "system", "Systemet", errors);
            if (system is null)
            {
                continue;
            }

            if (result.Any(r => r.System.Id == system.Id))
            {
                errors.Add(OrderFields.SystemName(i), $"{system.Name} står med mer än en gång.");
                continue;
            }

            ReferenceLevel? level;
            if (string.IsNullOrWhiteSpace(input!.Level))
            {
                level = system.Levels.Count > 0 ? system.Levels[0] : null;
            }
            else
            {
                level = system.Levels.FirstOrDefault(l => NameEquals(l.Name, input.Level));
                if (level is null)
                {
                    errors.Add(OrderFields.SystemLevel(i),
                        $"{system.Name} har ingen nivå som heter \"{Quote(input.Level)}\". Nivåer: {string.Join(", ", system.Levels.Select(l => l.Name))}.");
                    continue;
                }
            }

            if (level is not null)
            {
                result.Add(new RequestedSystem(system, level));
            }
        }

        return result;
    }

    private static (KeyChoiceKind Kind, KeyNumber? Number) CheckKey(
        OrderType type, KeyChoiceKind? kind, string? keyNumber, ReferenceUnit? grantUnit, Errors errors)
    {
        var choice = kind ?? KeyChoiceKind.None;
        if (kind is { } given && !Enum.IsDefined(given))
        {
            errors.Add(OrderFields.KeyKind, "Okänt val av nyckel.");
            return (KeyChoiceKind.None, null);
        }

        var keysApply = type is OrderType.New or OrderType.TemporaryUnit && grantUnit is { UsesDigitalKeys: true };
        if (!keysApply)
        {
            if (choice != KeyChoiceKind.None)
            {
                errors.Add(OrderFields.KeyKind, grantUnit is { UsesDigitalKeys: false }
                    ? $"{grantUnit.Name} använder inte digitala nycklar."
                    : "Nyckel väljs bara för ny behörighet och tillfällig behörighet till annan verksamhet.");
            }

            return (KeyChoiceKind.None, null);
        }

        if (choice == KeyChoiceKind.None)
        {
            errors.Add(OrderFields.KeyKind,
                $"{grantUnit!.Name} använder digitala nycklar: välj personlig nyckel, köp av ny nyckel eller nyckelpoolen.");
            return (choice, null);
        }

        if (choice != KeyChoiceKind.PersonalKey)
        {
            if (!string.IsNullOrWhiteSpace(keyNumber))
            {
                errors.Add(OrderFields.KeyNumber, "Nyckelnummer anges bara för en personlig nyckel.");
            }

            return (choice, null);
        }

        if (Keys.KeyNumber.TryParse(keyNumber, out var number, out var error))
        {
            return (choice, number);
        }

        errors.Add(OrderFields.KeyNumber, error ?? "Ogiltigt nyckelnummer.");
        return (choice, null);
    }

    private static Contact? ContactFor(string? name, string? email, string nameField, string emailField, string whose, Errors errors)
    {
        var trimmed = Required(name, Contact.NameMaxLength, nameField, $"{whose} namn", errors);
        if (!EmailAddress.TryParse(email, out var address, out var error))
        {
            errors.Add(emailField, $"{whose} e-post: {error}");
            return null;
        }

        return trimmed is null ? null : new Contact(trimmed, address);
    }

    private static string? Required(string? value, int maxLength, string field, string label, Errors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(field, $"{label} måste anges.");
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{label} får vara högst {maxLength} tecken.");
            return null;
        }

        return trimmed;
    }

    private static T? Find<T>(
        IReadOnlyList<T> items, Func<T, string> name, Func<T, bool> isActive, string? wanted, bool required,
        string field, string noun, string label, Errors errors)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(wanted))
        {
            if (required)
            {
                errors.Add(field, $"Ange {noun}.");
            }

            return null;
        }

        var match = items.FirstOrDefault(i => NameEquals(name(i), wanted));
        if (match is null)
        {
            errors.Add(field, $"Det finns ingen {noun} som heter \"{Quote(wanted)}\".");
            return null;
        }

        if (!isActive(match))
        {
            errors.Add(field, $"{label} {name(match)} är inaktiverad och kan inte beställas.");
            return null;
        }

        return match;
    }

    private static bool NameEquals(string a, string? b) =>
        string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Names are quoted back to the client; a very long one is cut so the message stays readable.</summary>
    private static string Quote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..80] + "…";
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public bool Any => _errors.Count > 0;

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }

        public OrderValidation Result(ValidOrder? order) =>
            new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), Any ? null : order);
    }
}
