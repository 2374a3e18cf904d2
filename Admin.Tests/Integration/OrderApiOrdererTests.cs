using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The e-service's side of issue 20 in the API: the units' managers in the reference, the responsible manager checked,
/// and an orderer's cases for "mina sidor" (listed, paged, never another orderer's) with their status fields.
/// </summary>
public class OrderApiOrdererTests
{
    private const string ApiKey = "test-e-tjanst-nyckel-4f9c2a";
    private const string ProblemJson = "application/problem+json";
    private const string Anna = "anna.lindqvist@kommun.example";
    private const string Erik = "erik.johansson@kommun.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reference_ListsEachUnitsManagers_ByNameAndEmail()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        var body = JsonNode.Parse(await client.GetStringAsync("/api/v1/reference", Ct))!;

        var units = body["units"]!.AsArray();
        Assert.Equal(
            ["Anna Lindqvist <anna.lindqvist@kommun.example>"],
            Managers(units.Single(u => u!["name"]!.GetValue<string>() == "Hemtjänst Centrum")!));
        Assert.Equal(
            ["Erik Johansson <erik.johansson@kommun.example>", "Karin Svensson <karin.svensson@kommun.example>"],
            Managers(units.Single(u => u!["name"]!.GetValue<string>() == "Hertings vård- och omsorgsboende")!));
        Assert.All(units, u => Assert.NotEmpty(u!["managers"]!.AsArray()));
    }

    [Fact]
    public async Task PostOrder_NamingAManagerWhoIsNotTheUnits_Is400_UnderManagerEmail_AndNothingIsStored()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var body = OrderApiBodies.NewUndersköterska();
        body["manager"] = new JsonObject { ["name"] = "Erik Johansson", ["email"] = Erik };

        using var response = await PostAsync(client, body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["manager.email"], errors.Select(e => e.Key));
        Assert.Contains("inte registrerad som chef för Hemtjänst Centrum", errors["manager.email"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = await CreateDbContextAsync(app);
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
    }

    [Fact]
    public async Task ListOrders_GivesTheOrderersCasesNewestFirst_PagedWithTheTotal_AndNeverAnotherOrderersCases()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var annas = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            annas.Add(await PlaceAsync(client, OrderApiBodies.NewUndersköterska(), $"Anna {i}", 810 + i));
        }

        var eriks = await PlaceAsync(client, ErikOrders(), "Erik 0", 820);

        var first = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders?orderer={Anna}&page=1&pageSize=2", Ct))!;
        var second = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders?orderer={Anna.ToUpperInvariant()}&page=2&pageSize=2", Ct))!;
        var erik = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders?orderer={Erik}", Ct))!;

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal((1, 2), (first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>()));
        Assert.Equal([annas[2], annas[1]], CaseNumbers(first));
        Assert.Equal([annas[0]], CaseNumbers(second));
        Assert.Equal(3, second["total"]!.GetValue<int>());
        Assert.Equal([eriks], CaseNumbers(erik));
        Assert.DoesNotContain(eriks, CaseNumbers(first).Concat(CaseNumbers(second)));
    }

    [Fact]
    public async Task ListOrders_ByStatus_GivesOnlyThoseInIt_WithTheQuestionOrTheReason()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var waiting = await PlaceAsync(client, OrderApiBodies.NewUndersköterska(), "Vera Väntar", 830);
        var rejected = await PlaceAsync(client, OrderApiBodies.NewUndersköterska(), "Rut Avvisad", 831);
        await PlaceAsync(client, OrderApiBodies.NewUndersköterska(), "Mona Mottagen", 832);
        await ChangeAsync(app, waiting, order => order.MoveTo(OrderStatus.WaitingForOrderer, Operator, Now, "Vilken titel ska hon ha?"));
        await ChangeAsync(app, rejected, order => order.MoveTo(OrderStatus.Rejected, Operator, Now, "Personen är inte anställd."));

        var waitingList = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders?orderer={Anna}&status=waitingForOrderer", Ct))!;
        var rejectedList = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders?orderer={Anna}&status=rejected", Ct))!;

        var asked = Assert.Single(waitingList["items"]!.AsArray())!;
        Assert.Equal(waiting, asked["caseNumber"]!.GetValue<string>());
        Assert.Equal("Väntar på beställare", asked["statusText"]!.GetValue<string>());
        Assert.Equal("Vilken titel ska hon ha?", asked["question"]!.GetValue<string>());
        Assert.Null(asked["reason"]);
        var refused = Assert.Single(rejectedList["items"]!.AsArray())!;
        Assert.Equal(("rejected", "Avvisad"), (refused["status"]!.GetValue<string>(), refused["statusText"]!.GetValue<string>()));
        Assert.Equal("Personen är inte anställd.", refused["reason"]!.GetValue<string>());
        Assert.Null(refused["question"]);
    }

    [Theory]
    [InlineData("", "orderer")]
    [InlineData("?orderer=inte-en-adress", "orderer")]
    [InlineData("?orderer=anna.lindqvist@kommun.example&status=klar", "status")]
    [InlineData("?orderer=anna.lindqvist@kommun.example&page=0", "page")]
    [InlineData("?orderer=anna.lindqvist@kommun.example&page=ett", "page")]
    [InlineData("?orderer=anna.lindqvist@kommun.example&pageSize=101", "pageSize")]
    [InlineData("?orderer=anna.lindqvist@kommun.example&pageSize=0", "pageSize")]
    public async Task ListOrders_WithAMissingOrBadParameter_Is400ProblemJson_NamingIt(string query, string field)
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);

        using var response = await client.GetAsync("/api/v1/orders" + query, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task ListOrders_WithoutTheApiKey_Is401()
    {
        await using var app = await StartAsync();
        using var client = app.CreateTestClient();

        using var response = await client.GetAsync($"/api/v1/orders?orderer={Anna}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetOrder_HasTheStatusFields_AndAProtectedPersonIsSkyddadPerson()
    {
        await using var app = await StartAsync();
        using var client = ApiClient(app);
        var caseNumber = await PlaceAsync(client, OrderApiBodies.NewUndersköterska(), "Lisa Andersson", 840);
        int id;
        await using (var db = await CreateDbContextAsync(app))
        {
            var order = await db.Orders.Include(o => o.Employee).SingleAsync(o => o.CaseNumber == caseNumber, Ct);
            id = order.Id;
        }

        var open = JsonNode.Parse(await client.GetStringAsync($"/api/v1/orders/{id}", Ct))!;
        await using (var db = await CreateDbContextAsync(app))
        {
            var employee = await db.Employees.SingleAsync(Ct);
            employee.Protect("Skyddad folkbokföring.");
            await db.SaveChangesAsync(Ct);
        }

        var text = await client.GetStringAsync($"/api/v1/orders/{id}", Ct);
        var hidden = JsonNode.Parse(text)!;

        Assert.Equal(
            (caseNumber, "new", "received", "Mottagen", "Lisa Andersson", OrderApiBodies.Date(10)),
            (open["caseNumber"]!.GetValue<string>(), open["type"]!.GetValue<string>(), open["status"]!.GetValue<string>(),
                open["statusText"]!.GetValue<string>(), open["employeeName"]!.GetValue<string>(), open["startDate"]!.GetValue<string>()));
        Assert.Null(open["completedAt"]);
        Assert.NotNull(open["receivedAt"]);
        Assert.NotEmpty(open["systems"]!.AsArray());
        Assert.Equal("Skyddad person", hidden["employeeName"]!.GetValue<string>());
        Assert.DoesNotContain("Lisa", text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyRegisterData.PersonnummerFor(840)[..8], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheListing_AndTheUnitsManagers()
    {
        await using var app = await StartAsync();
        using var client = app.CreateTestClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;

        var list = document["paths"]!["/api/v1/orders"]!["get"]!;
        Assert.Equal("ListOrders", list["operationId"]!.GetValue<string>());
        Assert.Equal(
            ["orderer", "page", "pageSize", "status"],
            list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["OrderListResponse"]);
        Assert.NotNull(schemas["OrderStatusResponse"]!["properties"]!["question"]);
        Assert.NotNull(schemas["ReferenceUnitResponse"]!["properties"]!["managers"]);
    }

    private static readonly Actor Operator = new("op-1", "Sara Nilsson");

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static JsonObject ErikOrders()
    {
        var body = OrderApiBodies.NewUndersköterska();
        body["unit"] = "Tallgårdens vård- och omsorgsboende";
        body["orderer"] = new JsonObject { ["name"] = "Erik Johansson", ["email"] = Erik };
        body["manager"] = new JsonObject { ["name"] = "Erik Johansson", ["email"] = Erik };
        return body;
    }

    private static IEnumerable<string> Managers(JsonNode unit) =>
        unit["managers"]!.AsArray().Select(m => $"{m!["name"]} <{m["email"]}>");

    private static List<string> CaseNumbers(JsonNode list) =>
        [.. list["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>())];

    /// <summary>Places the order for a person of its own (personnummer number <paramref name="serial"/>) and returns its case number.</summary>
    private static async Task<string> PlaceAsync(HttpClient client, JsonNode body, string fullName, int serial)
    {
        body["employee"] = new JsonObject { ["fullName"] = fullName, ["personnummer"] = KeyRegisterData.PersonnummerFor(serial) };
        using var response = await PostAsync(client, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["caseNumber"]!.GetValue<string>();
    }

    private static async Task ChangeAsync(AdminAppFactory app, string caseNumber, Action<Order> change)
    {
        await using var db = await CreateDbContextAsync(app);
        var order = await db.Orders.SingleAsync(o => o.CaseNumber == caseNumber, Ct);
        order.Take(Operator, Now, []);
        change(order);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<AdminAppFactory> StartAsync()
    {
        var app = AdminAppFactory.EntraId().WithSetting("Intake:ApiKeys:0", ApiKey);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        return app;
    }

    private static HttpClient ApiClient(AdminAppFactory app)
    {
        var client = app.CreateTestClient();
        client.DefaultRequestHeaders.Add(IntakeApiAuth.ApiKeyHeader, ApiKey);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
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
}
