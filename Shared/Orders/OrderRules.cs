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
    /// Checks an order against <paramref name="reference"/> on <paramref name="today"/>:
    /// <list type="bullet">
    /// <item>every type: the employee's full name and a valid personnummer, the unit, the orderer and the responsible
    /// manager with valid e-mail addresses; the responsible manager one of the unit's registered managers
    /// (<see cref="ReferenceUnit.Managers"/>; for a change, the new unit's);</item>
    /// <item>new: title and start date; an end date is optional (a fixed-term employment) and must be after it;</item>
    /// <item>extend: at least one system, each once, at a level it has (none given: its first level), and a start
    /// date; with an end date the extension is temporary;</item>
    /// <item>temporary access to another unit: title, the other unit (not the employee's own), start and end date;</item>
    /// <item>end of employment: the last working day (in <see cref="OrderInput.EndDate"/>);</item>
    /// <item>end of a temporary grant: the system and level, and the grant's last day (in <see cref="OrderInput.EndDate"/>);</item>
    /// <item>change of title or unit: one of the person's running employments (<see cref="OrderInput.EmploymentId"/>,
    /// checked against <c>employments</c> by <see cref="ChangeOrderRules.EmploymentRefusal"/>), the new title and unit
    /// (at least one different), the effective date (in <see cref="OrderInput.StartDate"/>) and no end date;</item>
    /// <item>titles, units and systems must exist and be active: by id, or for the e-service's named
    /// <see cref="OrderRequest"/> by name, ignoring case (<see cref="OrderNames"/>);</item>
    /// <item>where the unit the grant is in uses digital keys (new, temporary access, a change into that unit), a key choice: a personal key
    /// with its 6–8 digit number, buying a new key, or the unit's key pool; elsewhere no key choice.</item>
    /// </list>
    /// </summary>
    /// <remarks>The e-service's named order: its names become ids first, then the same rules apply.</remarks>
    public static OrderValidation Validate(
        OrderRequest request, OrderReference reference, DateOnly today, IReadOnlyCollection<Employment>? employments = null) =>
        Validate(OrderNames.Resolve(request, reference, employments), reference, today, employments);

    /// <inheritdoc cref="Validate(OrderRequest, OrderReference, DateOnly, IReadOnlyCollection{Employment})"/>
    /// <param name="input">The order by id.</param>
    /// <param name="reference">The master data.</param>
    /// <param name="today">Today in Sweden.</param>
    /// <param name="employments">The person's employments, for an order about one (none: the person is not known).</param>
    public static OrderValidation Validate(
        OrderInput input, OrderReference reference, DateOnly today, IReadOnlyCollection<Employment>? employments = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reference);
        var errors = new Errors();

        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(OrderField.Type, "Ange vilken sorts beställning det är.");
            return errors.Result(null);
        }

        var employeeName = Required(input.EmployeeName, Employee.FullNameMaxLength, OrderField.EmployeeName, "Medarbetarens fullständiga namn", errors);
        Personnummer? personnummer = null;
        if (People.Personnummer.TryParse(input.Personnummer, today, out var parsed, out var pnrError))
        {
            personnummer = parsed;
        }
        else
        {
            errors.Add(OrderField.Personnummer, pnrError);
        }

        var needsTitle = type is OrderType.New or OrderType.TemporaryUnit or OrderType.Change;
        var title = Find(reference.Titles, t => t.Id, t => t.Name, t => t.IsActive, input.TitleId, needsTitle, OrderField.Title, "titel", "Titeln", input, errors);
        var unit = Find(reference.Units, u => u.Id, u => u.Name, u => u.IsActive, input.UnitId, required: true, OrderField.Unit, "verksamhet", "Verksamheten", input, errors);
        ReferenceUnit? targetUnit = null;
        if (type == OrderType.TemporaryUnit)
        {
            targetUnit = Find(reference.Units, u => u.Id, u => u.Name, u => u.IsActive, input.TargetUnitId, required: true, OrderField.TargetUnit, "verksamhet", "Verksamheten", input, errors);
            if (targetUnit is not null && unit is not null && targetUnit.Id == unit.Id)
            {
                errors.Add(OrderField.TargetUnit, "Den andra verksamheten kan inte vara medarbetarens egen.");
            }
        }
        else if (input.TargetUnitId is not null || input.Unresolved.ContainsKey(OrderField.TargetUnit))
        {
            errors.Add(OrderField.TargetUnit, "En annan verksamhet anges bara för tillfällig behörighet till annan verksamhet.");
        }

        var (startDate, endDate) = CheckDates(type, input.StartDate, input.EndDate, today, errors);
        var changed = type == OrderType.Change ? CheckChange(input, employments ?? [], startDate, title, unit, errors) : null;
        var systems = CheckSystems(type, input, reference, errors);
        var grantUnit = targetUnit ?? unit;
        var (keyKind, keyNumber) = type == OrderType.Change && changed is null
            ? (KeyChoiceKind.None, null)
            : CheckKey(type, input.KeyKind, input.KeyNumber, grantUnit, changed is not null && changed.UnitId != unit?.Id, errors);

        var orderer = ContactFor(input.OrdererName, input.OrdererEmail, OrderField.OrdererName, OrderField.OrdererEmail, "Beställarens", errors);
        var manager = ContactFor(input.ManagerName, input.ManagerEmail, OrderField.ManagerName, OrderField.ManagerEmail, "Ansvarig chefs", errors);
        if (manager is not null && unit is not null && ResponsibleManagerRefusal(manager.Email, unit) is { } refusal)
        {
            errors.Add(OrderField.ManagerEmail, refusal);
        }

        var note = input.Note?.Trim();
        if (note?.Length > NoteMaxLength)
        {
            errors.Add(OrderField.Note, $"Meddelandet får vara högst {NoteMaxLength} tecken.");
        }
        else if (note is not null && Text.Unstorable(note) is { } unstorable)
        {
            errors.Add(OrderField.Note, $"Meddelandet {unstorable}");
        }

        return errors.Result(errors.Any || unit is null || personnummer is null || employeeName is null || orderer is null || manager is null
            ? null
            : new ValidOrder(
                type, employeeName, personnummer.Value, title, unit, targetUnit, startDate, endDate, systems, keyKind, keyNumber,
                orderer, manager, string.IsNullOrEmpty(note) ? null : note, input.EmploymentId));
    }

    /// <summary>
    /// Why <paramref name="manager"/> cannot be named as responsible for an order in <paramref name="unit"/>, or null
    /// when they are one of its registered managers: the manager answers for who has access to the unit.
    /// </summary>
    public static string? ResponsibleManagerRefusal(EmailAddress manager, ReferenceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Managers.Any(m => m.Email == manager))
        {
            return null;
        }

        return unit.Managers.Count == 0
            ? $"{unit.Name} har ingen registrerad chef. Soc-IT behöver lägga in verksamhetens chef innan beställningen kan tas emot."
            : $"{manager} är inte registrerad som chef för {unit.Name}. "
              + (unit.Managers.Count == 1 ? "Ange verksamhetens chef: " : "Ange en av verksamhetens chefer: ")
              + string.Join(" eller ", unit.Managers.Select(m => $"{m.Name} ({m.Email})")) + ".";
    }

    private static (DateOnly? Start, DateOnly? End) CheckDates(
        OrderType type, DateOnly? start, DateOnly? end, DateOnly today, Errors errors)
    {
        if (OrderDays.IsEnd(type))
        {
            if (end is not { } lastDay)
            {
                errors.Add(OrderField.EndDate, type == OrderType.Terminate
                    ? "Ange medarbetarens sista arbetsdag."
                    : "Ange behörighetens sista dag.");
            }
            else
            {
                InRange(lastDay, today, OrderField.EndDate, "Sista arbetsdagen", errors);
            }

            return (null, end);
        }

        if (start is not { } startDate)
        {
            errors.Add(OrderField.StartDate, "Ange från vilket datum behörigheten ska gälla.");
        }
        else
        {
            InRange(startDate, today, OrderField.StartDate, "Startdatumet", errors);
        }

        if (type == OrderType.TemporaryUnit && end is null)
        {
            errors.Add(OrderField.EndDate, "En tillfällig behörighet måste ha ett slutdatum.");
        }

        if (type == OrderType.Change && end is not null)
        {
            errors.Add(OrderField.EndDate,
                "Ett byte av titel eller verksamhet har inget slutdatum: en visstidsanställnings sista dag följer med till den nya anställningen.");
            return (start, null);
        }

        if (end is { } endDate && start is { } begin && endDate <= begin)
        {
            errors.Add(OrderField.EndDate, "Slutdatumet måste vara efter startdatumet.");
        }
        else if (end is { } later && later > today.AddDays(MaxDaysAhead + 5 * 365))
        {
            errors.Add(OrderField.EndDate, "Slutdatumet ligger orimligt långt fram. Kontrollera året.");
        }

        return (start, end);
    }

    /// <summary>The employment a change is about, if it may be changed from the effective date into a new title or unit.</summary>
    private static Employment? CheckChange(
        OrderInput input, IReadOnlyCollection<Employment> employments, DateOnly? effectiveDate, ReferenceTitle? title,
        ReferenceUnit? unit, Errors errors)
    {
        if (input.EmploymentId is not { } id)
        {
            errors.Add(OrderField.Employment, input.Unresolved.TryGetValue(OrderField.Employment, out var unknown)
                ? unknown
                : "Ange vilken anställning som ändras.");
            return null;
        }

        var employment = employments.FirstOrDefault(e => e.Id == id);
        if (effectiveDate is not { } date)
        {
            return null;
        }

        if (ChangeOrderRules.EmploymentRefusal(employment, date) is { } refusal)
        {
            errors.Add(OrderField.Employment, refusal);
            return null;
        }

        if (title is not null && unit is not null && ChangeOrderRules.ChangesNothing(employment!, title.Id, unit.Id))
        {
            errors.Add(OrderField.Title,
                $"Titeln och verksamheten är desamma som i anställningen ({employment!.TitleName} i {employment.UnitName}). Ändra titeln, verksamheten eller båda.");
        }

        return employment;
    }

    private static void InRange(DateOnly date, DateOnly today, OrderFieldKey field, string label, Errors errors)
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

    private static List<RequestedSystem> CheckSystems(OrderType type, OrderInput input, OrderReference reference, Errors errors)
    {
        var result = new List<RequestedSystem>();
        var inputs = input.Systems ?? [];
        if (type is not (OrderType.Extend or OrderType.EndTemporary))
        {
            if (inputs.Count > 0)
            {
                errors.Add(OrderField.Systems, type == OrderType.New
                    ? "System anges inte för ny behörighet: de följer av titel och verksamhet."
                    : "System anges bara för utökad behörighet.");
            }

            return result;
        }

        if (inputs.Count == 0)
        {
            errors.Add(OrderField.Systems, type == OrderType.Extend
                ? "Ange vilket eller vilka system medarbetaren behöver utökad behörighet i."
                : "Ange vilket system behörigheten som ska avslutas gäller.");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var row = inputs[i];
            var system = Find(reference.Systems, s => s.Id, s => s.Name, s => s.IsActive, row?.SystemId, required: true, OrderFieldKey.SystemName(i), "system", "Systemet", input, errors);
            if (system is null)
            {
                continue;
            }

            if (result.Any(r => r.System.Id == system.Id))
            {
                errors.Add(OrderFieldKey.SystemName(i), $"{system.Name} står med mer än en gång.");
                continue;
            }

            ReferenceLevel? level;
            if (row!.LevelId is not { } levelId)
            {
                if (input.Unresolved.TryGetValue(OrderFieldKey.SystemLevel(i), out var unknown))
                {
                    errors.Add(OrderFieldKey.SystemLevel(i), unknown);
                    continue;
                }

                level = system.Levels.Count > 0 ? system.Levels[0] : null;
            }
            else
            {
                level = system.Levels.FirstOrDefault(l => l.Id == levelId);
                if (level is null)
                {
                    errors.Add(OrderFieldKey.SystemLevel(i),
                        $"{system.Name} har inte den nivån. Nivåer: {string.Join(", ", system.Levels.Select(l => l.Name))}.");
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
        OrderType type, KeyChoiceKind? kind, string? keyNumber, ReferenceUnit? grantUnit, bool unitChanges, Errors errors)
    {
        var choice = kind ?? KeyChoiceKind.None;
        if (kind is { } given && !Enum.IsDefined(given))
        {
            errors.Add(OrderField.KeyKind, "Okänt val av nyckel.");
            return (KeyChoiceKind.None, null);
        }

        var keysApply = (type is OrderType.New or OrderType.TemporaryUnit || (type == OrderType.Change && unitChanges))
            && grantUnit is { UsesDigitalKeys: true };
        if (!keysApply)
        {
            if (choice != KeyChoiceKind.None)
            {
                errors.Add(OrderField.KeyKind, grantUnit is { UsesDigitalKeys: false }
                    ? $"{grantUnit.Name} använder inte digitala nycklar."
                    : type == OrderType.Change
                        ? "Nyckel väljs bara när medarbetaren byter till en verksamhet med digitala nycklar."
                        : "Nyckel väljs bara för ny behörighet och tillfällig behörighet till annan verksamhet.");
            }

            return (KeyChoiceKind.None, null);
        }

        if (choice == KeyChoiceKind.None)
        {
            errors.Add(OrderField.KeyKind,
                $"{grantUnit!.Name} använder digitala nycklar: välj personlig nyckel, köp av ny nyckel eller nyckelpoolen.");
            return (choice, null);
        }

        if (choice != KeyChoiceKind.PersonalKey)
        {
            if (!string.IsNullOrWhiteSpace(keyNumber))
            {
                errors.Add(OrderField.KeyNumber, "Nyckelnummer anges bara för en personlig nyckel.");
            }

            return (choice, null);
        }

        if (Keys.KeyNumber.TryParse(keyNumber, out var number, out var error))
        {
            return (choice, number);
        }

        errors.Add(OrderField.KeyNumber, error ?? "Ogiltigt nyckelnummer.");
        return (choice, null);
    }

    private static Contact? ContactFor(string? name, string? email, OrderField nameField, OrderField emailField, string whose, Errors errors)
    {
        var trimmed = Required(name, Contact.NameMaxLength, nameField, $"{whose} namn", errors);
        if (!EmailAddress.TryParse(email, out var address, out var error))
        {
            errors.Add(emailField, $"{whose} e-post: {error}");
            return null;
        }

        return trimmed is null ? null : new Contact(trimmed, address);
    }

    private static string? Required(string? value, int maxLength, OrderFieldKey field, string label, Errors errors)
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

        if (Text.Unstorable(trimmed) is { } unstorable)
        {
            errors.Add(field, $"{label} {unstorable}");
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// The item <paramref name="wanted"/> names, if it exists and may be ordered. No id: the name the sender gave
    /// that matched nothing (<see cref="OrderInput.Unresolved"/>), or where the part is required, that it is missing.
    /// </summary>
    private static T? Find<T>(
        IReadOnlyList<T> items, Func<T, int> id, Func<T, string> name, Func<T, bool> isActive, int? wanted, bool required,
        OrderFieldKey field, string noun, string label, OrderInput input, Errors errors)
        where T : class
    {
        if (wanted is not { } wantedId)
        {
            if (input.Unresolved.TryGetValue(field, out var unknown))
            {
                errors.Add(field, unknown);
            }
            else if (required)
            {
                errors.Add(field, $"Ange {noun}.");
            }

            return null;
        }

        var match = items.FirstOrDefault(i => id(i) == wantedId);
        if (match is null)
        {
            errors.Add(field, $"{label} finns inte (id {wantedId}).");
            return null;
        }

        if (!isActive(match))
        {
            errors.Add(field, $"{label} {name(match)} är inaktiverad och kan inte beställas.");
            return null;
        }

        return match;
    }

    private sealed class Errors
    {
        private readonly Dictionary<OrderFieldKey, List<string>> _errors = [];

        public bool Any => _errors.Count > 0;

        public void Add(OrderFieldKey field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(message);
        }

        public OrderValidation Result(ValidOrder? order) =>
            new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), Any ? null : order);
    }
}
