using SocItConsole.Admin.Infrastructure.Common;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers;

/// <summary>The units the user may appoint orderers for, and whether that is every unit (an administrator).</summary>
public sealed record OrdererScope(IReadOnlyList<UnitOption> Units, bool AllUnits);

/// <summary>Which appointments a list shows: those that give or will give the right to order, the ended, or all.</summary>
public enum AppointmentFilter
{
    Active,
    Ended,
    All,
}

/// <summary>What the list asks for: one unit (or all of the user's), which appointments, and a name to search for.</summary>
public sealed record AppointmentQuery(int? UnitId = null, AppointmentFilter Filter = AppointmentFilter.Active, string? Search = null);

/// <summary>One appointment as the lists show it, with where it stands today.</summary>
public sealed record AppointmentRow(
    int Id,
    int UnitId,
    string UnitName,
    string Name,
    string Email,
    DateOnly From,
    DateOnly? To,
    AppointmentStatus Status,
    string AppointedByName,
    DateOnly AppointedOn,
    string? EndedByName,
    DateOnly? EndedOn)
{
    /// <summary>"Gäller sedan 2026-11-01, tills vidare", "Börjar 2026-12-01", "Upphörde 2026-11-27" …</summary>
    public string StatusText => Status switch
    {
        AppointmentStatus.Current => To is { } last ? $"Gäller till och med {Dates.Iso(last)}" : "Gäller tills vidare",
        AppointmentStatus.Coming => $"Börjar {Dates.Iso(From)}",
        _ when To is { } last && last < From => $"Återkallad {Dates.Iso(EndedOn ?? From)}, började aldrig",
        _ => $"Upphörde {Dates.Iso(To!.Value.AddDays(1))}",
    };

    /// <summary>"2026-11-01 – tills vidare".</summary>
    public string Period => $"{Dates.Iso(From)} – {(To is { } last ? Dates.Iso(last) : "tills vidare")}";

    public bool MayEnd => Status != AppointmentStatus.Ended;
}

/// <summary>A page of appointments, and the refusal when the unit asked for is not the user's.</summary>
public sealed record AppointmentList(IReadOnlyList<AppointmentRow> Items, int TotalCount, string? Refusal = null);

/// <summary>The appoint form as it is sent.</summary>
public sealed record AppointInput(int? UnitId, string? Name, string? Email, DateOnly? From, DateOnly? To);

/// <summary>The appoint form's fields, for the messages shown under them.</summary>
public enum AppointField
{
    Unit,
    Name,
    Email,
    From,
    To,
}

/// <summary>The outcome of appointing or ending: done with a Swedish message, invalid fields, or refused.</summary>
public abstract record AppointmentResult
{
    private AppointmentResult()
    {
    }

    public sealed record Done(int Id, string Message) : AppointmentResult;

    public sealed record Invalid(IReadOnlyDictionary<AppointField, string> Errors) : AppointmentResult;

    public sealed record Refused(string Message) : AppointmentResult;
}
