namespace SocItConsole.Shared.Orderers;

/// <summary>Where an appointment stands on a day, as the lists say it.</summary>
public enum AppointmentStatus
{
    /// <summary>The person may order today.</summary>
    Current,

    /// <summary>Its first day is still to come.</summary>
    Coming,

    /// <summary>Its last day has passed, or it was withdrawn before it began.</summary>
    Ended,
}

/// <summary>The rules the appointments' lists and the appoint form share.</summary>
public static class AppointmentRules
{
    /// <summary>Whether the appointment gives any day at all: one ended before its first day was withdrawn.</summary>
    public static bool HasDays(AppointedOrderer appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return appointment.To is not { } last || last >= appointment.From;
    }

    public static AppointmentStatus StatusOn(AppointedOrderer appointment, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return !HasDays(appointment) || appointment.HasEndedBy(day) ? AppointmentStatus.Ended
            : appointment.From > day ? AppointmentStatus.Coming
            : AppointmentStatus.Current;
    }

    /// <summary>
    /// Whether <paramref name="appointment"/> shares a day with the period <paramref name="from"/> to
    /// <paramref name="to"/> (null: until further notice). A withdrawn appointment shares none.
    /// </summary>
    public static bool Overlaps(AppointedOrderer appointment, DateOnly from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return HasDays(appointment)
            && (to is not { } last || appointment.From <= last)
            && (appointment.To is not { } theirLast || from <= theirLast);
    }
}
