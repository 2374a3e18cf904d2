using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Shared.Hr;

/// <summary>
/// How one HR value (a unit code or a title wording) maps to the console. A value that matches by itself (a unit code
/// equal to a unit's cost centre, a title equal to a console title ignoring case) needs no row; any other value gets a
/// row on first sight, <see cref="HrMappingStatus.Pending"/> with a suggestion by name, and waits for an administrator:
/// its lines are reported, never guessed. <see cref="Key"/> is the value as compared (<see cref="HrMappingRules.Key"/>).
/// </summary>
public sealed class HrMapping
{
    public const int ValueMaxLength = 200;

    private HrMapping()
    {
        HrValue = Key = string.Empty;
    }

    public HrMapping(HrMappingKind kind, string hrValue, int? suggestedTargetId, string? suggestedTargetName, DateTimeOffset firstSeenAt, int? firstSeenImportId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hrValue);
        Kind = kind;
        HrValue = hrValue.Trim();
        Key = HrMappingRules.Key(hrValue);
        SuggestedTargetId = suggestedTargetId;
        SuggestedTargetName = suggestedTargetName;
        FirstSeenAt = firstSeenAt.ToUniversalTime();
        FirstSeenImportId = firstSeenImportId;
        Status = HrMappingStatus.Pending;
    }

    public int Id { get; private set; }

    public HrMappingKind Kind { get; private set; }

    /// <summary>The value as HR wrote it the first time it was seen.</summary>
    public string HrValue { get; private set; }

    /// <summary>The value as compared: unique per kind.</summary>
    public string Key { get; private set; }

    public HrMappingStatus Status { get; private set; }

    /// <summary>The console unit's or title's id once mapped.</summary>
    public int? TargetId { get; private set; }

    /// <summary>The unit's or title's name when mapped, for history.</summary>
    public string? TargetName { get; private set; }

    /// <summary>The console unit or title whose name is closest, proposed on first sight; never applied by itself.</summary>
    public int? SuggestedTargetId { get; private set; }

    public string? SuggestedTargetName { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    /// <summary>The run that saw it first (null when seen in a dry run or entered by hand).</summary>
    public int? FirstSeenImportId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public void MapTo(int targetId, string targetName, Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        Status = HrMappingStatus.Mapped;
        TargetId = targetId;
        TargetName = targetName;
        Decided(by, at);
    }

    /// <summary>Outside Soc-IT's care: lines with this value are skipped, not reported.</summary>
    public void Ignore(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        Status = HrMappingStatus.Ignored;
        TargetId = null;
        TargetName = null;
        Decided(by, at);
    }

    /// <summary>Back to waiting (an administrator undoes a decision); lines are reported again.</summary>
    public void Reopen(Actor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Status == HrMappingStatus.Pending)
        {
            throw new DomainException("Kopplingen väntar redan på beslut.");
        }

        Status = HrMappingStatus.Pending;
        TargetId = null;
        TargetName = null;
        Decided(by, at);
    }

    private void Decided(Actor by, DateTimeOffset at)
    {
        DecidedAt = at.ToUniversalTime();
        DecidedById = by.Id;
        DecidedByName = by.Name;
    }
}
