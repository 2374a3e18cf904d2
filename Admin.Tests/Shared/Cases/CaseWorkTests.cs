using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Cases;

public class CaseWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(OrderStatus.Received, OrderStatus.InProgress, true)]
    [InlineData(OrderStatus.Received, OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Received, OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Received, OrderStatus.WaitingForOrderer, false)]
    [InlineData(OrderStatus.InProgress, OrderStatus.WaitingForOrderer, true)]
    [InlineData(OrderStatus.InProgress, OrderStatus.Completed, true)]
    [InlineData(OrderStatus.InProgress, OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.InProgress, OrderStatus.Received, false)]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.InProgress, true)]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.Completed, false)]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Completed, OrderStatus.InProgress, false)]
    [InlineData(OrderStatus.Completed, OrderStatus.Rejected, false)]
    [InlineData(OrderStatus.Rejected, OrderStatus.InProgress, false)]
    [InlineData(OrderStatus.Rejected, OrderStatus.Completed, false)]
    public void StatusFlow_AllowsOnlyTheRoutinesMoves(OrderStatus from, OrderStatus to, bool allowed)
    {
        Assert.Equal(allowed, CaseStatusRules.CanMove(from, to));
        Assert.Equal(allowed, CaseStatusRules.Refusal(from, to) is null);
    }

    public static TheoryData<OrderStatus, OrderStatus[]> Buttons => new()
    {
        { OrderStatus.Received, [OrderStatus.Rejected] },
        { OrderStatus.InProgress, [OrderStatus.Completed, OrderStatus.WaitingForOrderer, OrderStatus.Rejected] },
        { OrderStatus.WaitingForOrderer, [OrderStatus.InProgress, OrderStatus.Rejected] },
        { OrderStatus.Completed, [] },
        { OrderStatus.Rejected, [] },
    };

    [Theory]
    [MemberData(nameof(Buttons))]
    public void AllowedMoves_AreTheStatusButtons_CompleteFirst_RejectLast_TakingStartsAReceivedCase(OrderStatus from, OrderStatus[] expected) =>
        Assert.Equal(expected, CaseStatusRules.AllowedMoves(from));

    [Fact]
    public void AllowedMoves_AreAllowedMoves_AndOnlyTakingIsLeftOut()
    {
        var statuses = Enum.GetValues<OrderStatus>();
        var allowed = statuses.SelectMany(from => statuses.Where(to => CaseStatusRules.CanMove(from, to)).Select(to => (from, to)));
        var buttons = statuses.SelectMany(from => CaseStatusRules.AllowedMoves(from).Select(to => (from, to)));

        Assert.Equal([(OrderStatus.Received, OrderStatus.InProgress)], allowed.Except(buttons));
        Assert.Empty(buttons.Except(allowed));
    }

    [Fact]
    public void Refusal_ExplainsInSwedish() =>
        Assert.Equal("Ärendet är redan klart och kan inte ändras.", CaseStatusRules.Refusal(OrderStatus.Completed, OrderStatus.InProgress));

    private static readonly Dictionary<OrderStatus, string> Sentences = new()
    {
        [OrderStatus.Received] = "SOC-2026-00042 är mottaget.",
        [OrderStatus.InProgress] = "SOC-2026-00042 är nu under arbete.",
        [OrderStatus.WaitingForOrderer] = "SOC-2026-00042 väntar nu på beställaren.",
        [OrderStatus.Completed] = "SOC-2026-00042 är nu klart.",
        [OrderStatus.Rejected] = "SOC-2026-00042 har avvisats.",
    };

    public static TheoryData<OrderStatus, string> StatusSentences()
    {
        var data = new TheoryData<OrderStatus, string>();
        foreach (var (status, sentence) in Sentences)
        {
            data.Add(status, sentence);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatusSentences))]
    public void MovedTo_SaysEachStatusAsAGrammaticalSentence(OrderStatus status, string expected) =>
        Assert.Equal(expected, OrderTexts.MovedTo("SOC-2026-00042", status));

    [Fact]
    public void EveryStatus_HasItsOwnSentence() =>
        Assert.Equal(Enum.GetValues<OrderStatus>().Order(), Sentences.Keys.Order());

    [Theory]
    [InlineData(OrderStatus.Received, OrderStatus.Received, "Ärendet är redan mottaget.")]
    [InlineData(OrderStatus.Received, OrderStatus.WaitingForOrderer, "Ett ärende som är mottaget kan inte vänta på beställaren.")]
    [InlineData(OrderStatus.Received, OrderStatus.Completed, "Ett ärende som är mottaget kan inte slutföras.")]
    [InlineData(OrderStatus.InProgress, OrderStatus.Received, "Ett ärende som är under arbete kan inte bli mottaget igen.")]
    [InlineData(OrderStatus.InProgress, OrderStatus.InProgress, "Ärendet är redan under arbete.")]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.Received, "Ett ärende som väntar på beställaren kan inte bli mottaget igen.")]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.WaitingForOrderer, "Ärendet väntar redan på beställaren.")]
    [InlineData(OrderStatus.WaitingForOrderer, OrderStatus.Completed, "Ett ärende som väntar på beställaren kan inte slutföras.")]
    [InlineData(OrderStatus.Completed, OrderStatus.Received, "Ärendet är redan klart och kan inte ändras.")]
    [InlineData(OrderStatus.Completed, OrderStatus.InProgress, "Ärendet är redan klart och kan inte ändras.")]
    [InlineData(OrderStatus.Completed, OrderStatus.WaitingForOrderer, "Ärendet är redan klart och kan inte ändras.")]
    [InlineData(OrderStatus.Completed, OrderStatus.Completed, "Ärendet är redan klart och kan inte ändras.")]
    [InlineData(OrderStatus.Completed, OrderStatus.Rejected, "Ärendet är redan klart och kan inte ändras.")]
    [InlineData(OrderStatus.Rejected, OrderStatus.Received, "Ärendet är redan avvisat och kan inte ändras.")]
    [InlineData(OrderStatus.Rejected, OrderStatus.InProgress, "Ärendet är redan avvisat och kan inte ändras.")]
    [InlineData(OrderStatus.Rejected, OrderStatus.WaitingForOrderer, "Ärendet är redan avvisat och kan inte ändras.")]
    [InlineData(OrderStatus.Rejected, OrderStatus.Completed, "Ärendet är redan avvisat och kan inte ändras.")]
    [InlineData(OrderStatus.Rejected, OrderStatus.Rejected, "Ärendet är redan avvisat och kan inte ändras.")]
    public void EveryRefusedMove_IsAGrammaticalSentence(OrderStatus from, OrderStatus to, string expected) =>
        Assert.Equal(expected, CaseStatusRules.Refusal(from, to));

    [Fact]
    public void EveryRefusedMove_IsCoveredAbove()
    {
        var refused = Enum.GetValues<OrderStatus>()
            .SelectMany(from => Enum.GetValues<OrderStatus>().Select(to => (from, to)))
            .Count(move => !CaseStatusRules.CanMove(move.from, move.to));

        Assert.Equal(18, refused);
    }

    [Fact]
    public void Take_AssignsTheCase_StartsIt_AndMakesTheChecklistOnce()
    {
        var order = NewCase();

        order.Take(PlacedOrders.Operator, Now, [new ChecklistItem(ChecklistItemKind.System, "Lifecare: Utförare", 6)]);
        order.Take(new("op-2", "Olle"), Now, [new ChecklistItem(ChecklistItemKind.System, "Annat", 1)]);

        Assert.Equal(OrderStatus.InProgress, order.Status);
        Assert.Equal("Olle", order.AssignedToName);
        Assert.Equal("Lifecare: Utförare", Assert.Single(order.Checklist).Label);
        Assert.Equal(2, order.Version);
    }

    [Fact]
    public void Complete_IsRefused_WhileItemsAreOpen_NamingThem()
    {
        var order = TakenCase();
        order.MarkItem(1, ChecklistState.Done, PlacedOrders.Operator, Now, null);

        var error = Assert.Throws<DomainException>(() => order.MoveTo(OrderStatus.Completed, PlacedOrders.Operator, Now));

        Assert.Equal("Ärendet kan inte slutföras: 1 punkt är inte klar (Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod).", error.Message);
        Assert.Equal(OrderStatus.InProgress, order.Status);
    }

    [Fact]
    public void Complete_Succeeds_WhenEveryItemIsDoneOrExplained()
    {
        var order = TakenCase();
        order.MarkItem(1, ChecklistState.Done, PlacedOrders.Operator, Now, null);
        order.MarkItem(2, ChecklistState.NotApplicable, PlacedOrders.Operator, Now, "Har redan nyckel i poolen");

        order.MoveTo(OrderStatus.Completed, PlacedOrders.Operator, Now);

        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal(Now, order.CompletedAt);
        Assert.Equal("Sara Nilsson", order.Checklist[0].MarkedByName);
    }

    [Fact]
    public void NotApplicable_NeedsAReason()
    {
        var order = TakenCase();

        var error = Assert.Throws<DomainException>(() =>
            order.MarkItem(2, ChecklistState.NotApplicable, PlacedOrders.Operator, Now, "  "));

        Assert.Equal("Skriv varför \"Swedlock: lägg till i verksamhetens nyckelpool och ge personlig kod\" inte är aktuell.", error.Message);
    }

    [Fact]
    public void Reject_NeedsAReason_AndIsFinal()
    {
        var order = TakenCase();

        Assert.Throws<DomainException>(() => order.MoveTo(OrderStatus.Rejected, PlacedOrders.Operator, Now, null));
        order.MoveTo(OrderStatus.Rejected, PlacedOrders.Operator, Now, "Dubblett av SOC-2026-00003");

        Assert.Equal("Dubblett av SOC-2026-00003", order.RejectionReason);
        Assert.Throws<DomainException>(() => order.MarkItem(1, ChecklistState.Done, PlacedOrders.Operator, Now, null));
        Assert.Throws<DomainException>(() => order.Take(PlacedOrders.Operator, Now, []));
    }

    [Fact]
    public void EveryChange_AdvancesTheVersion()
    {
        var order = TakenCase();
        var before = order.Version;

        order.AddComment(PlacedOrders.Operator, Now, "Ringde chefen");
        order.MarkItem(1, ChecklistState.Done, PlacedOrders.Operator, Now, null);
        order.MoveTo(OrderStatus.WaitingForOrderer, PlacedOrders.Operator, Now, "Vilken titel?");

        Assert.Equal(before + 3, order.Version);
        Assert.Equal("Ringde chefen", Assert.Single(order.Comments).Text);
    }

    private static Order NewCase() =>
        PlacedOrders.Place(PlacedOrders.Request(OrderType.New), 1, new OrderSystem(6, "Lifecare", 60, "Utförare"));

    private static Order TakenCase()
    {
        var order = NewCase();
        order.Take(PlacedOrders.Operator, Now, CaseChecklist.For(order, [], null, hasPersonalCode: false, keysToReturn: []));
        PlacedOrders.NumberChecklist(order);
        return order;
    }
}
