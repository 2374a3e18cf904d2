using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the intake API only, with how to authenticate.</summary>
internal static class IntakeOpenApi
{
    /// <summary>
    /// The order body, described here rather than with <c>Accepts</c>: that metadata would make routing turn away other
    /// content types before the endpoint could answer them with a 415 problem.
    /// </summary>
    public static async Task DescribeOrderBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(OrderBody), null, ct);
        context.Document!.AddComponent(nameof(OrderBody), schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(OrderBody), context.Document) },
            },
        };
    }

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description =>
            description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "SocItConsole – beställningar från e-tjänsten";
            document.Info.Description =
                "Beställningar av IT-behörigheter till Soc-IT. Autentisera med X-Api-Key"
                + " eller, där Entra ID används, en token med app-rollen Intake.";
            var acceptsBearer = context.ApplicationServices.GetRequiredService<IntakeApiSchemes>().AcceptsBearer;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[IntakeApiAuth.ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = IntakeApiAuth.ApiKeyHeader,
                Description = "En av nycklarna i Intake:ApiKeys.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(IntakeApiAuth.ApiKeyScheme, document)] = [],
            });
            if (acceptsBearer)
            {
                document.Components.SecuritySchemes[IntakeApiAuth.BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = $"En Entra ID-token för den här appen med app-rollen {IntakeApiAuth.Role}.",
                };
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(IntakeApiAuth.BearerScheme, document)] = [],
                });
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // A system is read by its own converter, which the schema generator cannot see into.
            if (context.JsonTypeInfo.Type == typeof(IReadOnlyList<SystemBody>))
            {
                schema.Items = SystemSchema();
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiSchema SystemSchema() => new()
    {
        Description = "Systemets namn, eller namn och nivå; utan nivå blir det systemets lägsta.",
        OneOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String },
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["level"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                },
                Required = new HashSet<string>(StringComparer.Ordinal) { "name" },
            },
        ],
    };
}
