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

    [Fact]
    public async Task WithinOneRequest_TheRegisterIsReadOnce_ANewRequestOrACircuitReadsItAgain()
    {
        await using var app = AdminAppFactory.Development();
        var authorization = app.Services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
        var accessor = app.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        var frida = SocItConsole.Admin.Infrastructure.Authentication.DevUsers.Find("bestallare1")!.ToPrincipal();
        async Task<bool> MayOrderAsync() =>
            (await authorization.AuthorizeAsync(frida, null, SocItConsole.Admin.Infrastructure.Authentication.Policies.Orderer)).Succeeded;

        var circuit = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        circuit.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpWebSocketFeature>(new WebSocketRequest());
        accessor.HttpContext = circuit;
        Assert.True(await MayOrderAsync());
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        Assert.True(await MayOrderAsync());

        await EndAppointmentAsync(app.Services);

        // The same request keeps the answer it read (a static page asks once per menu item and view) ...
        Assert.True(await MayOrderAsync());
        // ... the next request reads the register again ...
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        Assert.False(await MayOrderAsync());
        // ... and so does every check of a circuit, under the WebSocket request that carries it for as long as the tab.
        accessor.HttpContext = circuit;
        Assert.False(await MayOrderAsync());
        accessor.HttpContext = null;
    }

    private sealed class WebSocketRequest : Microsoft.AspNetCore.Http.Features.IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => true;

        public Task<System.Net.WebSockets.WebSocket> AcceptAsync(Microsoft.AspNetCore.Http.WebSocketAcceptContext context) =>
            throw new NotSupportedException();
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
