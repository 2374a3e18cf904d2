using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Shared.Orders;

public class SenderRulesTests
{
    private const string Operator = "sara.nilsson@kommun.example";

    [Theory]
    [InlineData(OrderChannel.SecureMessage, true)]
    [InlineData(OrderChannel.Phone, true)]
    [InlineData(OrderChannel.Console, false)]
    [InlineData(OrderChannel.EService, false)]
    public void OnlySecureMessageAndPhone_AreRegisteredForTheirSender(OrderChannel channel, bool forSender) =>
        Assert.Equal(forSender, SenderRules.IsRegisteredForSender(channel));

    [Theory]
    [InlineData(OrderChannel.SecureMessage, "säkert meddelande")]
    [InlineData(OrderChannel.Phone, "telefon")]
    public void TheOperatorsOwnAddress_AsOrderer_IsRefusedUnderTheOrderersEmail(OrderChannel channel, string how)
    {
        var request = OrderRequests.NewUndersköterska() with { OrdererName = "Sara Nilsson", OrdererEmail = " Sara.Nilsson@Kommun.example " };

        var errors = SenderRules.Check(request, channel, Operator);

        var message = Assert.Single(Assert.Single(errors, e => e.Key == OrderField.OrdererEmail).Value);
        Assert.Equal($"Ange avsändarens e-postadress, inte din egen: svaret ska gå till den som beställde via {how}.", message);
        Assert.False(errors.ContainsKey(OrderField.ManagerEmail));
    }

    [Fact]
    public void TheOperatorsOwnAddress_AsManager_IsRefusedUnderTheManagersEmail()
    {
        var request = OrderRequests.NewUndersköterska() with { ManagerEmail = Operator };

        var errors = SenderRules.Check(request, OrderChannel.Phone, Operator);

        Assert.Equal(
            ["Ange ansvarig chefs e-postadress, inte din egen: påminnelserna ska gå till chefen."],
            Assert.Single(errors).Value);
        Assert.Equal(OrderField.ManagerEmail, errors.Single().Key);
    }

    [Theory]
    [InlineData(OrderChannel.SecureMessage)]
    [InlineData(OrderChannel.Phone)]
    public void TheSendersOwnDetails_PassTheRule(OrderChannel channel) =>
        Assert.Empty(SenderRules.Check(OrderRequests.NewUndersköterska(), channel, Operator));

    [Theory]
    [InlineData(OrderChannel.Console)]
    [InlineData(OrderChannel.EService)]
    public void ThroughTheConsoleOrTheEService_TheRegisteringUserMayBeTheOrderer(OrderChannel channel)
    {
        var request = OrderRequests.NewUndersköterska() with { OrdererEmail = Operator, ManagerEmail = Operator };

        Assert.Empty(SenderRules.Check(request, channel, Operator));
    }

    [Fact]
    public void MissingOrInvalidAddresses_AreLeftToTheOrderRules()
    {
        var request = OrderRequests.NewUndersköterska() with { OrdererEmail = null, ManagerEmail = "inte en adress" };

        Assert.Empty(SenderRules.Check(request, OrderChannel.SecureMessage, Operator));
        Assert.Empty(SenderRules.Check(OrderRequests.NewUndersköterska(), OrderChannel.SecureMessage, null));
    }
}
