using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Shared.Orderers;

namespace SocItConsole.Admin.Features.Orderers;

/// <summary>The Swedish words the orderers' pages and cards share.</summary>
public static class OrdererTexts
{
    /// <summary>"1 utsedd beställare", "3 utsedda beställare".</summary>
    public static string Appointments(int count) => SwedishCount.Of(count, "utsedd beställare", "utsedda beställare");

    public static string StatusName(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Current => "Gäller",
        AppointmentStatus.Coming => "Kommande",
        _ => "Upphörd",
    };
}
