using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The static case queue through the real app (decision 0049): "Ta ärendet" is a POST form with the antiforgery
/// token, answered with the queue again and the outcome in the page; the view is the address.
/// </summary>
public sealed class CaseQueuePageTests
{
    private static readonly Actor Chef = new("chef1-oid", "Anna Lindqvist");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TakingACase_AssignsItToTheOperator_AndSaysSoInThePage()
    {
        await using var app = AdminAppFactory.EntraId();
        var id = await PlaceAsync(app, OrderRequests.NewUndersköterska());
        using var client = app.CreateTestClient("operator");

        using var response = await TakeAsync(client, "/cases", id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct)));
        var row = page.QuerySelector($"a[href='/cases/{id}']")!.Closest("tr")!;
        Assert.Equal("Sara Nilsson", row.QuerySelector("[data-testid=row-assignee]")!.TextContent.Trim());
        Assert.Equal("Under arbete", row.QuerySelector("[data-testid=row-status]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("[data-testid=take]"));
        Assert.Equal("1", page.QuerySelector("[data-testid=stat-in-progress] .stat-value")!.TextContent.Trim());
        var notice = page.QuerySelector("#mud-snackbar-container .mud-snackbar")!;
        Assert.Contains("Sara Nilsson tog ärendet SOC-", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-alert-filled-success", notice.ClassList);
    }

    [Fact]
    public async Task TakingACaseRejectedMeanwhile_IsRefusedWithAWarning_WhileTheViewStays()
    {
        await using var app = AdminAppFactory.EntraId();
        var id = await PlaceAsync(app, OrderRequests.NewUndersköterska());
        using var client = app.CreateTestClient("operator");
        var form = await TakeFormAsync(client, "/cases?status=all&sort=case");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct))
        {
            var order = await db.Orders.SingleAsync(o => o.Id == id, Ct);
            order.MoveTo(OrderStatus.Rejected, new Actor("other-operator-oid", "Per Persson"), DateTimeOffset.UtcNow, "Dubblett");
            await db.SaveChangesAsync(Ct);
        }

        using var response = await client.PostAsync("/cases?status=all&sort=case", Content(form, id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct)));
        var notice = page.QuerySelector("#mud-snackbar-container .mud-snackbar")!;
        Assert.Contains("mud-alert-filled-warning", notice.ClassList);
        Assert.DoesNotContain("tog ärendet", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("button[data-notice-close]"));
        // The answer is the same view: every status, sorted by case number.
        Assert.Equal("all", page.QuerySelector("[data-testid=filter-status] option[selected]")!.GetAttribute("value"));
        Assert.Equal(OrderTexts.StatusName(OrderStatus.Rejected), page.QuerySelector($"a[href='/cases/{id}']")!.Closest("tr")!
            .QuerySelector("[data-testid=row-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task TakingACase_WithoutTheAntiforgeryToken_IsRejected_AndTakesNothing()
    {
        await using var app = AdminAppFactory.EntraId();
        var id = await PlaceAsync(app, OrderRequests.NewUndersköterska());
        using var client = app.CreateTestClient("operator");

        using var response = await client.PostAsync("/cases", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "take-case",
            ["take"] = id.ToString(CultureInfo.InvariantCulture),
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var queue = await client.GetStringAsync("/cases", Ct);
        Assert.Contains("data-testid=\"take\"", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_CannotPostToTheQueue_EvenWithAToken()
    {
        await using var app = AdminAppFactory.EntraId();
        var id = await PlaceAsync(app, OrderRequests.NewUndersköterska());
        using var operatorClient = app.CreateTestClient("operator");
        var form = await TakeFormAsync(operatorClient, "/cases");
        using var chef = app.CreateTestClient("chef1");
        // The page's policy is checked on the post as on the get, before the form is read.

        using var response = await chef.PostAsync("/cases", Content(form, id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var queue = await operatorClient.GetStringAsync("/cases", Ct);
        Assert.Contains("data-testid=\"take\"", queue, StringComparison.Ordinal);
    }

    private static async Task<int> PlaceAsync(AdminAppFactory app, OrderRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var result = await scope.ServiceProvider.GetRequiredService<OrderIntake>().PlaceAsync(request, OrderChannel.Console, Chef);
        return Assert.IsType<PlaceOrderResult.Created>(result).Receipt.Id;
    }

    private static async Task<HttpResponseMessage> TakeAsync(HttpClient client, string url, int id) =>
        await client.PostAsync(url, Content(await TakeFormAsync(client, url), id), Ct);

    /// <summary>The hidden fields of the page's take form (the form name and the antiforgery token).</summary>
    private static async Task<Dictionary<string, string>> TakeFormAsync(HttpClient client, string url)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url, Ct));
        var form = page.QuerySelector("form#take-case")!;
        return form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
    }

    /// <summary>The form as the browser sends it when a row's button (name "take", the case id as value) is pressed.</summary>
    private static FormUrlEncodedContent Content(Dictionary<string, string> form, int id) =>
        new(new Dictionary<string, string>(form) { ["take"] = id.ToString(CultureInfo.InvariantCulture) });
}
