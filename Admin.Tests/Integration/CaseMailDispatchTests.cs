using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Browser;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// In the running app the case's e-mail goes out by itself right after the event is saved: the receipt of an order,
/// and the question a case asks in its transaction, reach the pickup folder without any job being run.
/// </summary>
public class CaseMailDispatchTests
{
    [Fact]
    public async Task TheReceipt_AndTheQuestion_AreSentRightAfterTheirSave()
    {
        var ct = TestContext.Current.CancellationToken;
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.Development().WithSetting("Email:PickupDirectory", mail.Path);
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var placed = await scope.ServiceProvider.GetRequiredService<OrderIntake>().PlaceAsync(
                OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: ct);
            id = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        }

        var receipt = await CaseQuestionBrowserTests.WaitForMailAsync(mail.Path, $"<case-{id}-received-0-");
        Assert.EndsWith("beställningen är mottagen", receipt.Subject, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
                .SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find("operator")!.ToPrincipal())));
            var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
            var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(id, (await work.GetAsync(id, ct))!.Version, ct));
            Assert.IsType<CaseResult.Done>(await work.MoveAsync(id, taken.Version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", ct));
        }

        var question = await CaseQuestionBrowserTests.WaitForMailAsync(mail.Path, $"<case-{id}-question-1-");
        Assert.Contains("Vilken titel ska hon ha?", question.TextBody, StringComparison.Ordinal);
    }
}
