using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>The receiving unit's manager says yes, for tests whose subject is not the consent itself.</summary>
public static class TestConsents
{
    public static async Task ApproveAsync(IDbContextFactory<SocItDbContext> database, int orderId, DateTimeOffset at)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await database.CreateDbContextAsync(ct);
        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        order.Consent?.Approve(new Actor("chef2", "Erik Johansson"), at);
        await db.SaveChangesAsync(ct);
    }
}
