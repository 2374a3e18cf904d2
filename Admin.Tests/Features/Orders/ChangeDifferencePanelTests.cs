using Bunit;
using SocItConsole.Admin.Features.Orders.Components;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Features.Orders;

/// <summary>The difference of a change of title or unit, as the order form shows it before sending and the case page after.</summary>
public sealed class ChangeDifferencePanelTests : ComponentTestBase
{
    private static readonly ChangeLine[] Lines =
    [
        new(ChangeKind.Ended, 1, "Appva", 1, "Standard", null, null, 11),
        new(ChangeKind.Kept, 2, "Citrix", 2, "Standard", 2, "Standard", 12),
        new(ChangeKind.LevelChanged, 3, "Lifecare", 3, "Utförare", 4, "Handläggare", 13),
        new(ChangeKind.Added, 5, "Qlikview", null, null, 6, "Standard", null),
    ];

    [Fact]
    public void ShowsEachLineWithWhatHappens_TheCounts_AndTheKeyToReturn()
    {
        var cut = Render<ChangeDifferencePanel>(p => p
            .Add(c => c.Difference, new ChangeDifference(Lines, LeavesKeyUnit: true, EntersKeyUnit: false))
            .Add(c => c.OldUnitName, "Hemtjänst Centrum")
            .Add(c => c.NewUnitName, "Biståndsenheten äldreomsorg")
            .Add(c => c.EffectiveDate, new DateOnly(2027, 2, 1)));

        var rows = cut.FindAll("[data-testid=change-line]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            ["Appva | Standard | Avslutas", "Citrix | Standard | Behålls", "Lifecare | Utförare → Handläggare | Ny nivå", "Qlikview | Standard | Läggs till"],
            rows);
        Assert.Equal("1 behålls, 1 läggs till, 1 avslutas, 1 får ny nivå.", cut.Find("[data-testid=change-counts]").TextContent);
        Assert.Contains("den 2027-02-01", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Den digitala nyckeln för Hemtjänst Centrum ska återlämnas", cut.Find("[data-testid=change-key-return]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=change-key-choice]"));
    }

    [Fact]
    public void BeforeEverythingIsChosen_SaysWhatToChoose_AndAfterwards_FollowsTheNewDifference()
    {
        var cut = Render<ChangeDifferencePanel>(p => p.Add(c => c.Difference, null));

        Assert.Equal(
            "Välj anställning, ny titel eller verksamhet och datum så visas skillnaden här.",
            cut.Find("[data-testid=change-difference-waiting]").TextContent.Trim());

        cut.Render(p => p
            .Add(c => c.Difference, new ChangeDifference([Lines[3]], LeavesKeyUnit: false, EntersKeyUnit: true))
            .Add(c => c.NewUnitName, "Hemtjänst Skrea"));

        Assert.Single(cut.FindAll("[data-testid=change-line]"));
        Assert.Equal("0 behålls, 1 läggs till, 0 avslutas, 0 får ny nivå.", cut.Find("[data-testid=change-counts]").TextContent);
        Assert.StartsWith("Hemtjänst Skrea använder digitala nycklar", cut.Find("[data-testid=change-key-choice]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
