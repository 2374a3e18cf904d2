using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace SocItConsole.Admin.Features.Orders.Api;

/// <summary>An order body as read: the order and the hash of its canonical form, or the problem to answer with.</summary>
internal sealed record OrderBodyRead(OrderBody? Body, string? Hash, IResult? Problem);

/// <summary>
/// Reads the order body itself rather than through model binding, so that every kind of bad input gets a Swedish
/// problem naming the field instead of a 500: at most <see cref="MaxBytes"/> (TestServer and other hosts do not enforce
/// Kestrel's limits), <c>application/json</c> in UTF-8 only, strict JSON with no unknown or repeated properties and no
/// numbers for names.
/// </summary>
internal static class OrderBodyReader
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>For reading, and for the canonical form whose hash an Idempotency-Key is checked against.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    private const string Root = "$";

    public static async Task<OrderBodyRead> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!IsJsonUtf8(request.ContentType))
        {
            return Failed(ApiProblems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                "Fel innehållstyp",
                "Skicka beställningen som JSON med Content-Type: application/json (UTF-8)."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return Failed(TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        int length;
        try
        {
            length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return Failed(ApiProblems.Unreadable(Root, "Begäran kunde inte läsas till slut."));
        }

        if (length > MaxBytes)
        {
            return Failed(TooLarge());
        }

        try
        {
            var body = JsonSerializer.Deserialize<OrderBody>(buffer.AsSpan(0, length), Options);
            if (body is null)
            {
                return Failed(ApiProblems.Unreadable(Root, "Begäran ska vara ett JSON-objekt med en beställning."));
            }

            // Re-serialised, the body has one spelling whatever the client's whitespace, property order or escapes.
            var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Options)));
            return new OrderBodyRead(body, hash, null);
        }
        catch (JsonException error)
        {
            var (field, message) = Describe(error);
            return Failed(ApiProblems.Unreadable(field, message));
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Whatever else the serializer may throw on odd input is the client's input, not a server error.
            return Failed(ApiProblems.Unreadable(Root, "Begäran kunde inte läsas som en beställning."));
        }
    }

    private static OrderBodyRead Failed(IResult problem) => new(null, null, problem);

    private static IResult TooLarge() => ApiProblems.Problem(
        StatusCodes.Status413PayloadTooLarge,
        "Begäran är för stor",
        $"En beställning får vara högst {MaxBytes / 1024} KiB.");

    private static bool IsJsonUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The field (as <see cref="OrderApiFields"/> names them) and a Swedish message.</summary>
    private static (string Field, string Message) Describe(JsonException error)
    {
        var segments = PathSegments(error.Path);
        var field = segments.Count == 0 ? Root : Field(segments);
        if (error is BodyFieldException)
        {
            return (field, error.Message);
        }

        if (error.InnerException is JsonException)
        {
            // The reader's own errors: the text is not JSON at all.
            var line = (error.LineNumber ?? 0) + 1;
            var position = (error.BytePositionInLine ?? 0) + 1;
            return (Root, string.Create(
                CultureInfo.InvariantCulture, $"Begäran är inte giltig JSON (rad {line}, position {position})."));
        }

        if (segments.Count == 0)
        {
            return (Root, "Begäran ska vara ett JSON-objekt med en beställning.");
        }

        var parent = Options.GetTypeInfo(typeof(OrderBody));
        for (var i = 0; i < segments.Count - 1 && parent is not null; i++)
        {
            parent = Step(parent, segments[i]);
        }

        var last = segments[^1];
        if (parent is { Kind: JsonTypeInfoKind.Object } owner && last is string name
            && owner.Properties.All(p => p.Name != name))
        {
            var allowed = string.Join(", ", owner.Properties.Select(p => p.Name));
            return (field, $"Okänd egenskap \"{Quote(name)}\". Tillåtna här: {allowed}.");
        }

        var type = parent is null ? null : Step(parent, last)?.Type;
        return (field, "Ogiltigt värde: " + Expected(type) + ".");
    }

    private static JsonTypeInfo? Step(JsonTypeInfo parent, object segment)
    {
        var type = segment switch
        {
            string name when parent.Kind == JsonTypeInfoKind.Object => parent.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType,
            int when parent.Kind == JsonTypeInfoKind.Enumerable => parent.ElementType,
            _ => null,
        };
        return type is null ? null : Options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
    }

    private static string Expected(Type? type) => type switch
    {
        null => "kontrollera värdets typ",
        _ when type == typeof(string) => "ska vara en text",
        _ when type == typeof(DateOnly) => "ska vara ett datum som ÅÅÅÅ-MM-DD, t.ex. 2026-12-07",
        _ when type == typeof(SystemBody) => "ett system anges med sitt namn eller som { \"name\": …, \"level\": … }",
        { IsEnum: true } => "ska vara något av " + string.Join(", ", Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.Serialize(v, type, Options))),
        _ when Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable => "ska vara en lista",
        _ when Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Object => "ska vara ett objekt",
        _ => "kontrollera värdets typ",
    };

    /// <summary><c>$.systems[1].name</c> → systems, 1, name; <c>$['odd name']</c> → odd name.</summary>
    private static List<object> PathSegments(string? path)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end].Replace("\\'", "'", StringComparison.Ordinal));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    ? index
                    : path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    private static string Field(List<object> segments) =>
        string.Concat(segments.Select((s, i) => s switch
        {
            int index => string.Create(CultureInfo.InvariantCulture, $"[{index}]"),
            _ => i == 0 ? $"{s}" : $".{s}",
        }));

    private static string Quote(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
