using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>Issue 10, item 8: the web-facing defences, each against the real pipeline.</summary>
public partial class WebSecurityTests
{
    private const string ProductionHost = "https://socit.kommun.example";
    private const string Evil = "https://evil.example";
    private const string ProblemJson = "application/problem+json";
    private const string SecretDetail = "hemlig-detalj-7f3a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/dev-sign-in")] // a page
    [InlineData("/api/v1/reference")] // the API (401 without a key)
    [InlineData("/app.css")] // a static file
    [InlineData("/finns-inte")] // the 404 page
    [InlineData("/health")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync(path, Ct);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ErrorPage_InProduction_CarriesTheSecurityHeaders()
    {
        await using var app = WithTestEndpoints(AdminAppFactory.EntraId());
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/test/throw", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsNoInlineScript_ButTheImportMapWithThisRequestsNonce()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        var (html1, nonce1) = await PageWithNonceAsync(client, "/account/dev-sign-in");
        var (_, nonce2) = await PageWithNonceAsync(client, "/account/dev-sign-in");

        Assert.NotEqual(nonce1, nonce2);
        var scripts = ScriptTag().Matches(html1).Select(m => m.Value).ToList();
        Assert.Contains(scripts, s => s.Contains("type=\"importmap\"", StringComparison.Ordinal));
        Assert.All(scripts, s => Assert.True(
            s.Contains(" src=", StringComparison.Ordinal) || s.Contains($"nonce=\"{nonce1}\"", StringComparison.Ordinal),
            $"an inline script without this request's nonce: {s}"));
    }

    [Fact]
    public async Task ContentSecurityPolicy_InEntraIdMode_LetsFormsGoOnlyToTheAppAndTheConfiguredEntraInstance()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/", Ct);

        var csp = Csp(response);
        Assert.Contains("form-action 'self' https://login.microsoftonline.com;", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_RunsUnderTheSamePolicy_ItsPagesHaveNoInlineScript()
    {
        await using var app = AdminAppFactory.EntraId();
        using var client = app.CreateTestClient("admin");

        using var response = await client.GetAsync("/hangfire", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains(" src=", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_RedirectsHttpToHttps_AndSendsHsts()
    {
        await using var app = AdminAppFactory.EntraId().WithSetting("https_port", "443");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://socit.kommun.example"),
        });
        using var https = ProductionClient(app);

        using var redirect = await http.GetAsync("/health?x=1", Ct);
        using var secure = await https.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal(new Uri("https://socit.kommun.example/health?x=1"), redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Development_NeitherRedirectsNorSendsHsts()
    {
        await using var app = AdminAppFactory.Development().WithSetting("https_port", "443");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("http://socit.kommun.example"),
        });
        using var https = ProductionClient(app);

        using var plain = await http.GetAsync("/health", Ct);
        using var secure = await https.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Production_SignInAndAntiforgeryCookies_AreSecureHttpOnlyAndSameSite()
    {
        await using var app = WithTestEndpoints(AdminAppFactory.EntraId());
        using var client = app.CreateTestClient("operator");

        using var signIn = await client.GetAsync("/test/sign-in", Ct);
        using var page = await client.GetAsync("/", Ct);

        var auth = Assert.Single(SetCookies(signIn), c => c.StartsWith("socit.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_SignInCookie_IsHttpOnlyAndSameSite_OverPlainHttp()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();

        using var signIn = await client.GetAsync("/account/dev-sign-in?userName=operator", Ct);

        var auth = Assert.Single(SetCookies(signIn), c => c.StartsWith("socit.auth=", StringComparison.Ordinal));
        Assert.Contains("; httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignOutForm_WithoutAntiforgeryToken_IsRefused_AndWithIt_SignsOut()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        await client.GetAsync("/account/dev-sign-in?userName=operator", Ct);
        var home = await client.GetStringAsync("/", Ct);
        var token = AntiforgeryField().Match(home).Groups[1].Value;
        Assert.NotEmpty(token);

        using var withoutToken = await client.PostAsync(SignOutPath, Form(("returnUrl", "/")), Ct);
        using var stillSignedIn = await client.GetAsync("/units", Ct);
        using var withToken = await client.PostAsync(SignOutPath, Form(("returnUrl", "/"), ("__RequestVerificationToken", WebUtility.HtmlDecode(token))), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Contains(SetCookies(withToken), c => c.StartsWith("socit.auth=;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, "forfalskad")]
    [InlineData(true, null)]
    [InlineData(true, "forfalskad")]
    public async Task FormPost_WithAMissingOrForgedAntiforgeryToken_Is400_NeverAServerError(bool production, string? token)
    {
        await using var app = production ? AdminAppFactory.EntraId() : AdminAppFactory.Development();
        using var client = app.CreateTestClient(production ? "operator" : null);
        if (!production)
        {
            await client.GetAsync("/account/dev-sign-in?userName=operator", Ct);
        }

        (string, string)[] fields = token is null
            ? [("returnUrl", "/")]
            : [("returnUrl", "/"), ("__RequestVerificationToken", token)];
        using var response = await client.PostAsync(SignOutPath, Form(fields), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        // Was a 500: the status page was re-executed as a POST and read the refused form.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (production)
        {
            // Development shows the developer page on purpose; outside it nothing of the failure is told.
            Assert.Contains("Ladda om sidan och försök igen", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Antiforgery", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BlazorHub_GivesAForeignOriginNoCorsHeaders_AndRefusesIt()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        await client.GetAsync("/account/dev-sign-in?userName=operator", Ct);

        using var preflight = await SendAsync(client, HttpMethod.Options, Evil, ("Access-Control-Request-Method", "POST"));
        using var foreign = await SendAsync(client, HttpMethod.Post, Evil);
        using var own = await SendAsync(client, HttpMethod.Post, "http://localhost");

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.DoesNotContain("connectionToken", await foreign.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("connectionToken", await own.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlazorHub_RefusesAWebSocketFromAForeignOrigin()
    {
        await using var app = AdminAppFactory.Development();
        var server = app.Server;
        var ws = server.CreateWebSocketClient();
        ws.ConfigureRequest = request => request.Headers.Origin = Evil;

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            ws.ConnectAsync(new Uri("ws://localhost/_blazor?id=x"), Ct));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_InProduction_IsTheSwedishPage_WithoutExceptionDetails()
    {
        await using var app = WithTestEndpoints(AdminAppFactory.EntraId());
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/test/throw", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Något gick fel", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretDetail, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WebSecurityTests", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_InProduction_AnswersAFailureWithProblemJson_WithoutDetails()
    {
        const string key = "test-e-tjanst-nyckel-5d1e9b";
        await using var app = AdminAppFactory.EntraId().WithSetting("Intake:ApiKeys:0", key);
        using var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, key);
        using (var ok = await client.GetAsync("/api/v1/reference", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await BreakTheDatabaseAsync(app);
        using var response = await client.GetAsync("/api/v1/reference", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Något gick fel", JsonNode.Parse(text)!["title"]!.GetValue<string>());
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no such table", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderApi_OverTheLimit_Answers429WithRetryAfter_StoresNothing_AndLeavesOtherClientsAlone()
    {
        const string keyA = "test-klient-a-nyckel-11111";
        const string keyB = "test-klient-b-nyckel-22222";
        const int limit = 3;
        await using var app = AdminAppFactory.EntraId()
            .WithSetting("Intake:ApiKeys:0", keyA)
            .WithSetting("Intake:ApiKeys:1", keyB)
            .WithSetting(OrderApiRateLimiting.PermitLimitSetting, limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting(OrderApiRateLimiting.WindowSetting, "01:00:00");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        }

        using var clientA = ApiClient(app, keyA);
        using var clientB = ApiClient(app, keyB);

        for (var i = 0; i < limit; i++)
        {
            using var accepted = await PostOrderAsync(clientA, $"a-{i}");
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await PostOrderAsync(clientA, "a-over");
        var refusedText = await refused.Content.ReadAsStringAsync(Ct);
        using var reference = await clientA.GetAsync("/api/v1/reference", Ct);
        using var otherClient = await PostOrderAsync(clientB, "b-0");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(refusedText)!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal("För många beställningar", problem["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherClient.StatusCode);

        await using var scope2 = app.Services.CreateAsyncScope();
        await using var db = await scope2.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        var keys = await db.Orders.Select(o => o.IdempotencyKey).ToListAsync(Ct);
        Assert.Equal(limit + 1, keys.Count);
        Assert.DoesNotContain("a-over", keys);
    }

    [Fact]
    public async Task OrderApi_InDevelopment_LetsTheTestsAndBenchmarksThrough()
    {
        await using var app = AdminAppFactory.Development();
        using var scope = app.Services.CreateScope();

        var configuration = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();

        Assert.True(int.Parse(configuration[OrderApiRateLimiting.PermitLimitSetting]!, System.Globalization.CultureInfo.InvariantCulture) >= 100_000);
    }

    private const string SignOutPath = "/account/sign-out";

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Csp(response);
        Assert.Contains("default-src 'self';", csp, StringComparison.Ordinal);
        Assert.Matches(@"script-src 'self' 'nonce-[0-9A-F]{32}';", csp);
        Assert.Contains("style-src 'self' 'unsafe-inline';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none';", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self';", csp, StringComparison.Ordinal);
        Assert.Matches("form-action 'self'( https://login.microsoftonline.com)?;", csp);
        Assert.EndsWith("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static async Task<(string Html, string Nonce)> PageWithNonceAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var nonce = Regex.Match(Csp(response), "'nonce-([^']+)'").Groups[1].Value;
        return (await response.Content.ReadAsStringAsync(Ct), nonce);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string origin, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request, Ct);
    }

    private static HttpClient ProductionClient(AdminAppFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri(ProductionHost),
    });

    private static HttpClient ApiClient(AdminAppFactory app, string key)
    {
        var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, key);
        return client;
    }

    private static async Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(OrderApiBodies.NewUndersköterska().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(OrdersApi.IdempotencyKeyHeader, idempotencyKey);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>A real failure under the app: the table the reference list reads is gone.</summary>
    private static async Task BreakTheDatabaseAsync(AdminAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);
        // The reference data is cached while its stamp stands (decision 0050): break the stamp's table too, so that the
        // next request reads the database and fails.
        await db.Database.ExecuteSqlRawAsync(
            "ALTER TABLE \"JobTitles\" RENAME TO \"JobTitles_gone\"; ALTER TABLE \"ReferenceDataVersion\" RENAME TO \"ReferenceDataVersion_gone\";", Ct);
    }

    /// <summary>Test-only endpoints behind the app's whole pipeline (they run where no endpoint of the app matched).</summary>
    private static AdminAppFactory WithTestEndpoints(AdminAppFactory app) =>
        app.WithTestServices(services => services.AddSingleton<IStartupFilter, TestEndpoints>());

    private sealed class TestEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use(async (context, following) =>
            {
                switch (context.Request.Path.Value)
                {
                    case "/test/throw":
                        throw new InvalidOperationException(SecretDetail);
                    case "/test/sign-in":
                        await context.SignInAsync(
                            CookieAuthenticationDefaults.AuthenticationScheme, DevUsers.Find("operator")!.ToPrincipal());
                        return;
                    default:
                        await following(context);
                        return;
                }
            });
        };
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
