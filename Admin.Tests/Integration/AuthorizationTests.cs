using System.Net;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Deny by default, checked against the pages the running app actually maps.</summary>
public class AuthorizationTests
{
    // Pages that may be opened without signing in. A new page lands here only on purpose.
    private static readonly string[] AnonymousPages =
        ["/account/dev-sign-in", "/error", "/not-found", "/status/{Code:int}"];

    [Fact]
    public async Task OnlyTheDeclaredPagesAllowAnonymousAccess()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        var anonymous = PageEndpoints.All(app.Services)
            .Where(PageEndpoints.AllowsAnonymous)
            .Select(e => e.RoutePattern.RawText!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(AnonymousPages, anonymous);
    }

    [Fact]
    public async Task AnonymousRequestToAnyPage_IsSentToEntraIdSignIn()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();
        var pages = PageEndpoints.All(app.Services).Where(e => !PageEndpoints.AllowsAnonymous(e)).ToList();
        Assert.NotEmpty(pages);

        foreach (var page in pages)
        {
            var path = PageEndpoints.SamplePath(page);
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.StartsWith(AdminAppFactory.EntraAuthorizeEndpoint, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnonymousRequestToAnyPage_IsSentToDevelopmentSignIn_InDevelopment()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        var pages = PageEndpoints.All(app.Services).Where(e => !PageEndpoints.AllowsAnonymous(e)).ToList();

        foreach (var page in pages)
        {
            var path = PageEndpoints.SamplePath(page);
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(
                "/account/dev-sign-in?ReturnUrl=" + Uri.EscapeDataString(path),
                response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task AnonymousRequestToUnknownAddress_IsSentToSignIn()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/finns-inte", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin", "operator", HttpStatusCode.Forbidden)]
    [InlineData("/admin", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/admin", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/admin", "admin", HttpStatusCode.OK)]
    [InlineData("/units", "operator", HttpStatusCode.OK)]
    [InlineData("/units", "admin", HttpStatusCode.OK)]
    [InlineData("/units", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/units", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/orders/new", "chef1", HttpStatusCode.OK)]
    [InlineData("/orders/new", "operator", HttpStatusCode.OK)]
    [InlineData("/orders/new", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/orders/new", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/my-orders", "chef1", HttpStatusCode.OK)]
    [InlineData("/my-orders", "operator", HttpStatusCode.OK)]
    [InlineData("/my-orders", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/audit", "operator", HttpStatusCode.OK)]
    [InlineData("/audit", "admin", HttpStatusCode.OK)]
    [InlineData("/audit", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/audit", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/cases", "operator", HttpStatusCode.OK)]
    [InlineData("/cases", "admin", HttpStatusCode.Forbidden)]
    [InlineData("/cases", "chef1", HttpStatusCode.Forbidden)]
    [InlineData("/cases", "utanroll", HttpStatusCode.Forbidden)]
    [InlineData("/", "utanroll", HttpStatusCode.OK)]
    [InlineData("/", "chef2", HttpStatusCode.OK)]
    public async Task Page_AnswersByRole(string path, string user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Forbidden_ShowsTheSwedishAccessDeniedPage()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Du saknar behörighet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Grunddata som styr", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_ShowsTheSwedishNotFoundPage_ToASignedInUser()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/finns-inte", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData("operator", HttpStatusCode.Forbidden)]
    [InlineData("chef1", HttpStatusCode.Forbidden)]
    [InlineData("chef2", HttpStatusCode.Forbidden)]
    [InlineData("utanroll", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task HangfireDashboard_IsForAdministratorsOnly(string? user, HttpStatusCode expected)
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient(user);

        using var response = await client.GetAsync("/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("SocItConsole – bakgrundsjobb", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DevelopmentSignIn_DoesNotExistOutsideDevelopment()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(
            "/account/dev-sign-in?userName=admin&returnUrl=/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("socit.auth", StringComparison.Ordinal));
    }
}
