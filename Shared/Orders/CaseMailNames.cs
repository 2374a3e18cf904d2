namespace SocItConsole.Shared.Orders;

/// <summary>What a case's e-mail is, as the outbox (Utkorg) and the case page name it.</summary>
public static class CaseMailNames
{
    public static string Of(CaseMessageKind kind) => kind switch
    {
        CaseMessageKind.Received => "Besked: mottagen",
        CaseMessageKind.Question => "Fråga till beställaren",
        CaseMessageKind.Completed => "Besked: klart",
        CaseMessageKind.Rejected => "Besked: avvisat",
        CaseMessageKind.ConsentRequest => "Begäran om godkännande",
        CaseMessageKind.ConsentReminder => "Påminnelse om godkännande",
        CaseMessageKind.Answered => "Svar från beställaren",
        _ => kind.ToString(),
    };
}
