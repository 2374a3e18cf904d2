using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The e-service's JSON API against the real app in Production mode (Entra ID configured), on the demo organisation.</summary>
public class OrderApiTests
{
    private const string ApiKey = "test-e-tjanst-nyckel-4f9c2a";
    private const string WrongKey = "test-fel-nyckel-000000000";
    private const string ProblemJson = "application/problem+json";
    private const string EServiceClientId = "0f5e1c2d-7a8b-4c3d-9e0f-1a2b3c4d5e6f";

    private static readonly RsaSecurityKey TokenKey = new(RSA.Create(2048)) { KeyId = "test-signing-key" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostOrder_Returns201_WithLocationAndReceipt_AndNoPersonnummer()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await PostAsync(client, OrderApiBodies.NewUndersköterska());
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonNode.Parse(text)!;
        var id = body["id"]!.GetValue<int>();
        Assert.Equal($"/api/v1/orders/{id}", response.Headers.Location!.OriginalString);
        Assert.Matches(@"^SOC-\d{4}-00001$", body["caseNumber"]!.GetValue<string>());
        Assert.Equal("received", body["status"]!.GetValue<string>());
        Assert.Equal("new", body["type"]!.GetValue<string>());
        Assert.Equal(
            ["Appva: Standard", "Citrix: Standard", "Combine: Standard", "IntraPhone: Standard", "Lifecare: Utförare", "Smartkort (SITHS): Standard", "Swedlock: Standard"],
            body["systems"]!.AsArray().Select(s => $"{s!["name"]}: {s["level"]}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("19900101", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1239", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisa", text, StringComparison.Ordinal);

        await using var db = await CreateDbContextAsync(app);
        var order = await db.Orders.SingleAsync(Ct);
        Assert.Equal(id, order.Id);
        Assert.Equal(OrderChannel.EService, order.Channel);
        Assert.Equal("api:e-tjanst", order.PlacedById);
        Assert.Equal("E-tjänsten", order.PlacedByName);
    }

    [Fact]
    public async Task PostExtension_AcceptsSystemsAsNamesOrObjects()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await PostAsync(client, OrderApiBodies.Extend());
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        Assert.Equal(
            ["Lifecare: Handläggare", "Qlikview: Standard"],
            JsonNode.Parse(text)!["systems"]!.AsArray().Select(s => $"{s!["name"]}: {s["level"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetOrder_ReturnsTheReceiptsFields_WithTheCurrentStatus_AndTheStatusFieldsBeside()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        using var created = await PostAsync(client, OrderApiBodies.NewUndersköterska());
        var createdBody = await created.Content.ReadAsStringAsync(Ct);

        using var response = await client.GetAsync(created.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        // Issue 20 adds the status text, the person's name, the question or reason and the dates for "mina sidor".
        var receipt = JsonNode.Parse(createdBody)!.AsObject();
        var current = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.All(receipt, field => Assert.True(JsonNode.DeepEquals(field.Value, current[field.Key]), field.Key));
        Assert.Equal("Mottagen", current["statusText"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetOrder_UnknownId_Is404ProblemJson()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await client.GetAsync("/api/v1/orders/4711", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetReference_ListsActiveTitlesUnitsAndSystemsOnly_WithEmptyKeyPools()
    {
        await using var app = await StartAsync();
        await using (var db = await CreateDbContextAsync(app))
        {
            (await db.JobTitles.SingleAsync(t => t.Name == "Vårdbiträde", Ct)).Deactivate();
            (await db.ItSystems.SingleAsync(s => s.Name == "KOBE", Ct)).Deactivate();
            await db.SaveChangesAsync(Ct);
        }

        using var client = ApiClient(app);
        using var response = await client.GetAsync("/api/v1/reference", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var titles = body["titles"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Undersköterska", titles);
        Assert.DoesNotContain("Vårdbiträde", titles);
        var systems = body["systems"]!.AsArray();
        Assert.DoesNotContain(systems, s => s!["name"]!.GetValue<string>() == "KOBE");
        var lifecare = systems.Single(s => s!["name"]!.GetValue<string>() == "Lifecare")!;
        Assert.Contains("Handläggare", lifecare["levels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var unit = body["units"]!.AsArray().Single(u => u!["name"]!.GetValue<string>() == "Hemtjänst Centrum")!;
        Assert.True(unit["usesDigitalKeys"]!.GetValue<bool>());
        Assert.Equal(["Personalpool"], unit["keyPools"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        var hertings = body["units"]!.AsArray().Single(u => u!["name"]!.GetValue<string>() == "Hertings vård- och omsorgsboende")!;
        Assert.Equal(["Avdelning 1", "Avdelning 2"], hertings["keyPools"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(null, "GET", "/api/v1/reference")]
    [InlineData(WrongKey, "GET", "/api/v1/reference")]
    [InlineData(null, "POST", "/api/v1/orders")]
    [InlineData(WrongKey, "POST", "/api/v1/orders")]
    [InlineData(WrongKey, "GET", "/api/v1/orders/1")]
    public async Task MissingOrWrongApiKey_Is401ProblemJson_NeverARedirect(string? key, string method, string path)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app, key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? Json(OrderApiBodies.NewUndersköterska()) : null,
        };

        using var response = await client.SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task ConsoleSignIn_DoesNotOpenTheApi()
    {
        await using var app = await StartAsync();
        using var client = app.CreateTestClient("operator");

        using var response = await client.GetAsync("/api/v1/reference", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task NonJsonContentType_Is415ProblemJson(string? contentType)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(OrderApiBodies.NewUndersköterska().ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.PostAsync("/api/v1/orders", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOver64KiB_Is413ProblemJson_WithOrWithoutContentLength(bool sendLength)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska();
        body["note"] = new string('x', 70 * 1024);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using HttpContent content = sendLength ? new ByteArrayContent(bytes) : new UnknownLengthContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/v1/orders", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("""{"type":"new","employee":""", "$")]
    [InlineData("""{"type":"new"} {}""", "$")]
    [InlineData("", "$")]
    [InlineData("null", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"type":"new","employee":{"fullName":12}}""", "employee.fullName")]
    [InlineData("""{"type":"new","startDate":"2026-13-01"}""", "startDate")]
    [InlineData("""{"type":"new","startDate":20261201}""", "startDate")]
    [InlineData("""{"type":"new","colour":"blå"}""", "colour")]
    [InlineData("""{"type":"new","employee":{"fullName":"Lisa","shoeSize":"38"}}""", "employee.shoeSize")]
    [InlineData("""{"type":"nyanställd"}""", "type")]
    [InlineData("""{"type":1}""", "type")]
    [InlineData("""{"type":"new","key":{"kind":"personalKey"}}""", "key.kind")]
    [InlineData("""{"type":"extend","systems":["Lifecare",3]}""", "systems[1]")]
    [InlineData("""{"type":"extend","systems":[{"name":"Lifecare","nivå":"Handläggare"}]}""", "systems[0]")]
    [InlineData("""{"type":"new","type":"extend"}""", "type")]
    public async Task UnreadableBody_Is400ProblemJson_NamingTheField(string json, string field)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await client.PostAsync("/api/v1/orders", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        var messages = Assert.Single(errors, e => e.Key == field).Value!.AsArray();
        Assert.NotEmpty(messages[0]!.GetValue<string>());
        Assert.DoesNotContain("System.", messages[0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProperty_IsNamed_WithTheAllowedOnes()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska();
        body["colour"] = "blå";

        using var response = await PostAsync(client, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem["errors"]!["colour"]![0]!.GetValue<string>();
        Assert.Contains("Okänd egenskap \"colour\"", message, StringComparison.Ordinal);
        Assert.Contains("startDate", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOrder_Is400ValidationProblem_WithSwedishMessagesPerField_AndNothingIsStored()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska(personnummer: "19900101-1238");
        body["title"] = "Månadministratör";
        body["endDate"] = OrderApiBodies.Date(5);

        using var response = await PostAsync(client, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Beställningen innehåller fel", problem["title"]!.GetValue<string>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            [OrderApiFields.Personnummer, OrderApiFields.EndDate, OrderApiFields.Title],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("Kontrollsiffran", errors[OrderApiFields.Personnummer]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"Månadministratör\"", errors[OrderApiFields.Title]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Slutdatumet måste vara efter startdatumet.", errors[OrderApiFields.EndDate]![0]!.GetValue<string>());
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
        Assert.Equal(0, await db.Employees.CountAsync(Ct));
    }

    [Fact]
    public async Task BadChangeOrder_Is400ValidationProblem_NamingTheEmploymentAndTheTitle()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska();
        body["type"] = "change";
        body["employment"] = new JsonObject { ["unit"] = "Hemtjänst Skrea" };
        body["title"] = "Månadministratör";
        body.Remove("key");

        using var response = await PostAsync(client, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([OrderApiFields.Employment, OrderApiFields.Title], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Medarbetaren har ingen pågående anställning i Hemtjänst Skrea.", errors[OrderApiFields.Employment]![0]!.GetValue<string>());
        Assert.Equal("Det finns ingen titel som heter \"Månadministratör\".", errors[OrderApiFields.Title]![0]!.GetValue<string>());
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task Retry_WithTheSameIdempotencyKeyAndBody_Returns200WithTheOriginalOrder()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska();
        using var first = await PostAsync(client, body, "e-tjanst-4711");

        // The same order, spelt differently: indented, properties in another order.
        var reordered = new JsonObject(body.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        using var retryContent = new StringContent(
            reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), Encoding.UTF8, "application/json");
        using var retryRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = retryContent };
        retryRequest.Headers.Add("Idempotency-Key", "e-tjanst-4711");
        using var retry = await client.SendAsync(retryRequest, Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct)),
            JsonNode.Parse(await retry.Content.ReadAsStringAsync(Ct))));
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(1, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task TheSameIdempotencyKey_WithAnotherBody_Is409ProblemJson()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        using var first = await PostAsync(client, OrderApiBodies.NewUndersköterska(), "e-tjanst-4712");
        var other = OrderApiBodies.NewUndersköterska();
        other["startDate"] = OrderApiBodies.Date(11);

        using var response = await PostAsync(client, other, "e-tjanst-4712");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("SOC-", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(1, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task TenConcurrentRetries_WithOneIdempotencyKey_StoreExactlyOneOrder()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska().ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "samtidigt-1");
            using var response = await client.SendAsync(request, Ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }, Ct)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{r.StatusCode}: {r.Body}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<int>()).Distinct());
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(1, await db.Orders.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Order.Created", Ct));
    }

    [Theory]
    [InlineData(101, HttpStatusCode.BadRequest)]
    [InlineData(100, HttpStatusCode.Created)]
    public async Task IdempotencyKey_MayBeAtMost100Characters(int length, HttpStatusCode expected)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await PostAsync(client, OrderApiBodies.NewUndersköterska(), new string('k', length));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
        }
    }

    [Fact]
    public async Task UnexpectedFailure_Is500ProblemJson_NotTheHtmlErrorPage()
    {
        await using var app = await StartAsync();
        await using (var db = await CreateDbContextAsync(app))
        {
            await db.Database.ExecuteSqlRawAsync(
                db.Database.IsNpgsql() ? "DROP TABLE \"OrderSystems\"; DROP TABLE \"Orders\" CASCADE;" : "DROP TABLE OrderSystems; DROP TABLE Orders;", Ct);
        }

        using var client = ApiClient(app);
        using var response = await PostAsync(client, OrderApiBodies.NewUndersköterska());

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains(app.LogMessages, m => m.Contains("Intake API request failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_IsServedWithoutSignIn_AndDescribesTheApi()
    {
        await using var app = await StartAsync();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/reference"], paths);
        Assert.Equal("PlaceOrder", document["paths"]!["/api/v1/orders"]!["post"]!["operationId"]!.GetValue<string>());
        var apiKey = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("X-Api-Key", apiKey["name"]!.GetValue<string>());
        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        Assert.NotNull(document["components"]!["schemas"]!["OrderBody"]);
    }

    [Fact]
    public async Task ApiKey_NeverAppearsInTheLogs()
    {
        await using var app = await StartAsync();
        using (var client = ApiClient(app))
        {
            using var placed = await PostAsync(client, OrderApiBodies.NewUndersköterska());
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }

        using (var client = ApiClient(app, WrongKey))
        {
            using var refused = await client.GetAsync("/api/v1/reference", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        Assert.NotEmpty(app.LogMessages);
        Assert.DoesNotContain(app.LogMessages, m => m.Contains(ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(app.LogMessages, m => m.Contains(WrongKey, StringComparison.Ordinal));
        Assert.DoesNotContain(app.LogMessages, m => m.Contains("1239", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "/api/finns-inte")]
    [InlineData(ApiKey, "/api/v1/finns-inte")]
    [InlineData(ApiKey, "/api/v1/orders/inte-ett-nummer")]
    public async Task UnknownApiAddress_Is404ProblemJson_NotTheHtmlPage(string? key, string path)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app, key);

        using var response = await client.GetAsync(path, Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BearerToken_WithTheIntakeRole_PlacesAnOrderAsTheCallingApplication()
    {
        await using var app = await StartAsync(acceptTestTokens: true);
        using var client = BearerClient(app, Token(roles: [IntakeApiAuth.Role]));

        using var response = await PostAsync(client, OrderApiBodies.NewUndersköterska());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal($"api:{EServiceClientId}", (await db.Orders.SingleAsync(Ct)).PlacedById);
    }

    [Fact]
    public async Task BearerToken_WithoutTheIntakeRole_Is403ProblemJson()
    {
        await using var app = await StartAsync(acceptTestTokens: true);
        using var client = BearerClient(app, Token(roles: ["Operator"]));

        using var response = await client.GetAsync("/api/v1/reference", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("api://another-app")]
    [InlineData(null)]
    public async Task BearerToken_ForAnotherAudienceOrSignedWithAnotherKey_Is401(string? audience)
    {
        await using var app = await StartAsync(acceptTestTokens: true);
        var token = audience is null
            ? Token(roles: [IntakeApiAuth.Role], signingKey: new RsaSecurityKey(RSA.Create(2048)))
            : Token(roles: [IntakeApiAuth.Role], audience: audience);
        using var client = BearerClient(app, token);

        using var response = await client.GetAsync("/api/v1/reference", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevelopmentKey_FromAppSettings_OpensTheApiInDevelopment()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, IntakeApiAuth.DevelopmentApiKey);

        using var response = await client.GetAsync("/api/v1/reference", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("WWW-Authenticate", response.Headers.Select(h => h.Key));
    }

    [Theory]
    [InlineData(IntakeApiAuth.DevelopmentApiKey, "published development key")]
    [InlineData("kort-nyckel", "at least 16 characters")]
    public void App_RefusesToStart_WithAnUnusableApiKey_WithoutNamingIt(string key, string expected)
    {
        using var app = AdminAppFactory.EntraId().WithSetting("Intake:ApiKeys:0", key);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.CreateTestClient());

        Assert.Contains("Intake:ApiKeys:0", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    private static async Task<AdminAppFactory> StartAsync(bool acceptTestTokens = false)
    {
        var app = AdminAppFactory.EntraId().WithSetting("Intake:ApiKeys:0", ApiKey);
        if (acceptTestTokens)
        {
            app.WithTestServices(services => services.PostConfigure<JwtBearerOptions>(IntakeApiAuth.BearerScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(TokenKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        return app;
    }

    private static string Issuer => $"{AdminAppFactory.EntraInstance}{AdminAppFactory.EntraTenant}/v2.0";

    private static string Token(string[] roles, string audience = AdminAppFactory.EntraClientId, SecurityKey? signingKey = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signingKey ?? TokenKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["roles"] = roles,
                ["azp"] = EServiceClientId,
                ["oid"] = "7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
            },
        });

    private static HttpClient ApiClient(AdminAppFactory app, string? key = ApiKey)
    {
        var client = app.CreateTestClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, key);
        }

        return client;
    }

    private static HttpClient BearerClient(AdminAppFactory app, string token)
    {
        var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        return problem;
    }

    private static Task<SocItDbContext> CreateDbContextAsync(AdminAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>A body sent without Content-Length, as a chunked upload would be.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(bytes, 0, bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
