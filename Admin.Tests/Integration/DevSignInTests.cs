using System.Net;
using System.Text.RegularExpressions;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

public partial class DevSignInTests
{
    [Fact]
    public async Task SignInPage_ListsTheDemoUsers()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        var html = await client.GetStringAsync("/account/dev-sign-in", TestContext.Current.CancellationToken);

        foreach (var user in new[] { "operator", "admin", "chef1", "chef2" })
        {
            Assert.Contains($"data-user=\"{user}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Välj demoanvändare", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInByQuery_SignsInAndReturnsToThePage()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;

        using var signIn = await client.GetAsync("/account/dev-sign-in?userName=operator&returnUrl=/units", ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(new Uri("http://localhost/units"), new Uri(client.BaseAddress!, signIn.Headers.Location!));
        var html = await client.GetStringAsync("/units", ct);
        Assert.Contains("Sara Nilsson", html, StringComparison.Ordinal);
        Assert.Contains("Handläggare", html, StringComparison.Ordinal);
        Assert.Contains("Hemtjänst Centrum", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_NeverRedirectsOffSite(string returnUrl)
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(
            $"/account/dev-sign-in?userName=operator&returnUrl={Uri.EscapeDataString(returnUrl)}",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("http://localhost/"), new Uri(client.BaseAddress!, response.Headers.Location!));
    }

    [Fact]
    public async Task SignIn_WithUnknownUser_Fails_WithSwedishMessage()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await client.GetAsync("/account/dev-sign-in?userName=mallory", ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Det finns ingen demoanvändare som heter \"mallory\"", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        using var home = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Manager_IsMatchedToTheirUnitsByEmail()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        (await client.GetAsync("/account/dev-sign-in?userName=chef2", ct)).Dispose();

        var html = await client.GetStringAsync("/", ct);

        Assert.Contains("Mina verksamheter", html, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"Tallgårdens vård- och omsorgsboende\"", html, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"Solgläntans korttidsboende\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-unit=\"Hemtjänst Centrum\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        (await client.GetAsync("/account/dev-sign-in?userName=admin", ct)).Dispose();
        var home = await client.GetStringAsync("/", ct);
        var token = AntiforgeryField().Match(home).Groups[1].Value;
        Assert.NotEmpty(token);

        using var signOut = await client.PostAsync("/account/sign-out",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(new Uri("http://localhost/account/dev-sign-in"), new Uri(client.BaseAddress!, signOut.Headers.Location!));
        using var after = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;
        (await client.GetAsync("/account/dev-sign-in?userName=admin", ct)).Dispose();

        using var signOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]), ct);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var still = await client.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Logs_CarryNoNamesOrEmails()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var ct = TestContext.Current.CancellationToken;

        (await client.GetAsync("/account/dev-sign-in?userName=chef1", ct)).Dispose();
        (await client.GetAsync("/", ct)).Dispose();
        (await client.GetAsync("/finns-inte", ct)).Dispose();

        Assert.Contains(app.LogMessages, m => m.Contains("Development sign-in as demo user chef1", StringComparison.Ordinal));
        Assert.DoesNotContain(app.LogMessages, m => m.Contains(DemoOrganisation.AnnaLindqvist.Email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.LogMessages, m => m.Contains(DemoOrganisation.AnnaLindqvist.Name, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
