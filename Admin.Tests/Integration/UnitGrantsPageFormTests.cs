using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

using static SocItConsole.Admin.Tests.Integration.StaticForms;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The access view is a static page (decision 0049): "Begär avslut" and "Begär förlängning" ask in the page (?end=,
/// ?extend=) and order by POST forms with the antiforgery token, answered by the page again with the outcome. chef1
/// asks about Omar Ali from Tallgården, who has temporary access to her Hemtjänst Centrum.
/// </summary>
public partial class UnitGrantsPageFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestEnd_AsksFirst_ThenThePostFormOrdersIt_AndTheRowShowsTheCase()
    {
        await using var app = AdminAppFactory.EntraId();
        await GrantsAuthorizationTests.Chef1StaffAsync(app.Services);
        using var client = app.CreateTestClient("chef1");
        var list = await client.GetStringAsync("/access?kind=FromOtherUnits", Ct);
        Assert.DoesNotContain("data-testid=\"end-dialog\"", list, StringComparison.Ordinal);
        var id = EndLink().Match(list).Groups[1].Value;

        var asking = await client.GetStringAsync($"/access?kind=FromOtherUnits&end={id}", Ct);
        Assert.Contains("data-testid=\"end-dialog\"", asking, StringComparison.Ordinal);
        Assert.Contains("Avsluta enskild behörighet", asking, StringComparison.Ordinal);
        Assert.Equal(0, await OrdersAsync(app, OrderType.EndTemporary));

        using var ordered = await client.PostAsync("/access?kind=FromOtherUnits", Form(
            ("_handler", "request-end"), ("__RequestVerificationToken", Token(asking)), ("end-grant", id)), Ct);
        var answer = WebUtility.HtmlDecode(await ordered.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, ordered.StatusCode);
        var done = EndDone().Match(answer);
        Assert.True(done.Success, "the answer tells the order placed");
        Assert.Contains($"Avslut beställt: ärende {done.Groups[1].Value}", Tag().Replace(answer, string.Empty), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"end-dialog\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"row-actions\"", answer, StringComparison.Ordinal);
        Assert.Equal(1, await OrdersAsync(app, OrderType.EndTemporary));
    }

    [Fact]
    public async Task RequestExtension_ADayTooEarly_IsShownInTheDialog_ThenAGoodDayOrdersIt()
    {
        await using var app = AdminAppFactory.EntraId();
        await GrantsAuthorizationTests.Chef1StaffAsync(app.Services);
        using var client = app.CreateTestClient("chef1");
        var today = AdminTimeZone.Today(TimeProvider.System);
        var lastDay = today.AddDays(20);
        var id = ExtendLink().Match(await client.GetStringAsync("/access?kind=FromOtherUnits", Ct)).Groups[1].Value;
        var asking = await client.GetStringAsync($"/access?kind=FromOtherUnits&extend={id}", Ct);
        Assert.Contains("data-testid=\"extend-dialog\"", asking, StringComparison.Ordinal);
        Assert.Contains($"Tidigast {Dates.Iso(lastDay.AddDays(1))}", asking, StringComparison.Ordinal);
        var token = Token(asking);
        var extensions = await OrdersAsync(app, OrderType.Extend);

        using var early = await client.PostAsync("/access?kind=FromOtherUnits", Form(
            ("_handler", "request-extension"), ("__RequestVerificationToken", token), ("extend-grant", id), ("last-day", Dates.Iso(lastDay))), Ct);
        var refused = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("data-testid=\"extend-dialog\"", refused, StringComparison.Ordinal);
        Assert.Contains($"Det nya slutdatumet måste vara efter nuvarande sista dag ({Dates.Iso(lastDay)}).", refused, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Dates.Iso(lastDay)}\"", refused, StringComparison.Ordinal);
        Assert.Equal(extensions, await OrdersAsync(app, OrderType.Extend));

        var until = lastDay.AddDays(30);
        using var good = await client.PostAsync("/access?kind=FromOtherUnits", Form(
            ("_handler", "request-extension"), ("__RequestVerificationToken", token), ("extend-grant", id), ("last-day", Dates.Iso(until))), Ct);
        var answer = WebUtility.HtmlDecode(await good.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Matches($@"Förlängning av Omar Alis Lifecare \(Utförare\) i Hemtjänst Centrum till {Dates.Iso(until)} är beställd: ärende SOC-\d{{4}}-\d{{5}}\.", answer);
        Assert.DoesNotContain("data-testid=\"extend-dialog\"", answer, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-extension\"", answer, StringComparison.Ordinal);
        Assert.Equal(extensions + 1, await OrdersAsync(app, OrderType.Extend));
    }

    [Fact]
    public async Task RequestEnd_WithoutTheAntiforgeryToken_IsRefused_AndNothingIsOrdered()
    {
        await using var app = AdminAppFactory.EntraId();
        await GrantsAuthorizationTests.Chef1StaffAsync(app.Services);
        using var client = app.CreateTestClient("chef1");
        var id = EndLink().Match(await client.GetStringAsync("/access?kind=FromOtherUnits", Ct)).Groups[1].Value;

        using var forged = await client.PostAsync("/access", Form(("_handler", "request-end"), ("end-grant", id)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await OrdersAsync(app, OrderType.EndTemporary));
    }

    [Fact]
    public async Task RequestEnd_OfAnotherManagersGrant_IsRefused_ByTheService()
    {
        await using var app = AdminAppFactory.EntraId();
        await GrantsAuthorizationTests.Chef1StaffAsync(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        var id = EndLink().Match(await chef1.GetStringAsync("/access?kind=FromOtherUnits", Ct)).Groups[1].Value;
        using var chef2 = app.CreateTestClient("chef2");
        var asking = await chef2.GetStringAsync($"/access?end={id}", Ct);

        // chef2's list has no such grant, so the page asks nothing; a forged answer reaches the service, which refuses.
        Assert.DoesNotContain("data-testid=\"end-dialog\"", asking, StringComparison.Ordinal);
        using var refused = await chef2.PostAsync("/access", Form(
            ("_handler", "request-end"), ("__RequestVerificationToken", Token(asking)), ("end-grant", id)), Ct);
        var answer = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"feedback\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("är beställt", answer, StringComparison.Ordinal);
        Assert.Equal(0, await OrdersAsync(app, OrderType.EndTemporary));
    }

    [Fact]
    public async Task RequestEnd_PostedByAnOperator_IsRefusedInThePage_NotWithTheErrorPage_AndNothingIsOrdered()
    {
        await using var app = AdminAppFactory.EntraId();
        await GrantsAuthorizationTests.Chef1StaffAsync(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        var id = EndLink().Match(await chef1.GetStringAsync("/access?kind=FromOtherUnits", Ct)).Groups[1].Value;
        using var operatorClient = app.CreateTestClient("operator");
        var page = await operatorClient.GetStringAsync("/access", Ct);

        var (ends, extensions) = (await OrdersAsync(app, OrderType.EndTemporary), await OrdersAsync(app, OrderType.Extend));

        // The operator sees every unit but has no request menu; a forged answer is refused with the page's message.
        Assert.DoesNotContain("data-testid=\"row-actions\"", page, StringComparison.Ordinal);
        using var end = await operatorClient.PostAsync("/access", Form(
            ("_handler", "request-end"), ("__RequestVerificationToken", Token(page)), ("end-grant", id)), Ct);
        var endAnswer = WebUtility.HtmlDecode(await end.Content.ReadAsStringAsync(Ct));
        using var extend = await operatorClient.PostAsync("/access", Form(
            ("_handler", "request-extension"), ("__RequestVerificationToken", Token(page)), ("extend-grant", id),
            ("last-day", Dates.Iso(AdminTimeZone.Today(TimeProvider.System).AddDays(90)))), Ct);
        var extendAnswer = WebUtility.HtmlDecode(await extend.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Contains(SocItConsole.Admin.Features.Grants.UnitGrants.OnlyManagersMayRequestMessage, endAnswer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        Assert.Contains(SocItConsole.Admin.Features.Grants.UnitGrants.OnlyManagersMayRequestMessage, extendAnswer, StringComparison.Ordinal);
        Assert.Equal(ends, await OrdersAsync(app, OrderType.EndTemporary));
        Assert.Equal(extensions, await OrdersAsync(app, OrderType.Extend));
    }

    private static async Task<int> OrdersAsync(AdminAppFactory app, OrderType type)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        return await db.Orders.CountAsync(o => o.Type == type, Ct);
    }

    /// <summary>The grant id in a row's "Begär avslut" item: only those links carry <c>end=</c> on the list.</summary>
    [GeneratedRegex("[?;]end=(\\d+)\"")]
    private static partial Regex EndLink();

    /// <summary>The grant id in a row's "Begär förlängning" item.</summary>
    [GeneratedRegex("[?;]extend=(\\d+)\"")]
    private static partial Regex ExtendLink();

    [GeneratedRegex(@"Avslut av Omar Alis Lifecare \(Utförare\) i Hemtjänst Centrum är beställt: ärende (SOC-\d{4}-\d{5})\.")]
    private static partial Regex EndDone();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

}
