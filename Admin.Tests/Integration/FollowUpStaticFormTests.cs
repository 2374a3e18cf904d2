using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;
using static SocItConsole.Admin.Tests.Integration.StaticForms;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Avsluta and Förläng on the static follow-up pages (decision 0049) as the browser sends them: the button is a link
/// that opens the question in the address, and its POST form answers with the page and the outcome.
/// </summary>
public class FollowUpStaticFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheFollowUpPages_OpenNoCircuit_ButTheOperatorsJobPanel()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        using var operatorClient = app.CreateTestClient("operator");

        foreach (var (client, path, islands) in new (HttpClient, string, int)[]
        {
            (chef1, "/follow-ups", 0),
            (chef1, $"/follow-ups?extend={id}", 0),
            (chef1, $"/follow-ups/{id}?end={id}", 0),
            (operatorClient, "/follow-ups?filter=All", 1),
        })
        {
            var html = await GetAsync(client, path);
            Assert.True(islands == Islands(html), $"{path}: expected {islands} interactive root(s), got {Islands(html)}");
        }
    }

    [Fact]
    public async Task Extend_WithoutADate_AsksForOne_ThenPlacesTheOrder()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");

        var path = Link(await GetAsync(chef1, "/follow-ups"), "extend");
        Assert.Equal($"/follow-ups?extend={id}", path);
        var dialog = await GetAsync(chef1, path);
        Assert.Contains("data-testid=\"extend-dialog\"", dialog, StringComparison.Ordinal);
        var before = await ExtendOrdersAsync(app.Services);
        var withoutDate = await PostAsync(chef1, path, dialog, "follow-up-extend", KeyValuePair.Create("Decision.NewLastDay", ""));
        Assert.Contains("Välj till vilket datum behörigheten ska förlängas.", withoutDate, StringComparison.Ordinal);
        Assert.Equal(before, await ExtendOrdersAsync(app.Services));

        var newLastDay = AdminTimeZone.Today(TimeProvider.System).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var answer = WebUtility.HtmlDecode(await PostAsync(chef1, path, withoutDate, "follow-up-extend", KeyValuePair.Create("Decision.NewLastDay", newLastDay)));

        Assert.Contains($"Förlängning av Lisa Anderssons Lifecare till {newLastDay} är beställd", answer, StringComparison.Ordinal);
        Assert.Contains("Inget att följa upp just nu.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"extend-dialog\"", answer, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ExtendOrdersAsync(app.Services));
    }

    [Fact]
    public async Task Extend_ToADayBeforeToday_IsAnsweredAtTheField_AndPlacesNothing()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        var path = $"/follow-ups/{id}?extend={id}";
        var yesterday = AdminTimeZone.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var before = await ExtendOrdersAsync(app.Services);

        var answer = await PostAsync(chef1, path, await GetAsync(chef1, path), "follow-up-extend", KeyValuePair.Create("Decision.NewLastDay", yesterday));

        Assert.Contains("Det nya slutdatumet måste vara efter i dag.", answer, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", answer, StringComparison.Ordinal);
        Assert.Contains($"value=\"{yesterday}\"", answer, StringComparison.Ordinal);
        Assert.Equal(before, await ExtendOrdersAsync(app.Services));
    }

    [Fact]
    public async Task End_AfterTheQuestion_OrdersTheEnd_AndTheListIsEmpty()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");

        var path = Link(await GetAsync(chef1, "/follow-ups"), "end");
        var question = await GetAsync(chef1, path);
        Assert.Contains("Soc-IT får ett ärende om att ta bort behörigheten", question, StringComparison.Ordinal);
        Assert.Equal("/follow-ups", Link(question, "end-cancel"));
        var answer = WebUtility.HtmlDecode(await PostAsync(chef1, path, question, "follow-up-end"));

        Assert.Contains("Avslut av Lisa Anderssons Lifecare är beställt", answer, StringComparison.Ordinal);
        Assert.Contains("Inget att följa upp just nu.", answer, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Ended, await StatusAsync(app.Services, id));
    }

    [Fact]
    public async Task End_OnTheFollowUpsOwnPage_OrdersTheEnd_AndShowsTheDecision()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");

        var path = Link(await GetAsync(chef1, $"/follow-ups/{id}"), "end");
        Assert.Equal($"/follow-ups/{id}?end={id}", path);
        var question = await GetAsync(chef1, path);
        Assert.Equal($"/follow-ups/{id}", Link(question, "end-cancel"));
        var answer = WebUtility.HtmlDecode(await PostAsync(chef1, path, question, "follow-up-end"));

        Assert.Contains("Avslut av Lisa Anderssons Lifecare är beställt", answer, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decision\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"end-dialog\"", answer, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Ended, await StatusAsync(app.Services, id));
    }

    [Fact]
    public async Task End_PostedByAnotherManager_ChangesNothing()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FollowUpAuthorizationTests.FollowUpForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        var question = await GetAsync(chef1, $"/follow-ups?end={id}");
        using var chef2 = app.CreateTestClient("chef2");
        var chef2Page = await GetAsync(chef2, $"/follow-ups?end={id}");
        Assert.DoesNotContain("data-testid=\"end-dialog\"", chef2Page, StringComparison.Ordinal);

        // chef2 sends chef1's form with a token of her own: the page renders no such form for her, so nothing runs.
        var token = System.Text.RegularExpressions.Regex.Match(chef2Page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await SendAsync(chef2, $"/follow-ups?end={id}", question, "follow-up-end",
            [new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FollowUpStatus.Open, await StatusAsync(app.Services, id));
    }

    [Fact]
    public async Task ExtendingAFixedTermEmployment_OrdersTheExtensionOfAllItsGrants()
    {
        using var mail = new TempFolder();
        await using var app = AdminAppFactory.EntraId().WithSetting("Email:PickupDirectory", mail.Path);
        var id = await FixedTermForChef1Async(app.Services);
        using var chef1 = app.CreateTestClient("chef1");
        var path = $"/follow-ups?open={id}&extend={id}";
        var question = await GetAsync(chef1, path);
        Assert.Contains("Förläng Moa Lindströms visstidsanställning som undersköterska i Hemtjänst Centrum med alla", Visible(question), StringComparison.Ordinal);
        var newLastDay = AdminTimeZone.Today(TimeProvider.System).AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var answer = WebUtility.HtmlDecode(await PostAsync(chef1, path, question, "follow-up-extend", KeyValuePair.Create("Decision.NewLastDay", newLastDay)));

        Assert.Contains("Förlängning av Moa Lindströms visstidsanställning som undersköterska i Hemtjänst Centrum", answer, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Extended, await StatusAsync(app.Services, id));
    }

    /// <summary>The demo organisation, Moa's fixed-term employment in chef1's unit ending in four days, and the expiry check run.</summary>
    private static async Task<int> FixedTermForChef1Async(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var today = AdminTimeZone.Today(TimeProvider.System);
        var factory = services.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        var staff = EmploymentEnds.FixedTerm(endsIn: 4);
        var placed = await services.GetRequiredService<OrderIntake>().PlaceAsync(
            DemoGrantsSeeder.Request(staff, today), OrderChannel.Console, new Actor("test", "Anna Lindqvist"), staff.Key, staff.Key, Ct);
        var orderId = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        Assert.True(await DemoGrantsSeeder.CompleteAsync(factory, new AuditTrail(TimeProvider.System), TimeProvider.System, orderId, today, Ct));
        var run = services.GetRequiredService<FollowUpRun>();
        await services.GetRequiredService<JobRunner>().RunAsync(
            FollowUpRun.JobId, JobRunner.ScheduledWait, leased => run.RunAsync(today, dryRun: false, leased), Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.FollowUps.SingleAsync(f => f.EmploymentId != null, Ct)).Id;
    }

    private static async Task<int> ExtendOrdersAsync(IServiceProvider app)
    {
        var factory = app.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Orders.CountAsync(o => o.Type == OrderType.Extend, Ct);
    }

    private static async Task<FollowUpStatus> StatusAsync(IServiceProvider app, int id)
    {
        var factory = app.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == id, Ct)).Status;
    }
}
