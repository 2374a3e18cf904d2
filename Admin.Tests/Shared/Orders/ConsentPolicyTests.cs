using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

/// <summary>
/// When an unanswered consent is reminded and escalated: three working days (Monday to Friday) after it was asked,
/// one reminder; three working days after the reminder, Soc-IT. 2026-11-27 is a Friday.
/// </summary>
public class ConsentPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chef = new("chef2", "Erik Johansson");

    public static TheoryData<string, string, ConsentStep> AskedOn => new()
    {
        // Asked on a Friday: Monday to Wednesday are the three working days; the weekend does not count.
        { "2026-11-27", "2026-11-28", ConsentStep.None },
        { "2026-11-27", "2026-11-30", ConsentStep.None },
        { "2026-11-27", "2026-12-01", ConsentStep.None },
        { "2026-11-27", "2026-12-02", ConsentStep.Remind },
        { "2026-11-27", "2026-12-10", ConsentStep.Remind },
        // Asked on a Wednesday: Thursday, Friday, Monday.
        { "2026-11-25", "2026-11-27", ConsentStep.None },
        { "2026-11-25", "2026-11-29", ConsentStep.None },
        { "2026-11-25", "2026-11-30", ConsentStep.Remind },
        // Asked on a Saturday (the e-service never sleeps): Monday to Wednesday.
        { "2026-11-28", "2026-12-01", ConsentStep.None },
        { "2026-11-28", "2026-12-02", ConsentStep.Remind },
    };

    [Theory]
    [MemberData(nameof(AskedOn))]
    public void Next_RemindsAfterThreeWorkingDays_NotCountingWeekends(string asked, string today, ConsentStep expected) =>
        Assert.Equal(expected, ConsentPolicy.Next(Consent(asked), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    public static TheoryData<string, string, ConsentStep> RemindedOn => new()
    {
        // Reminded on Wednesday 2026-12-02: Thursday, Friday, Monday; never a second reminder in between.
        { "2026-12-02", "2026-12-02", ConsentStep.None },
        { "2026-12-02", "2026-12-04", ConsentStep.None },
        { "2026-12-02", "2026-12-06", ConsentStep.None },
        { "2026-12-02", "2026-12-07", ConsentStep.Escalate },
        { "2026-12-02", "2026-12-20", ConsentStep.Escalate },
    };

    [Theory]
    [MemberData(nameof(RemindedOn))]
    public void Next_AfterTheOneReminder_EscalatesThreeWorkingDaysLater(string reminded, string today, ConsentStep expected)
    {
        var consent = Consent("2026-11-27");
        var day = DateOnly.Parse(reminded, System.Globalization.CultureInfo.InvariantCulture);
        consent.MarkReminded(At.AddDays(5), day);

        Assert.Equal(expected, ConsentPolicy.Next(consent, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Next_OnceEscalated_DoesNothingMore()
    {
        var consent = Consent("2026-11-27");
        consent.MarkReminded(At.AddDays(5), new DateOnly(2026, 12, 2));
        consent.MarkEscalated(At.AddDays(10));

        Assert.Equal(ConsentStep.None, ConsentPolicy.Next(consent, new DateOnly(2027, 1, 15)));
    }

    public static TheoryData<string> Answers => ["approved", "rejected", "phone-approved", "phone-rejected"];

    [Theory]
    [MemberData(nameof(Answers))]
    public void Next_ForAnAnsweredConsent_NeverReminds(string answer)
    {
        var consent = Consent("2026-11-27");
        switch (answer)
        {
            case "approved":
                consent.Approve(Chef, At);
                break;
            case "rejected":
                consent.Reject(Chef, At, "Ingen plats.");
                break;
            default:
                consent.RecordByPhone(answer == "phone-approved", Chef, At, "Ringde.");
                break;
        }

        Assert.Equal(ConsentStep.None, ConsentPolicy.Next(consent, new DateOnly(2026, 12, 2)));
        Assert.Equal(ConsentStep.None, ConsentPolicy.Next(consent, new DateOnly(2027, 3, 1)));
    }

    private static UnitConsent Consent(string askedOn) =>
        new(7, "Tallgårdens vård- och omsorgsboende", At, DateOnly.Parse(askedOn, System.Globalization.CultureInfo.InvariantCulture));
}
