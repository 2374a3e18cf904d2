namespace SocItConsole.Shared.FollowUps;

public enum FollowUpStatus
{
    /// <summary>Waiting for the manager's decision; reminders go out.</summary>
    Open,

    /// <summary>Reminded the configured number of times without a decision: on Soc-IT's queue. Still open to a decision.</summary>
    Escalated,

    /// <summary>An extension was ordered.</summary>
    Extended,

    /// <summary>Ending the grant was ordered, or the grant was ended by an end order.</summary>
    Ended,

    /// <summary>
    /// A follow-up of one grant that the follow-up of its fixed-term employment or placement took over (decision 0039):
    /// nothing is left to decide on it.
    /// </summary>
    Replaced,
}

/// <summary>What a follow-up is about: one temporary grant, a fixed-term employment's end, or a placement's end.</summary>
public enum FollowUpKind
{
    Grant,

    /// <summary>The end of a fixed-term employment (visstidsanställning), with all its access.</summary>
    FixedTermEmployment,

    /// <summary>The end of a temporary assignment to another unit (tillfällig placering), with all its access there.</summary>
    Placement,
}

public static class FollowUpTexts
{
    /// <summary>
    /// What a follow-up is about, in a sentence's middle: "Lifecare (Utförare) i Hemtjänst Centrum",
    /// "visstidsanställning som undersköterska i Hemtjänst Centrum" or "tillfällig placering i Tallgården".
    /// </summary>
    public static string Subject(FollowUpKind kind, string systemName, string levelName, string unitName, string? titleName) =>
        kind == FollowUpKind.Grant
            ? $"{systemName} ({levelName}) i {unitName}"
            : $"{char.ToLowerInvariant(Heading(kind, titleName)[0])}{Heading(kind, titleName)[1..]} i {unitName}";

    /// <summary>"Visstidsanställning som undersköterska", "Visstidsanställning", "Tillfällig placering".</summary>
    public static string Heading(FollowUpKind kind, string? titleName) => kind switch
    {
        FollowUpKind.FixedTermEmployment when !string.IsNullOrEmpty(titleName) =>
            $"Visstidsanställning som {char.ToLowerInvariant(titleName[0])}{titleName[1..]}",
        FollowUpKind.FixedTermEmployment => "Visstidsanställning",
        FollowUpKind.Placement => "Tillfällig placering",
        _ => "Tillfällig behörighet",
    };

    /// <summary>"1 behörighet", "6 behörigheter".</summary>
    public static string Grants(int count) =>
        count == 1 ? "1 behörighet" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} behörigheter";

    public static string StatusName(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Väntar på beslut",
        FollowUpStatus.Escalated => "Eskalerad till Soc-IT",
        FollowUpStatus.Extended => "Förlängning beställd",
        FollowUpStatus.Ended => "Avslutad",
        FollowUpStatus.Replaced => "Ersatt av uppföljningen av anställningen eller placeringen",
        _ => status.ToString(),
    };
}
