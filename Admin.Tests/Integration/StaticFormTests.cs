using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The actions of the static pages of part C (decision 0049) as the browser sends them: a GET that opens the second
/// step (what a dialog asked), then the POST form with its antiforgery token, whose answer is the page with the outcome.
/// </summary>
public class StaticFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approve_AfterTheConfirmation_MovesTheRequestToAnswered()
    {
        await using var app = AdminAppFactory.EntraId();
        var orderId = await PlaceTemporaryAsync(app.Services);
        using var chef2 = app.CreateTestClient("chef2");

        var path = await LinkAsync(chef2, "/approvals", "approve");
        var confirmation = await GetAsync(chef2, path);
        Assert.Contains("Godkänn SOC-", confirmation, StringComparison.Ordinal);
        var answer = await PostAsync(chef2, path, confirmation, "approve", []);

        Assert.Single(Regex.Matches(answer, "data-testid=\"answered-row\""));
        Assert.DoesNotContain("data-testid=\"approval\"", answer, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"answered-status\"[^>]*>\\s*(<[^>]+>\\s*)*Godkänd", answer);
        Assert.Contains("data-testid=\"feedback\"", answer, StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.Approved, (await OrderAsync(app.Services, orderId)).Consent!.Status);
    }

    [Fact]
    public async Task Reject_AsksForAReason_ThenRejectsTheCase()
    {
        await using var app = AdminAppFactory.EntraId();
        var orderId = await PlaceTemporaryAsync(app.Services);
        using var chef2 = app.CreateTestClient("chef2");

        var path = await LinkAsync(chef2, "/approvals", "reject-consent");
        var step = await GetAsync(chef2, path);
        Assert.Contains("data-testid=\"reject-step\"", step, StringComparison.Ordinal);
        var withoutReason = await PostAsync(chef2, path, step, "reject", [new("Rejection.Reason", " ")]);
        Assert.Contains("Skriv ett skäl.", withoutReason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Received, (await OrderAsync(app.Services, orderId)).Status);

        var answer = await PostAsync(chef2, path, withoutReason, "reject", [new("Rejection.Reason", "Ingen handledare i december.")]);

        Assert.Matches("data-testid=\"answered-status\"[^>]*>\\s*(<[^>]+>\\s*)*Inte godkänd", answer);
        Assert.Contains("Ingen handledare i december.", answer, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Rejected, (await OrderAsync(app.Services, orderId)).Status);
    }

    [Fact]
    public async Task Reject_PostedByAnotherManager_ChangesNothing()
    {
        await using var app = AdminAppFactory.EntraId();
        var orderId = await PlaceTemporaryAsync(app.Services);
        using var chef2 = app.CreateTestClient("chef2");
        var step = await GetAsync(chef2, await LinkAsync(chef2, "/approvals", "reject-consent"));
        var consentId = Regex.Match(step, "name=\"Rejection.ConsentId\" value=\"(\\d+)\"").Groups[1].Value;
        using var chef1 = app.CreateTestClient("chef1");
        var token = Regex.Match(await GetAsync(chef1, $"/approvals?avsla={consentId}"), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "chef1's page carries a token of her own (the sign-out form)");

        // chef1 has no form for chef2's request: the page does not render it, so the post is refused before any service.
        using var content = new FormUrlEncodedContent(
        [
            new("_handler", "reject"), new("Rejection.ConsentId", consentId), new("Rejection.Reason", "Inte min sak."),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        ]);
        using var response = await chef1.PostAsync($"/approvals?avsla={consentId}", content, Ct);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderStatus.Received, (await OrderAsync(app.Services, orderId)).Status);
    }

    /// <summary>The demo organisation and chef1's order of temporary access to Tallgården (chef2's), which waits for chef2.</summary>
    private static async Task<int> PlaceTemporaryAsync(IServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        var request = OrderRequests.TemporaryUnit() with { StartDate = AdminTimeZone.Today(TimeProvider.System) };
        var placed = await services.GetRequiredService<OrderIntake>().PlaceAsync(request, OrderChannel.Console, new Actor("chef1", "Anna Lindqvist"), ct: Ct);
        return Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
    }

    private static async Task<Order> OrderAsync(IServiceProvider app, int id)
    {
        var factory = app.GetRequiredService<IDbContextFactory<SocItDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The address a link of the page leads to (a static page's button is a link), as a path.</summary>
    private static async Task<string> LinkAsync(HttpClient client, string path, string testId)
    {
        var html = await GetAsync(client, path);
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*data-testid=\"{testId}\"|<a [^>]*data-testid=\"{testId}\"[^>]*href=\"([^\"]+)\"");
        Assert.True(match.Success, $"no link {testId} on {path}");
        var href = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        return new Uri(new Uri("https://localhost"), href).PathAndQuery;
    }

    /// <summary>
    /// Posts the form named <paramref name="formName"/> of the page at <paramref name="path"/> (a form without an action
    /// posts to its page's address) with its hidden fields and token, plus <paramref name="fields"/>.
    /// </summary>
    private static async Task<string> PostAsync(HttpClient client, string path, string html, string formName, KeyValuePair<string, string>[] fields)
    {
        var form = Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline)
            .Select(m => m.Value)
            .Single(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        var action = Regex.Match(form, "action=\"([^\"]+)\"") is { Success: true } set ? WebUtility.HtmlDecode(set.Groups[1].Value) : path;
        var hidden = Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        using var content = new FormUrlEncodedContent([.. hidden, .. fields]);
        using var response = await client.PostAsync(new Uri(new Uri("https://localhost"), action).PathAndQuery, content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StreamedHtml.Final(await response.Content.ReadAsStringAsync(Ct));
    }
}
