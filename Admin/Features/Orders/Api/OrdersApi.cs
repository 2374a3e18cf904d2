using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>
/// The JSON API the municipality's e-service sends orders through, under <c>/api/v1</c>, described at
/// <c>/openapi/v1.json</c>. Orders go through <see cref="OrderIntake"/> like the console's, on the e-service channel.
/// </summary>
public static partial class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string Tag = "Beställningar";
    private const int DefaultPageSize = 20;

    public static WebApplicationBuilder AddOrdersApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var keys = builder.Configuration.GetSection(IntakeApiAuth.ApiKeysSetting).Get<string[]>() ?? [];
        var problems = IntakeApiAuth.ValidateApiKeys(keys, builder.Environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "SocItConsole cannot start: the intake API keys are not usable: " + string.Join("; ", problems) + ".");
        }

        var azureAd = builder.Configuration.GetSection(AzureAdSettings.SectionName);
        var schemes = new IntakeApiSchemes(AcceptsBearer: AdminAuthentication.ResolveMode(azureAd, builder.Environment) == SignInMode.EntraId);
        builder.Services.AddSingleton(schemes);

        var authentication = builder.Services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                IntakeApiAuth.ApiKeyScheme, options => options.ApiKeys = [.. keys.Select(k => k.Trim())]);
        if (schemes.AcceptsBearer)
        {
            authentication.AddJwtBearer(IntakeApiAuth.BearerScheme, options => ConfigureBearer(options, azureAd));
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(IntakeApiAuth.Policy, policy => policy
            .AddAuthenticationSchemes(schemes.Names)
            .RequireAuthenticatedUser()
            .RequireRole(IntakeApiAuth.Role));
        builder.Services.AddOpenApi(IntakeOpenApi.Configure);
        builder.AddOrderApiRateLimiting();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        // The document describes the API and holds no data.
        endpoints.MapOpenApi().AllowAnonymous();

        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(IntakeApiAuth.Policy)
            .AddEndpointFilter(KeepErrorsInProblemJsonAsync)
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapPost("/orders", PlaceOrderAsync)
            .RequireRateLimiting(OrderApiRateLimiting.Policy)
            .WithName("PlaceOrder")
            .WithSummary("Lägg en beställning")
            .WithDescription(
                "Tar emot en beställning (ny, utökad, tillfällig behörighet till annan verksamhet eller avslut) och "
                + "svarar 201 när den är sparad. Med headern Idempotency-Key (högst 100 tecken) ger ett nytt försök med "
                + "samma innehåll den redan sparade beställningen (200); samma nyckel med annat innehåll ger 409. "
                + "Fel i beställningen ges som 400 med errors per fält, med svenska texter.")
            .AddOpenApiOperationTransformer(IntakeOpenApi.DescribeOrderBodyAsync)
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .Produces<OrderResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/orders/{id:int}", GetOrderAsync)
            .WithName("GetOrder")
            .WithSummary("Hämta en beställning med dess aktuella status")
            .WithDescription(
                "Status som ord (statusText), Soc-ITs fråga medan ärendet väntar på beställaren (question), skälet när det "
                + "avvisats (reason) och datumen. En person med skyddad identitet heter \"Skyddad person\".")
            .Produces<OrderStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/orders", ListOrdersAsync)
            .WithName("ListOrders")
            .WithSummary("En beställares ärenden, nyaste först (för e-tjänstens \"mina sidor\")")
            .WithDescription(
                "orderer är den inloggade beställarens e-postadress (krävs); bara ärenden med den beställaren listas. "
                + "status (valfri): received, inProgress, waitingForOrderer, completed eller rejected. page räknas från 1 "
                + $"(standard 1), pageSize 1–{OrdererCases.MaxPageSize} (standard {DefaultPageSize}). total är antalet ärenden "
                + "som matchar. Fel i parametrarna ges som 400 med errors per parameter.")
            .Produces<OrderListResponse>()
            .ProducesValidationProblem();

        api.MapGet("/reference", GetReferenceAsync)
            .WithName("GetReference")
            .WithSummary("Titlar, verksamheter och system som en beställning kan ange (bara aktiva)")
            .WithDescription(
                "keyPools är verksamhetens nyckelpooler i nyckelregistret. managers är verksamhetens registrerade chefer: "
                + "en beställnings ansvariga chef (manager) ska vara en av dem, annars svarar API:et 400 under manager.email.")
            .Produces<ReferenceResponse>();

        // Anything else under /api is a 404 in problem+json, not the console's HTML page or a sign-in redirect.
        endpoints.Map("/api/{**path}", () => ApiProblems.Problem(
                StatusCodes.Status404NotFound, "Adressen finns inte", "Se /openapi/v1.json för API:ets adresser."))
            .AllowAnonymous()
            .AddEndpointFilter(KeepErrorsInProblemJsonAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> PlaceOrderAsync(HttpContext context, OrderIntake intake, CancellationToken ct)
    {
        if (!TryReadIdempotencyKey(context.Request, out var idempotencyKey, out var keyProblem))
        {
            return keyProblem;
        }

        var read = await OrderBodyReader.ReadAsync(context.Request, ct);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var result = await intake.PlaceAsync(
            read.Body!.ToOrderRequest(),
            OrderChannel.EService,
            IntakeApiAuth.ActorFor(context.User),
            idempotencyKey,
            idempotencyKey is null ? null : read.Hash,
            ct);
        return result switch
        {
            PlaceOrderResult.Created created =>
                TypedResults.Created(OrderLocation(created.Receipt.Id), OrderResponse.From(created.Receipt)),
            PlaceOrderResult.Replayed replayed => TypedResults.Ok(OrderResponse.From(replayed.Receipt)),
            PlaceOrderResult.Invalid invalid => TypedResults.ValidationProblem(
                OrderApiFields.ToPaths(invalid.Errors),
                detail: "Inget har sparats. Rätta fälten i errors och skicka igen.",
                title: ApiProblems.ValidationTitle),
            PlaceOrderResult.IdempotencyConflict conflict => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "Idempotency-Key är redan använd",
                $"Nyckeln hör till beställning {conflict.CaseNumber}, som hade ett annat innehåll. Använd en ny nyckel för en ny beställning."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    private static async Task<IResult> GetOrderAsync(int id, OrdererCases cases, CancellationToken ct) =>
        await cases.GetAsync(id, ct) is { } order
            ? TypedResults.Ok(OrderStatusResponse.From(order))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Beställningen finns inte", $"Det finns ingen beställning med id {id}.");

    private static async Task<IResult> ListOrdersAsync(
        string? orderer, string? status, string? page, string? pageSize, OrdererCases cases, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(orderer))
        {
            errors["orderer"] = ["Ange beställarens e-postadress."];
        }
        else if (!EmailAddress.TryParse(orderer, out _, out var emailError))
        {
            errors["orderer"] = [$"Beställarens e-post: {emailError}"];
        }

        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status) && (wanted = ApiWire.ParseStatus(status)) is null)
        {
            errors["status"] = [$"Okänd status \"{status}\". Tillåtna: {string.Join(", ", ApiWire.StatusNames)}."];
        }

        var pageNumber = ReadNumber(page, 1, 1, int.MaxValue / OrdererCases.MaxPageSize, "page", "Sidan räknas från 1.", errors);
        var size = ReadNumber(
            pageSize, DefaultPageSize, 1, OrdererCases.MaxPageSize, "pageSize", $"Sidstorleken ska vara 1–{OrdererCases.MaxPageSize}.", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Rätta parametrarna i errors och fråga igen.", title: ApiProblems.QueryTitle);
        }

        var result = await cases.ListAsync(EmailAddress.Parse(orderer), wanted, pageNumber - 1, size, ct);
        return TypedResults.Ok(new OrderListResponse([.. result.Items.Select(OrderStatusResponse.From)], result.TotalCount, pageNumber, size));
    }

    private static int ReadNumber(
        string? text, int fallback, int min, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [message];
        return fallback;
    }

    private static async Task<Ok<ReferenceResponse>> GetReferenceAsync(
        OrderIntake intake, KeyPoolDirectory pools, CancellationToken ct) =>
        TypedResults.Ok(ReferenceResponse.From(await intake.LoadReferenceAsync(ct), await pools.NamesByUnitAsync(ct)));

    private static string OrderLocation(int id) => $"/api/v1/orders/{id}";

    private static bool TryReadIdempotencyKey(HttpRequest request, out string? key, out IResult problem)
    {
        key = null;
        problem = null!;
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader, out var values))
        {
            return true;
        }

        var message = values.Count != 1 || string.IsNullOrWhiteSpace(values[0])
            ? "Ange en nyckel, en gång, eller utelämna headern."
            : values[0]!.Length > Order.IdempotencyKeyMaxLength
                ? $"Nyckeln får vara högst {Order.IdempotencyKeyMaxLength} tecken."
                : null;
        if (message is not null)
        {
            problem = ApiProblems.Unreadable(IdempotencyKeyHeader, message);
            return false;
        }

        key = values[0];
        return true;
    }

    private static void ConfigureBearer(JwtBearerOptions options, IConfiguration azureAd)
    {
        var clientId = azureAd["ClientId"]!;
        options.Authority = $"{azureAd["Instance"]!.TrimEnd('/')}/{azureAd["TenantId"]}/v2.0";
        options.Audience = clientId;
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidAudiences = [clientId, $"api://{clientId}"];
        options.TokenValidationParameters.NameClaimType = UserClaims.Name;
        options.TokenValidationParameters.RoleClaimType = UserClaims.Roles;
    }

    /// <summary>
    /// Keeps the status-code pages off API answers and turns an unexpected failure into a 500 problem rather than the
    /// HTML error page. The order is either committed or not: a retry with the same Idempotency-Key is always safe.
    /// </summary>
    private static async ValueTask<object?> KeepErrorsInProblemJsonAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        ApiProblems.KeepOffStatusCodePages(http);
        try
        {
            return await next(context);
        }
        catch (Exception error) when (!http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrdersApi)), error);
            return ApiProblems.Problem(
                StatusCodes.Status500InternalServerError,
                "Något gick fel",
                "Försök igen om en stund. Med samma Idempotency-Key blir det ingen dubblett.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake API request failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
