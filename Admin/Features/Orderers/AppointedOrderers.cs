using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers;

/// <summary>
/// Utsedda beställare: the people a unit's manager (or an administrator) appoints to order for the unit, for a period.
/// A manager lists, appoints and ends only for the units that name them as manager today; an administrator for any
/// unit. That is checked here on every call, by the unit's id, not only by what the page offers. Every appointment and
/// every early end is saved with its audit entry on the unit. An appointment ends by itself after its last day.
/// </summary>
public sealed class AppointedOrderers(
    IDbContextFactory<SocItDbContext> factory,
    AuditedChange changes,
    CurrentUser currentUser,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const string UnitNotFoundMessage = "Verksamheten finns inte, eller är inte en av dina verksamheter.";
    public const string AppointmentNotFoundMessage =
        "Uppdraget finns inte, eller gäller inte någon av dina verksamheter. Ladda om sidan.";

    private const string EntityType = nameof(Unit);

    private static readonly ChangeRules<AppointmentResult> Rules = new(
        Policies.OrdererAppointments,
        "Någon annan ändrade uppdraget samtidigt. Ladda om sidan och försök igen.",
        message => new AppointmentResult.Refused(message),
        message => new AppointmentResult.Refused(message))
    {
        InTransaction = true,
    };

    /// <summary>The units the user may appoint orderers for, active first, in Swedish order.</summary>
    public async Task<OrdererScope> ScopeAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrdererAppointments);
        var user = await currentUser.GetPrincipalAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = await Units(db, user).Select(UnitOption.FromUnit).ToListAsync(ct);
        return new OrdererScope(
            [.. units.OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, AdminLocalization.SwedishOrder)],
            SeesAllUnits(user));
    }

    /// <summary>
    /// One page of the appointments in the unit asked for (or all the user's units): those that give the right to
    /// order now first, then those to come, then the ended; a unit that is not the user's is refused with no rows.
    /// </summary>
    public async Task<AppointmentList> ListAsync(AppointmentQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await currentUser.RequireAsync(Policies.OrdererAppointments);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        await using var db = await factory.CreateDbContextAsync(ct);
        var units = Units(db, user);
        if (query.UnitId is { } unitId)
        {
            if (!await units.AnyAsync(u => u.Id == unitId, ct))
            {
                return new AppointmentList([], 0, UnitNotFoundMessage);
            }

            units = units.Where(u => u.Id == unitId);
        }

        var appointments = db.AppointedOrderers.AsNoTracking();
        appointments = query.Filter switch
        {
            AppointmentFilter.Active => appointments.Where(AppointedOrderer.CurrentOrComingOn(today)),
            AppointmentFilter.Ended => appointments.Where(AppointedOrderer.EndedBy(today)),
            _ => appointments,
        };
        var rows = appointments.Join(units, a => a.UnitId, u => u.Id, (a, u) => new { Appointment = a, UnitName = u.Name });
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SqlLike.Containing(query.Search.Trim());
            rows = rows.Where(r => EF.Functions.Like(r.Appointment.Name, pattern, SqlLike.Escape)
                || EF.Functions.Like(r.UnitName, pattern, SqlLike.Escape));
        }

        var total = await rows.CountAsync(ct);
        var pageRows = await rows
            .OrderBy(r => r.Appointment.To != null && (r.Appointment.To < today || r.Appointment.To < r.Appointment.From))
            .ThenBy(r => r.Appointment.From > today)
            .ThenBy(r => r.UnitName)
            .ThenBy(r => r.Appointment.Name)
            .ThenBy(r => r.Appointment.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(ct);
        return new AppointmentList([.. pageRows.Select(r => ToRow(r.Appointment, r.UnitName, today))], total);
    }

    /// <summary>How many appointments give or will give the right to order, per unit the user may open.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountsByUnitAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrdererAppointments);
        var user = await currentUser.GetPrincipalAsync();
        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var units = Units(db, user).Select(u => u.Id);
        return await db.AppointedOrderers.AsNoTracking()
            .Where(AppointedOrderer.CurrentOrComingOn(today))
            .Where(a => units.Contains(a.UnitId))
            .GroupBy(a => a.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);
    }

    /// <summary>The signed-in person's own appointments that give or will give the right to order.</summary>
    public async Task<IReadOnlyList<AppointmentRow>> MineAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Policies.OrderIntake);
        var user = await currentUser.GetPrincipalAsync();
        if (user.EmailAddress() is not { } email)
        {
            return [];
        }

        var today = AdminTimeZone.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.AppointedOrderers.AsNoTracking()
            .Where(AppointedOrderer.CurrentOrComingOn(today))
            .Where(a => a.Email == email)
            .Join(db.Units, a => a.UnitId, u => u.Id, (a, u) => new { Appointment = a, UnitName = u.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => ToRow(r.Appointment, r.UnitName, today))
            .OrderBy(r => r.Status)
            .ThenBy(r => r.UnitName, AdminLocalization.SwedishOrder)];
    }

    /// <summary>
    /// Appoints a person to order for a unit from a first day (today or later) to an optional last day. Refused for a
    /// unit that is not the user's; each field's problem comes back under its field and nothing is saved.
    /// </summary>
    public async Task<AppointmentResult> AppointAsync(AppointInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await currentUser.GetPrincipalAsync();
        return await changes.RunAsync(Rules, async c =>
        {
            var unit = input.UnitId is { } unitId
                ? await Units(c.Db, user).SingleOrDefaultAsync(u => u.Id == unitId, ct)
                : null;
            if (input.UnitId is not null && unit is null)
            {
                return new AppointmentResult.Refused(UnitNotFoundMessage);
            }

            var errors = await ValidateAsync(c, user, unit, input, ct);
            if (errors.Count > 0)
            {
                return new AppointmentResult.Invalid(errors);
            }

            var email = EmailAddress.Parse(input.Email);
            var appointment = new AppointedOrderer(
                unit!.Id, unit.Name, new Contact(input.Name!.Trim(), email), input.From!.Value, input.To, c.Actor, c.Now);
            c.Db.AppointedOrderers.Add(appointment);
            await c.Db.SaveChangesAsync(ct);

            var text = $"{appointment.Name} ({appointment.Email}) utsågs att beställa för {unit.Name} {Period(appointment)}.";
            c.Audit("Orderer.Appointed", EntityType, Key(unit.Id), text, before: null, after: Snapshot(appointment));
            return new AppointmentResult.Done(appointment.Id, text);
        }, ct);
    }

    /// <summary>
    /// Ends an appointment at once: yesterday becomes its last day, so the person may no longer order from today (one
    /// that had not begun is withdrawn). Refused for an appointment in a unit that is not the user's, or already ended.
    /// </summary>
    public async Task<AppointmentResult> EndAsync(int appointmentId, CancellationToken ct = default)
    {
        var user = await currentUser.GetPrincipalAsync();
        return await changes.RunAsync(Rules, async c =>
        {
            // Two queries: the unit check reads without tracking, and in one query that would untrack the appointment.
            var appointment = await c.Db.AppointedOrderers.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
            if (appointment is null || !await Units(c.Db, user).AnyAsync(u => u.Id == appointment.UnitId, ct))
            {
                return new AppointmentResult.Refused(AppointmentNotFoundMessage);
            }

            if (AppointmentRules.StatusOn(appointment, c.Today) == AppointmentStatus.Ended)
            {
                return new AppointmentResult.Refused($"Uppdraget för {appointment.Name} har redan upphört.");
            }

            var before = Snapshot(appointment);
            appointment.End(c.Today.AddDays(-1), c.Today, c.Actor, c.Now);
            var text = $"{appointment.Name}s uppdrag att beställa för {appointment.UnitName} avslutades; "
                + $"från och med {Dates.Iso(c.Today)} kan {appointment.Name} inte beställa för verksamheten.";
            c.Audit("Orderer.Ended", EntityType, Key(appointment.UnitId), text, before, Snapshot(appointment));
            return new AppointmentResult.Done(appointment.Id, text);
        }, ct);
    }

    private static async Task<Dictionary<AppointField, string>> ValidateAsync(
        ChangeContext c, ClaimsPrincipal user, Unit? unit, AppointInput input, CancellationToken ct)
    {
        var errors = new Dictionary<AppointField, string>();
        if (unit is null)
        {
            errors[AppointField.Unit] = "Välj verksamheten.";
        }
        else if (!unit.IsActive)
        {
            errors[AppointField.Unit] = $"{unit.Name} är inaktiv: ingen kan beställa för den.";
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors[AppointField.Name] = "Ange personens namn.";
        }
        else if (name.Length > Contact.NameMaxLength)
        {
            errors[AppointField.Name] = $"Namnet får vara högst {Contact.NameMaxLength} tecken.";
        }

        EmailAddress? email = null;
        if (!EmailAddress.TryParse(input.Email, out var parsed, out var emailError))
        {
            errors[AppointField.Email] = string.IsNullOrWhiteSpace(input.Email) ? "Ange personens e-postadress." : emailError;
        }
        else if (user.EmailAddress() == parsed)
        {
            errors[AppointField.Email] = "Du kan inte utse dig själv: som chef beställer du redan för dina verksamheter.";
        }
        else if (unit is not null && unit.Managers.Any(m => m.Email == parsed))
        {
            errors[AppointField.Email] = $"{input.Email!.Trim()} är chef för {unit.Name} och beställer redan utan uppdrag.";
        }
        else
        {
            email = parsed;
        }

        if (input.From is not { } from)
        {
            errors[AppointField.From] = "Ange första dagen.";
        }
        else if (from < c.Today)
        {
            errors[AppointField.From] = $"Första dagen kan inte vara före i dag ({Dates.Iso(c.Today)}).";
        }

        if (input.To is { } to && input.From is { } first && to < first)
        {
            errors[AppointField.To] = "Sista dagen kan inte vara före första dagen.";
        }

        if (errors.Count == 0 && email is { } address)
        {
            var theirs = await c.Db.AppointedOrderers.AsNoTracking()
                .Where(a => a.UnitId == unit!.Id && a.Email == address)
                .ToListAsync(ct);
            if (theirs.FirstOrDefault(a => AppointmentRules.Overlaps(a, input.From!.Value, input.To)) is { } overlapping)
            {
                errors[AppointField.From] =
                    $"{overlapping.Name} är redan utsedd för {unit!.Name} {Period(overlapping)}: perioderna får inte överlappa.";
            }
        }

        return errors;
    }

    /// <summary>The units the user answers for: all for an administrator, else those that name their e-mail as manager.</summary>
    private static IQueryable<Unit> Units(SocItDbContext db, ClaimsPrincipal user) =>
        SeesAllUnits(user) ? db.Units.AsNoTracking() : db.UnitsManagedBy(user);

    private static bool SeesAllUnits(ClaimsPrincipal user) => user.IsInRole(AppRoles.Administrator);

    private static AppointmentRow ToRow(AppointedOrderer a, string unitName, DateOnly today) => new(
        a.Id, a.UnitId, unitName, a.Name, a.Email.Value, a.From, a.To, AppointmentRules.StatusOn(a, today),
        a.AppointedByName, AdminTimeZone.DateOf(a.AppointedAt), a.EndedByName,
        a.EndedAt is { } ended ? AdminTimeZone.DateOf(ended) : null);

    private static string Period(AppointedOrderer a) => a.To is { } last
        ? $"från {Dates.Iso(a.From)} till och med {Dates.Iso(last)}"
        : $"från {Dates.Iso(a.From)} tills vidare";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(AppointedOrderer a) => new
    {
        AppointmentId = a.Id,
        Unit = a.UnitName,
        a.Name,
        Email = a.Email.Value,
        a.From,
        a.To,
        a.AppointedByName,
        a.EndedByName,
    };
}
