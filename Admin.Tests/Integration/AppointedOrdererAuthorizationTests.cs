using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Common;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// bestallare1 (Frida Nyman) holds no app role; the demo data appoints her for Hemtjänst Centrum. She reaches the
/// order form and Mina ärenden, nothing else a role would give, and loses both as soon as the appointment ends.
/// </summary>
public class AppointedOrdererAuthorizationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAppointedOrderer_ReachesTheOrderFormAndHerOrders_AndNothingElse_UntilTheAppointmentEnds()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        using (var signIn = await client.GetAsync("/account/dev-sign-in?userName=bestallare1", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var expected = new (string Path, HttpStatusCode Status)[]
        {
            ("/", HttpStatusCode.OK),
            ("/orders/new", HttpStatusCode.OK),
            ("/orders/batch", HttpStatusCode.OK),
            ("/my-orders", HttpStatusCode.OK),
            ("/follow-ups", HttpStatusCode.Forbidden),
            ("/access", HttpStatusCode.Forbidden),
            ("/access/export.csv", HttpStatusCode.Forbidden),
            ("/cases", HttpStatusCode.Forbidden),
            ("/hr", HttpStatusCode.Forbidden),
            ("/orderers", HttpStatusCode.Forbidden),
            ("/my-reviews", HttpStatusCode.Forbidden),
            ("/units", HttpStatusCode.Forbidden),
            ("/keys", HttpStatusCode.Forbidden),
        };
        Assert.Equal(expected, await OutcomesAsync(client, expected.Select(e => e.Path)));

        await EndAppointmentAsync(app.Services);

        var afterEnd = await OutcomesAsync(client, ["/", "/orders/new", "/my-orders"]);
        Assert.Equal([("/", HttpStatusCode.OK), ("/orders/new", HttpStatusCode.Forbidden), ("/my-orders", HttpStatusCode.Forbidden)], afterEnd);
    }

    private static async Task<(string, HttpStatusCode)[]> OutcomesAsync(HttpClient client, IEnumerable<string> paths)
    {
        var outcomes = new List<(string, HttpStatusCode)>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path, Ct);
            outcomes.Add((path, response.StatusCode));
        }

        return [.. outcomes];
    }

    /// <summary>Ends the demo appointment at once, as chef1 would: yesterday becomes its last day.</summary>
    private static async Task EndAppointmentAsync(IServiceProvider services)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var today = SocItConsole.Admin.Infrastructure.Localization.AdminTimeZone.Today(clock);
        await using var db = await services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        var email = EmailAddress.Parse(DemoOrganisation.FridaNyman.Email);
        var appointment = await db.AppointedOrderers.SingleAsync(a => a.Email == email, Ct);
        appointment.End(today.AddDays(-1), today, new Actor("test", "Anna Lindqvist"), clock.GetUtcNow());
        await db.SaveChangesAsync(Ct);
    }
}
