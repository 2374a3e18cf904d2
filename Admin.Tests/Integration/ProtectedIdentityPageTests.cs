using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Skyddad identitet end to end in the real app: Lisa Andersson has a follow-up with chef1 (and the reminder sent
/// before she was marked). Once an operator has marked her, chef1's follow-up page and the operator's employee page and
/// case say "Skyddad person" and nowhere her name; only the employee page offers "Visa namn".
/// </summary>
public sealed class ProtectedIdentityPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterTheMark_TheManagersFollowUp_AndTheOperatorsEmployeePageAndCase_ShowSkyddadPerson()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var followUpId = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        int employeeId;
        int orderId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct))
        {
            var followUp = await db.FollowUps.SingleAsync(f => f.Id == followUpId, Ct);
            employeeId = followUp.EmployeeId;
            orderId = await db.Grants.Where(g => g.Id == followUp.GrantId).Select(g => g.SourceOrderId).SingleAsync(Ct);
            var lisa = await db.Employees.SingleAsync(e => e.Id == employeeId, Ct);
            lisa.Protect("Sekretessmarkering");
            await db.SaveChangesAsync(Ct);
        }

        using var chef1 = app.CreateTestClient("chef1");
        using var operatorClient = app.CreateTestClient("operator");
        var followUpPage = await chef1.GetStringAsync($"/follow-ups/{followUpId}", Ct);
        var employeePage = await operatorClient.GetStringAsync($"/employees/{employeeId}", Ct);
        var casePage = await operatorClient.GetStringAsync($"/cases/{orderId}", Ct);

        Assert.All([followUpPage, employeePage, casePage], html =>
        {
            Assert.Contains(PersonName.Protected, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Lisa Andersson", html, StringComparison.Ordinal);
        });
        Assert.Contains("Visa namn", employeePage, StringComparison.Ordinal);
        Assert.Contains("Utgången sedan 5 dagar", followUpPage, StringComparison.Ordinal);
    }
}
