using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Features.MasterData.Components;

public partial class SystemsPanel
{
    [Parameter, EditorRequired] public required IReadOnlyList<ItSystemRow> Systems { get; set; }

    private List<ItSystemRow> Visible =>
        [.. Systems.Where(s => (ShowInactive || s.IsActive) && s.Matches(Search))];

    private string EmptyText => Systems.Count == 0
        ? "Det finns inga IT-system ännu. Lägg till det första med knappen ovan."
        : "Inget IT-system matchar sökningen.";

    private static string? DeleteBlockedReason(ItSystemRow system) =>
        SwedishCount.Usage(system.UnitCount, system.MatrixCellCount) is { } usage ? CannotDelete(usage) : null;

    private Task AddAsync() => OpenEditorAsync<SystemDialog>("Lägg till IT-system", []);

    private Task EditAsync(ItSystemRow system) =>
        OpenEditorAsync($"Redigera {system.Name}", new DialogParameters<SystemDialog> { { d => d.Existing, system } });

    private Task ToggleActiveAsync(ItSystemRow system) => system.IsActive
        ? ConfirmAndRunAsync(
            "Inaktivera IT-system",
            $"Inaktivera {system.Name}? Systemet finns kvar hos verksamheter och i matrisen men kan inte väljas för nya verksamheter.",
            "Inaktivera",
            () => Service.SetSystemActiveAsync(system.Id, active: false),
            $"{system.Name} är inaktiverat.")
        : ConfirmAndRunAsync(
            "Aktivera IT-system",
            $"Aktivera {system.Name} igen?",
            "Aktivera",
            () => Service.SetSystemActiveAsync(system.Id, active: true),
            $"{system.Name} är aktiverat.");

    private Task DeleteAsync(ItSystemRow system) => ConfirmAndRunAsync(
        "Ta bort IT-system",
        $"Ta bort {system.Name} med dess nivåer? Det går inte att ångra.",
        "Ta bort",
        () => Service.DeleteSystemAsync(system.Id),
        $"{system.Name} är borttaget.");
}
