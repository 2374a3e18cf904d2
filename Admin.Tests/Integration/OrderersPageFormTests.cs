using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Shared.Common;

using static SocItConsole.Admin.Tests.Integration.StaticForms;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// "Utsedda beställare" is a static page (decision 0049): "Avsluta uppdraget" asks in the page and ends by a POST form
/// with the antiforgery token, answered by the page again with the outcome. chef1 ends bestallare1's appointment.
/// </summary>
public partial class OrderersPageFormTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task End_AsksFirst_ThenThePostFormEndsIt_AndTheAppointmentMovesToTheEnded()
    {
        await using var app = AdminAppFactory.Development();
        using var client = await SignedInAsync(app, "chef1");
        var today = Dates.Iso(AdminTimeZone.Today(app.Services.GetRequiredService<TimeProvider>()));

        var list = await client.GetStringAsync("/orderers", Ct);
        Assert.Contains("Frida Nyman", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"end-question\"", list, StringComparison.Ordinal);
        var id = EndLink().Match(list).Groups[1].Value;
        Assert.NotEmpty(id);

        var asking = await client.GetStringAsync($"/orderers?end={id}", Ct);
        Assert.Contains($"Frida Nyman kan inte längre beställa för Hemtjänst Centrum från och med i dag ({today}).", asking, StringComparison.Ordinal);
        var token = Token(asking);
        Assert.NotEmpty(token);

        // The answer goes to the list without the question, where the form is rendered too.
        Assert.EndsWith("/orderers", WebUtility.HtmlDecode(EndFormAction().Match(asking).Groups[1].Value), StringComparison.Ordinal);
        using var ended = await client.PostAsync("/orderers", Form(
            ("_handler", "end-appointment"), ("__RequestVerificationToken", token), ("end-id", id)), Ct);
        var answer = await ended.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Contains("Frida Nymans uppdrag att beställa för Hemtjänst Centrum avslutades", answer, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"empty\"", answer, StringComparison.Ordinal);
        var endedList = await client.GetStringAsync("/orderers?status=ended", Ct);
        Assert.Contains($"Upphörde {today}", endedList, StringComparison.Ordinal);
        Assert.Contains("Upphörd", endedList, StringComparison.Ordinal);
        Assert.Contains($"Avslutat av Anna Lindqvist {today}", endedList, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"row-end\"", endedList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_WithoutTheAntiforgeryToken_IsRefused_AndTheAppointmentStays()
    {
        await using var app = AdminAppFactory.Development();
        using var client = await SignedInAsync(app, "chef1");
        var id = EndLink().Match(await client.GetStringAsync("/orderers", Ct)).Groups[1].Value;

        using var forged = await client.PostAsync("/orderers", Form(("_handler", "end-appointment"), ("end-id", id)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Matches(EndLink(), await client.GetStringAsync("/orderers", Ct));
    }

    [Fact]
    public async Task End_OfAnotherManagersAppointment_IsRefused_ByTheService()
    {
        await using var app = AdminAppFactory.Development();
        using var chef1 = await SignedInAsync(app, "chef1");
        var id = EndLink().Match(await chef1.GetStringAsync("/orderers", Ct)).Groups[1].Value;
        using var chef2 = await SignedInAsync(app, "chef2");
        var asking = await chef2.GetStringAsync($"/orderers?end={id}", Ct);
        var token = Token(asking);

        // chef2's list has no such appointment, so the page asks nothing; a forged answer reaches the service, which refuses.
        Assert.DoesNotContain("data-testid=\"end-question\"", asking, StringComparison.Ordinal);
        using var refused = await chef2.PostAsync("/orderers", Form(
            ("_handler", "end-appointment"), ("__RequestVerificationToken", token), ("end-id", id)), Ct);
        var answer = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"feedback\"", answer, StringComparison.Ordinal);
        Assert.Contains("Uppdraget finns inte, eller gäller inte någon av dina verksamheter.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("avslutades", answer, StringComparison.Ordinal);
        Assert.Matches(EndLink(), await chef1.GetStringAsync("/orderers", Ct));
    }

    [Fact]
    public async Task End_AnsweredAfterTheAppointmentEndedMeanwhile_TellsSo_InThePage()
    {
        await using var app = AdminAppFactory.Development();
        using var client = await SignedInAsync(app, "chef1");
        var id = EndLink().Match(await client.GetStringAsync("/orderers", Ct)).Groups[1].Value;
        var asking = await client.GetStringAsync($"/orderers?end={id}", Ct);
        var token = Token(asking);
        using var first = await client.PostAsync("/orderers", Form(
            ("_handler", "end-appointment"), ("__RequestVerificationToken", token), ("end-id", id)), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The same answer again, as from a second tab still showing the question: no row asks any more, yet the form is there.
        using var again = await client.PostAsync("/orderers", Form(
            ("_handler", "end-appointment"), ("__RequestVerificationToken", token), ("end-id", id)), Ct);
        var answer = await again.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Uppdraget för Frida Nyman har redan upphört.", answer, StringComparison.Ordinal);
    }



    /// <summary>The appointment id in a row's "Avsluta uppdraget" link: only those links carry <c>end=</c> on the list.</summary>
    [GeneratedRegex("[?;]end=(\\d+)")]
    private static partial Regex EndLink();

    [GeneratedRegex("<form id=\"end-appointment\"[^>]*action=\"([^\"]*)\"")]
    private static partial Regex EndFormAction();

}
