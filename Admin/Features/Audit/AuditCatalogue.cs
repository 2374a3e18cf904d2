using System.Collections.Frozen;

namespace SocItConsole.Admin.Features.Audit;

/// <summary>
/// The Swedish name of every action and entity type the audit trail records: the one table the audit log reads.
/// The writers keep their strings (<c>"Order.Created"</c>, <c>"Order"</c>); a new one gets its line here, and
/// <c>AuditCatalogueTests</c> fail until it has — they find every action and entity type written in the app's source
/// and listed in <c>docs/security/service-operations.md</c>.
/// </summary>
public static class AuditCatalogue
{
    /// <summary>What happened, as a short Swedish phrase for the "Händelse" column.</summary>
    public static readonly FrozenDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Orders and cases
        ["Order.Created"] = "Beställning mottagen",
        ["Order.BatchPlaced"] = "Beställning för flera mottagen",
        ["Case.Taken"] = "Ärende taget",
        ["Case.ChecklistMarked"] = "Checklistpunkt markerad",
        ["Case.Commented"] = "Ärende kommenterat",
        ["Case.StatusChanged"] = "Ärendestatus ändrad",
        ["Case.Completed"] = "Ärende klart",
        ["Case.OrdererConfirmed"] = "Beställare bekräftad",
        ["Consent.Approved"] = "Tillfällig behörighet godkänd av mottagande verksamhet",
        ["Consent.Rejected"] = "Tillfällig behörighet nekad av mottagande verksamhet",
        ["Consent.RecordedByPhone"] = "Besked om godkännande registrerat per telefon",
        ["Consent.Reminded"] = "Chef påmind om godkännande",
        ["Consent.Escalated"] = "Godkännande eskalerat till Soc-IT",
        ["Case.Answered"] = "Beställaren svarade på en fråga",
        ["Employee.PersonnummerViewed"] = "Personnummer visat",
        ["Employee.NameViewed"] = "Namn på skyddad person visat",
        ["Employee.Protected"] = "Skyddad identitet markerad",
        ["Employee.Unprotected"] = "Skyddad identitet borttagen",
        ["Employee.Renamed"] = "Medarbetarens namn ändrat",

        // Keys, pools, personal codes and key purchases
        ["Key.Registered"] = "Nycklar registrerade",
        ["Key.Assigned"] = "Nyckel utlämnad",
        ["Key.ToBeReturned"] = "Nyckel ska återlämnas",
        ["Key.Returned"] = "Nyckel återlämnad",
        ["Key.Restocked"] = "Nyckel tillbaka i lager",
        ["Key.Lost"] = "Nyckel förlorad",
        ["Key.Retired"] = "Nyckel kasserad",
        ["Key.AddedToPool"] = "Nyckel lagd i nyckelpool",
        ["KeyPool.Created"] = "Nyckelpool skapad",
        ["KeyPool.MemberAdded"] = "Medlem tillagd i nyckelpool",
        ["KeyPool.MemberEnded"] = "Medlemskap i nyckelpool avslutat",
        ["KeyPool.MemberMoved"] = "Flyttad till nyckelpool",
        ["PersonalCode.Issued"] = "Personlig kod given",
        ["PersonalCode.Reset"] = "Personlig kod bytt",
        ["KeyPurchase.Started"] = "Nyckelinköp beställt",
        ["KeyPurchase.Received"] = "Inköpt nyckel mottagen",
        ["KeyPurchase.Cancelled"] = "Nyckelinköp avbrutet",

        // Master data and the matrix
        ["Matrix.Saved"] = "Matris sparad",
        ["ItSystem.Created"] = "IT-system tillagt",
        ["ItSystem.Updated"] = "IT-system ändrat",
        ["ItSystem.Activated"] = "IT-system aktiverat",
        ["ItSystem.Deactivated"] = "IT-system inaktiverat",
        ["ItSystem.Deleted"] = "IT-system borttaget",
        ["JobTitle.Created"] = "Titel tillagd",
        ["JobTitle.Updated"] = "Titel ändrad",
        ["JobTitle.Activated"] = "Titel aktiverad",
        ["JobTitle.Deactivated"] = "Titel inaktiverad",
        ["JobTitle.Deleted"] = "Titel borttagen",
        ["Unit.Created"] = "Verksamhet tillagd",
        ["Unit.Updated"] = "Verksamhet ändrad",
        ["Unit.Activated"] = "Verksamhet aktiverad",
        ["Unit.Deactivated"] = "Verksamhet inaktiverad",
        ["Unit.Deleted"] = "Verksamhet borttagen",

        // HR mappings (HR-kopplingar)
        ["HrMapping.Mapped"] = "HR-värde kopplat",
        ["HrMapping.Ignored"] = "HR-värde utanför Soc-IT:s uppdrag",
        ["HrMapping.Reopened"] = "Beslut om HR-värde öppnat igen",
        ["HrMapping.Added"] = "HR-koppling tillagd",

        // Follow-ups of temporary grants and their reminders
        ["FollowUp.Flagged"] = "Uppföljningar skapade",
        ["FollowUp.Closed"] = "Uppföljningar stängda",
        ["FollowUp.Escalated"] = "Uppföljning eskalerad",
        ["FollowUp.ReminderSent"] = "Påminnelse skickad",
        ["FollowUp.Ended"] = "Avslut beställt från uppföljning",
        ["FollowUp.Extended"] = "Förlängning beställd från uppföljning",
        ["FollowUp.GrantEnded"] = "Avslut av en behörighet beställt från uppföljning",
        ["FollowUp.GrantExtended"] = "Förlängning av en behörighet beställd från uppföljning",
        ["FollowUp.RunStarted"] = "Påminnelsejobb kört för hand",

        // Appointed orderers (utsedda beställare)
        ["Orderer.Appointed"] = "Beställare utsedd",
        ["Orderer.Ended"] = "Uppdrag som beställare avslutat",

        // A manager's access view
        ["Access.EndRequested"] = "Avslut av behörighet beställt",
        ["Access.ExtendRequested"] = "Förlängning av behörighet beställd",
        ["Access.Exported"] = "Behörigheter exporterade",

        // Access reviews
        ["Review.Started"] = "Granskning startad",
        ["Review.Closed"] = "Granskning stängd",
        ["Review.EvidenceExported"] = "Granskningsunderlag exporterat",
        ["Review.InvitationSent"] = "Inbjudan till granskning skickad",
        ["CaseMail.Sent"] = "E-post om ärende skickad",
        ["Review.ReminderSent"] = "Påminnelse om granskning skickad",
        ["Review.Reminded"] = "Chefer påminda om granskning",
        ["Review.Escalated"] = "Granskning eskalerad",
        ["Review.Answered"] = "Granskningsrad besvarad",
        ["Review.KeptAll"] = "Alla rader behålls",
        ["Review.RemovalOrdered"] = "Avslut beställt från granskning",
        ["Grant.Removed"] = "Behörighet borttagen (system ej aktuellt)",
        ["Grant.Voided"] = "Behörighet avslutad av sitt eget ärende (system ej aktuellt)",

        // Reconciliation with HR: the operators' decisions on findings
        ["Hr.FindingConfirmed"] = "Avvikelse mot HR bekräftad",
        ["Hr.FindingDismissed"] = "Avvikelse mot HR avfärdad",
        // Reconciliation with HR: the run and its e-mail
        ["Hr.Reconciled"] = "HR-fil avstämd",
        ["HrNotice.Sent"] = "E-post om avstämning mot HR skickad",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What kind of record an entry is about, for the "Typ av post" filter and the dialog.</summary>
    public static readonly FrozenDictionary<string, string> EntityTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Order"] = "Beställning",
        ["OrderBatch"] = "Beställning för flera",
        ["Employee"] = "Medarbetare",
        ["Grant"] = "Behörighet",
        ["Key"] = "Nyckel",
        ["KeyPool"] = "Nyckelpool",
        ["Matrix"] = "Matris",
        ["ItSystem"] = "IT-system",
        ["JobTitle"] = "Titel",
        ["Unit"] = "Verksamhet",
        ["HrMapping"] = "HR-koppling",
        ["FollowUp"] = "Uppföljning",
        ["ReminderMessage"] = "Påminnelse",
        ["Job"] = "Jobb",
        ["ReviewRound"] = "Granskning",
        ["ReviewLine"] = "Granskningsrad",
        ["ReviewMessage"] = "Utskick om granskning",
        ["HrFinding"] = "Avvikelse mot HR",
        ["HrImport"] = "Avstämning mot HR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Swedish name of an action; one without a line shows as stored rather than not at all.</summary>
    public static string ActionName(string action) => Actions.GetValueOrDefault(action, action);

    /// <summary>The Swedish name of an entity type; one without a line shows as stored.</summary>
    public static string EntityTypeName(string entityType) => EntityTypes.GetValueOrDefault(entityType, entityType);
}
