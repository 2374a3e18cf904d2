namespace SocItConsole.Shared.Hr;

/// <summary>What an HR value in the file is mapped to: one of the console's units, or one of its titles.</summary>
public enum HrMappingKind
{
    /// <summary>HR's unit (organisation code or cost centre) → a console unit.</summary>
    Unit,

    /// <summary>HR's title wording (befattning) → a console title.</summary>
    Title,
}

public enum HrMappingStatus
{
    /// <summary>Seen in a file, not yet decided: its lines are reported and not reconciled (a suggestion may wait).</summary>
    Pending,

    /// <summary>An administrator mapped it to a console unit or title.</summary>
    Mapped,

    /// <summary>Outside Soc-IT's care (another administration's unit, a title with no IT access): its lines are skipped.</summary>
    Ignored,
}

/// <summary>What the reconciliation found about one person's employment.</summary>
public enum HrFindingKind
{
    /// <summary>Avslutad i HR: an employment in the console where HR has none, or HR's end has passed.</summary>
    Leaver,

    /// <summary>Ny titel eller enhet: HR's title or unit differs from the console's employment.</summary>
    Mover,

    /// <summary>Börjar snart: an HR employment starting within the window with no order in the console.</summary>
    Joiner,

    /// <summary>Okänd i HR: a console employment whose person HR does not know at all.</summary>
    UnknownToHr,
}

public enum HrFindingStatus
{
    /// <summary>Waiting for an operator.</summary>
    Open,

    /// <summary>An operator confirmed it: its order is placed (<see cref="HrFinding.OrderId"/>).</summary>
    Confirmed,

    /// <summary>An operator dismissed it with a reason; the same facts in a later file stay dismissed.</summary>
    Dismissed,

    /// <summary>Still open when a later run found the same facts: that run's finding is the one to decide.</summary>
    Superseded,
}

/// <summary>How a file came to be reconciled.</summary>
public enum HrImportSource
{
    /// <summary>An administrator uploaded it in the console.</summary>
    Upload,

    /// <summary>The nightly job read the newest file in <c>Hr:ImportFolder</c>.</summary>
    Folder,

    /// <summary><c>run-job hr-reconciliation</c> from the command line.</summary>
    CommandLine,
}

/// <summary>The e-mail a reconciliation run gives rise to.</summary>
public enum HrNoticeKind
{
    /// <summary>To each unit's managers: one digest of their units' findings.</summary>
    Digest,

    /// <summary>To a unit's appointed orderers: someone starts soon and has no order yet.</summary>
    Joiner,
}
