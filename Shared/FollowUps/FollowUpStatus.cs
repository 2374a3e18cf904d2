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
}

public static class FollowUpTexts
{
    public static string StatusName(FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Väntar på beslut",
        FollowUpStatus.Escalated => "Eskalerad till Soc-IT",
        FollowUpStatus.Extended => "Förlängning beställd",
        FollowUpStatus.Ended => "Avslutad",
        _ => status.ToString(),
    };
}
