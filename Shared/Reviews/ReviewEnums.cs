namespace SocItConsole.Shared.Reviews;

public enum ReviewRoundStatus
{
    /// <summary>Managers answer their lines.</summary>
    Open,

    /// <summary>Frozen: the answers are the evidence and can no longer change.</summary>
    Closed,
}

public enum ReviewAnswer
{
    /// <summary>Not answered yet.</summary>
    None,

    /// <summary>"Behålls": the manager attests that the person still needs the access.</summary>
    Keep,

    /// <summary>"Tas bort": the access is to end; an end order is created for Soc-IT.</summary>
    Remove,
}

/// <summary>The Swedish words the console shows for a review round and its answers.</summary>
public static class ReviewTexts
{
    public static string StatusName(ReviewRoundStatus status) => status switch
    {
        ReviewRoundStatus.Open => "Pågår",
        ReviewRoundStatus.Closed => "Stängd",
        _ => status.ToString(),
    };

    public static string AnswerName(ReviewAnswer answer) => answer switch
    {
        ReviewAnswer.None => "Ej besvarad",
        ReviewAnswer.Keep => "Behålls",
        ReviewAnswer.Remove => "Tas bort",
        _ => answer.ToString(),
    };
}
