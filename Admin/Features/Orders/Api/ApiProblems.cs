using Microsoft.AspNetCore.Diagnostics;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>Every error the API answers is <c>application/problem+json</c>, in Swedish, and never the HTML status page.</summary>
internal static class ApiProblems
{
    public const string ValidationTitle = "Beställningen innehåller fel";
    public const string UnreadableTitle = "Begäran kunde inte läsas";
    public const string QueryTitle = "Frågan innehåller fel";

    public static IResult Problem(int status, string title, string? detail = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    public static IResult Unreadable(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            title: UnreadableTitle);

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        KeepOffStatusCodePages(context);
        return Problem(status, title, detail).ExecuteAsync(context);
    }

    /// <summary>The app re-executes bodiless errors as HTML pages; an API answer must stay as it is.</summary>
    public static void KeepOffStatusCodePages(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
    }
}
