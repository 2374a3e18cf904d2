using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The demo's protected person (Linnea Dahl, Tallgården) in the real app as `dotnet run` seeds it: her employee page and
/// her case, as an operator opens them, say "Skyddad person" and nowhere her name.
/// </summary>
public sealed class ProtectedIdentityPageTests
{
    [Fact]
    public async Task DemoProtectedPerson_EmployeePageAndCase_ShowSkyddadPerson_AndNotTheName()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = AdminAppFactory.Development().WithSetting("Reviews:SeedDemoAccess", "true");
        using var client = app.CreateTestClient("operator");
        int employeeId;
        int orderId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct))
        {
            var linnea = await db.Employees.SingleAsync(e => e.FullName == "Linnea Dahl", ct);
            Assert.True(linnea.IsProtected);
            employeeId = linnea.Id;
            orderId = await db.Orders.Where(o => o.EmployeeId == employeeId).Select(o => o.Id).SingleAsync(ct);
            Assert.True(await db.Grants.AnyAsync(g => g.EmployeeId == employeeId, ct));
        }

        var employeePage = await client.GetStringAsync($"/employees/{employeeId}", ct);
        var casePage = await client.GetStringAsync($"/cases/{orderId}", ct);

        Assert.Contains(PersonName.Protected, employeePage, StringComparison.Ordinal);
        Assert.Contains("Visa namn", employeePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Linnea", employeePage, StringComparison.Ordinal);
        Assert.Contains(PersonName.Protected, casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Linnea", casePage, StringComparison.Ordinal);
    }
}
