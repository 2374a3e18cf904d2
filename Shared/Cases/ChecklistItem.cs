using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Cases;

public enum ChecklistItemKind
{
    /// <summary>Provision (or, for an end order, remove) one system.</summary>
    System,

    /// <summary>The Swedlock step: assign the personal key, buy one, or add to the key pool.</summary>
    Key,

    /// <summary>End of employment: something the employee hands back.</summary>
    Return,

    /// <summary>End of employment: a personal key the employee hands back; ticking it returns the key in the register.</summary>
    KeyReturn,
}

public enum ChecklistState
{
    Todo,
    Done,
    NotApplicable,
}

/// <summary>One thing an operator does on a case, with who marked it, when, and an optional note.</summary>
public sealed class ChecklistItem
{
    public const int LabelMaxLength = 200;
    public const int NoteMaxLength = 500;

    private ChecklistItem()
    {
        Label = string.Empty;
    }

    public ChecklistItem(ChecklistItemKind kind, string label, int? systemId = null)
    {
        Kind = kind;
        Label = Text.Required(label, LabelMaxLength, "Punkten");
        SystemId = systemId;
        State = ChecklistState.Todo;
    }

    public int Id { get; private set; }

    public ChecklistItemKind Kind { get; private set; }

    public string Label { get; private set; }

    public int? SystemId { get; private set; }

    public ChecklistState State { get; private set; }

    public string? MarkedByName { get; private set; }

    public DateTimeOffset? MarkedAt { get; private set; }

    public string? Note { get; private set; }

    public bool IsOpen => State == ChecklistState.Todo;

    /// <summary>
    /// Marks the item. "Ej aktuell" needs a note saying why (for a return item: the waiver's reason), so that a closed
    /// case never hides a step that was simply skipped.
    /// </summary>
    public void Mark(ChecklistState state, Actor by, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(by);
        var trimmed = Text.Optional(note, NoteMaxLength, "Anteckningen");
        if (state == ChecklistState.NotApplicable && trimmed is null)
        {
            throw new DomainException($"Skriv varför \"{Label}\" inte är aktuell.");
        }

        State = state;
        Note = trimmed;
        MarkedByName = state == ChecklistState.Todo ? null : by.Name;
        MarkedAt = state == ChecklistState.Todo ? null : at.ToUniversalTime();
    }
}
