using SocItConsole.Shared.FollowUps;

namespace SocItConsole.Admin.Tests.Shared.FollowUps;

public class ReminderTextTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Uri Link = new("https://socit.example/follow-ups");

    [Fact]
    public void Compose_ListsExpiredAndEndingSoon_InSwedish_WithTheLink()
    {
        var content = ReminderText.Compose("Anna Lindqvist",
        [
            new ReminderLine("Lisa Andersson", "Lifecare", "Utförare", "Hemtjänst Centrum", new DateOnly(2026, 11, 20)),
            new ReminderLine("Omar Ali", "Appva", "Standard", "Hemtjänst Skrea", new DateOnly(2026, 11, 28)),
        ], Today, Link, "Falkenbergs kommun, Soc-IT", 7);

        Assert.Equal("Påminnelse: 2 tillfälliga behörigheter att följa upp", content.Subject);
        Assert.StartsWith("Hej Anna Lindqvist!", content.Body, StringComparison.Ordinal);
        Assert.Contains("Har gått ut:\n- Lisa Andersson: Lifecare (Utförare) i Hemtjänst Centrum, sista dag 2026-11-20 (7 dagar sedan)", content.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Går snart ut:\n- Omar Ali: Appva (Standard) i Hemtjänst Skrea, sista dag 2026-11-28 (i morgon)", content.Body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("https://socit.example/follow-ups", content.Body, StringComparison.Ordinal);
        Assert.Contains("Falkenbergs kommun, Soc-IT", content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OnlyEndingSoon_SaysSo()
    {
        var content = ReminderText.Compose("Erik Johansson",
            [new ReminderLine("Omar Ali", "Appva", "Standard", "Herting", Today)], Today, Link, "Soc-IT", 7);

        Assert.Equal("Snart slut: 1 tillfällig behörighet att följa upp", content.Subject);
        Assert.DoesNotContain("Har gått ut", content.Body, StringComparison.Ordinal);
        Assert.Contains("(i dag)", content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AFixedTermEmploymentOrPlacement_IsOneLineWithItsNumberOfGrants()
    {
        var content = ReminderText.Compose("Anna Lindqvist",
        [
            new ReminderLine("Moa Lindström", "", "", "Hemtjänst Centrum", new DateOnly(2026, 12, 31),
                FollowUpKind.FixedTermEmployment, "Undersköterska", 6),
            new ReminderLine("Peter Holmgren", "", "", "Tallgården", new DateOnly(2026, 11, 25), FollowUpKind.Placement, null, 1),
            new ReminderLine("Lisa Andersson", "Lifecare", "Utförare", "Hemtjänst Centrum", new DateOnly(2026, 11, 28)),
        ], Today, Link, "Soc-IT", 7);
        var body = content.Body.ReplaceLineEndings("\n");

        Assert.Equal("Påminnelse: 3 uppföljningar väntar på ditt beslut", content.Subject);
        Assert.Contains("- Moa Lindström: visstidsanställning som undersköterska i Hemtjänst Centrum slutar 2026-12-31 (om 34 dagar) — 6 behörigheter\n", body, StringComparison.Ordinal);
        Assert.Contains("- Peter Holmgren: tillfällig placering i Tallgården slutade 2026-11-25 (2 dagar sedan) — 1 behörighet\n", body, StringComparison.Ordinal);
        Assert.Contains("- Lisa Andersson: Lifecare (Utförare) i Hemtjänst Centrum, sista dag 2026-11-28 (i morgon)\n", body, StringComparison.Ordinal);
        Assert.Contains("En anställning eller placering avslutar eller förlänger du med alla dess behörigheter på en gång", body, StringComparison.Ordinal);
    }
}
