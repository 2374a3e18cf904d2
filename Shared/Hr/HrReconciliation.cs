using System.Globalization;
using SocItConsole.Shared.People;

namespace SocItConsole.Shared.Hr;

/// <summary>One employment as HR states it, with its unit and title mapped to the console's.</summary>
public sealed record HrEmployment(
    int LineNumber, Personnummer Personnummer, string Name, int UnitId, string UnitName, int TitleId, string TitleName,
    DateOnly From, DateOnly? To);

/// <summary>
/// One of the console's employments, current on the as-of day or later, with whether an end or change order for it is
/// already open or placed (<see cref="HasEndOrChangeOrder"/>: the reconciliation then proposes nothing for it).
/// </summary>
public sealed record ConsoleEmployment(
    int EmployeeId, Personnummer Personnummer, string Name, int EmploymentId, int UnitId, string UnitName, int? TitleId,
    string? TitleName, DateOnly From, DateOnly? To, bool HasEndOrChangeOrder);

/// <summary>What the reconciliation is given.</summary>
/// <param name="Hr">The file's mapped employments (skipped and waiting lines left out).</param>
/// <param name="Console">The console's employments not ended before the as-of day.</param>
/// <param name="PersonsInFile">Everyone the file names on any line, mapped or not: they are not unknown to HR.</param>
/// <param name="PersonsWaitingForMapping">Persons with a line whose unit or title waits for a mapping: never reconciled.</param>
/// <param name="PersonsWithNewOrder">Persons with an open (or coming) new-employee order: not joiners.</param>
/// <param name="AsOf">The file's day: the day the facts are true.</param>
/// <param name="JoinerWindowDays">How many days ahead an HR employment starting without an order is a joiner.</param>
public sealed record HrReconciliationInput(
    IReadOnlyList<HrEmployment> Hr,
    IReadOnlyList<ConsoleEmployment> Console,
    IReadOnlySet<Personnummer> PersonsInFile,
    IReadOnlySet<Personnummer> PersonsWaitingForMapping,
    IReadOnlySet<Personnummer> PersonsWithNewOrder,
    DateOnly AsOf,
    int JoinerWindowDays);

/// <summary>One finding the reconciliation proposes, before it is stored as an <see cref="HrFinding"/>.</summary>
public sealed record HrProposedFinding(
    HrFindingKind Kind,
    string FactsKey,
    Personnummer Personnummer,
    string Name,
    int UnitId,
    string UnitName,
    int? EmployeeId = null,
    int? EmploymentId = null,
    int? TitleId = null,
    string? TitleName = null,
    int? HrUnitId = null,
    string? HrUnitName = null,
    int? HrTitleId = null,
    string? HrTitleName = null,
    DateOnly? HrFrom = null,
    DateOnly? HrTo = null,
    int? LineNumber = null,
    DateOnly? EffectiveDate = null);

public sealed record HrReconciliationResult(IReadOnlyList<HrProposedFinding> Findings, int PersonsMatched);

/// <summary>
/// The reconciliation of HR's employments with the console's, by personnummer, as of one day. Per person, each console
/// employment active on the day is matched to the HR employment that explains it best: the same unit and title (no
/// finding, unless HR's end has passed: a <em>leaver</em> with HR's last day), else the same unit or the same title
/// (a <em>mover</em>, from HR's start of the new post but not before the day), else none (a <em>leaver</em> whose last
/// day is the day before). An HR employment no console employment explains, starting within the window, with no order
/// for the person, is a <em>joiner</em>; a console employment whose person the file does not name at all is
/// <em>unknown to HR</em>. An employment with an end or change order already placed still takes part in the matching
/// (so that its new post is not a joiner) but gives no finding, and a person with a line waiting for a mapping is left
/// out entirely.
/// </summary>
public static class HrReconciliation
{
    public static HrReconciliationResult Reconcile(HrReconciliationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var asOf = input.AsOf;
        var findings = new List<HrProposedFinding>();
        var hrByPerson = input.Hr.ToLookup(h => h.Personnummer);
        var consoleByPerson = input.Console.ToLookup(c => c.Personnummer);
        var persons = hrByPerson.Select(g => g.Key).Concat(consoleByPerson.Select(g => g.Key)).Distinct()
            .OrderBy(p => p.Value, StringComparer.Ordinal);
        var matched = consoleByPerson.Count(g => input.PersonsInFile.Contains(g.Key));
        foreach (var person in persons)
        {
            if (input.PersonsWaitingForMapping.Contains(person))
            {
                continue;
            }

            var console = consoleByPerson[person].OrderBy(c => c.From).ThenBy(c => c.EmploymentId).ToList();
            if (!input.PersonsInFile.Contains(person))
            {
                findings.AddRange(console
                    .Where(c => c.From <= asOf && !c.HasEndOrChangeOrder)
                    .Select(c => Finding(HrFindingKind.UnknownToHr, c, null, null)));
                continue;
            }

            findings.AddRange(ReconcilePerson(
                [.. hrByPerson[person].OrderBy(h => h.From).ThenBy(h => h.LineNumber)], console, input.PersonsWithNewOrder.Contains(person),
                asOf, input.JoinerWindowDays));
        }

        return new HrReconciliationResult(findings, matched);
    }

    private static List<HrProposedFinding> ReconcilePerson(
        List<HrEmployment> hr, List<ConsoleEmployment> console, bool hasNewOrder, DateOnly asOf, int joinerWindowDays)
    {
        var open = new List<HrEmployment>(hr);
        var results = new List<HrProposedFinding>();
        var unexplained = new List<ConsoleEmployment>();

        // First the same unit and title, still current in HR: nothing to say.
        foreach (var c in console)
        {
            var same = open.Where(h => IsSamePost(c, h) && (h.To is null || h.To >= asOf)).OrderByDescending(h => h.From).FirstOrDefault();
            if (same is null)
            {
                unexplained.Add(c);
                continue;
            }

            open.Remove(same);
        }

        // Then the best current post left: the same unit (a new title) before the same title (a new unit) before any.
        var pairs = unexplained
            .SelectMany(c => open.Where(h => h.To is null || h.To >= asOf).Select(h => (Console: c, Hr: h, Score: Score(c, h))))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Console.From).ThenBy(p => p.Hr.From).ToList();
        var moved = new Dictionary<ConsoleEmployment, HrEmployment>();
        foreach (var (c, h, _) in pairs)
        {
            if (!moved.ContainsKey(c) && open.Contains(h))
            {
                moved[c] = h;
                open.Remove(h);
            }
        }

        foreach (var c in unexplained)
        {
            // The same post, ended in HR: its last day is HR's.
            var ended = open.Where(h => IsSamePost(c, h) && h.To < asOf).OrderByDescending(h => h.To).FirstOrDefault();
            if (ended is not null)
            {
                open.Remove(ended);
            }

            if (c.From > asOf || c.HasEndOrChangeOrder)
            {
                continue;
            }

            results.Add(
                moved.TryGetValue(c, out var h) ? Finding(HrFindingKind.Mover, c, h, h.From > asOf ? h.From : asOf)
                : ended is not null ? Finding(HrFindingKind.Leaver, c, ended, ended.To)
                : Finding(HrFindingKind.Leaver, c, null, asOf.AddDays(-1)));
        }

        if (!hasNewOrder)
        {
            var windowEnd = asOf.AddDays(joinerWindowDays);
            results.AddRange(open
                .Where(h => h.From >= asOf && h.From <= windowEnd)
                .Select(h => new HrProposedFinding(
                    HrFindingKind.Joiner, FactsKey(HrFindingKind.Joiner, h.Personnummer, null, h), h.Personnummer, h.Name, h.UnitId, h.UnitName,
                    HrUnitId: h.UnitId, HrUnitName: h.UnitName, HrTitleId: h.TitleId, HrTitleName: h.TitleName, HrFrom: h.From, HrTo: h.To,
                    LineNumber: h.LineNumber, EffectiveDate: h.From)));
        }

        return results;
    }

    private static bool IsSamePost(ConsoleEmployment c, HrEmployment h) =>
        h.UnitId == c.UnitId && (c.TitleId is null || h.TitleId == c.TitleId);

    private static int Score(ConsoleEmployment c, HrEmployment h) =>
        (h.UnitId == c.UnitId ? 2 : 0) + (h.TitleId == c.TitleId ? 1 : 0);

    private static HrProposedFinding Finding(HrFindingKind kind, ConsoleEmployment c, HrEmployment? h, DateOnly? effective) =>
        new(kind, FactsKey(kind, c.Personnummer, c.EmploymentId, h), c.Personnummer, c.Name, c.UnitId, c.UnitName,
            EmployeeId: c.EmployeeId, EmploymentId: c.EmploymentId, TitleId: c.TitleId, TitleName: c.TitleName,
            HrUnitId: h?.UnitId, HrUnitName: h?.UnitName, HrTitleId: h?.TitleId, HrTitleName: h?.TitleName, HrFrom: h?.From, HrTo: h?.To,
            LineNumber: h?.LineNumber, EffectiveDate: effective);

    /// <summary>
    /// The facts a finding rests on, as stable text: kind, person, the console employment, HR's unit, title and dates.
    /// Never the as-of day: a leaver HR simply no longer lists is the same finding in tomorrow's file.
    /// </summary>
    public static string FactsKey(HrFindingKind kind, Personnummer personnummer, int? employmentId, HrEmployment? hr) =>
        string.Join('|',
            kind.ToString(),
            personnummer.Value,
            employmentId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            hr?.UnitId.ToString(CultureInfo.InvariantCulture) ?? "-",
            hr?.TitleId.ToString(CultureInfo.InvariantCulture) ?? "-",
            hr?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
            hr?.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
}
