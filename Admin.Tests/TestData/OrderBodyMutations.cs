using System.Text;
using System.Text.Json.Nodes;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>What was done to a valid order body.</summary>
public enum MutationKind
{
    WrongType,
    MissingField,
    ExtraField,
    NullValue,
    HugeString,
    DeepNesting,
    InvalidUtf8,
    NumberForString,
    ArrayForObject,
    DuplicateKey,
    Truncated,
    WrongContentType,
    EmptyBody,
    HostileText,
    Reformatted,
}

/// <summary>A body to send as it is: its bytes and Content-Type (null: no header), and what was done to it.</summary>
public sealed record MutatedBody(MutationKind Kind, string Description, byte[] Content, string? ContentType)
{
    public override string ToString() => $"{Kind}: {Description} ({Content.Length} bytes, {ContentType ?? "no Content-Type"})";
}

/// <summary>
/// Deterministic mutations of the valid bodies in <see cref="OrderApiBodies"/>: the same seed and kind always give the
/// same bytes, so a failing body can be rebuilt from the seed the test prints.
/// </summary>
public static class OrderBodyMutations
{
    public const string Json = "application/json";

    /// <summary>One megabyte of text, for a field of an otherwise valid body.</summary>
    public const int HugeLength = 1024 * 1024;

    /// <summary>Levels of nesting put into a body.</summary>
    public const int DeepLevels = 10_000;

    private const string Placeholder = "__MUTATION__";

    private static readonly string[] HostileTexts =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "\"><svg onload=window.__xss=1>",
        "=HYPERLINK(\"http://evil.example\";\"klicka\")",
        "+46 70 123 45 67",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "Robert'); DROP TABLE Orders;--",
        "\u202Eexe.txt",
        "\0\u0001\u001F\u007F",
        "\uD800",
        "\uDC00abc",
        "😀👩‍👩‍👧‍👦",
        "Z\u0301\u0301\u0301\u0301",
        "   ",
        "",
        "åäö ÅÄÖ é ü",
        "\r\n\t",
        "{{7*7}} ${7*7} @(7*7)",
        "../../etc/passwd",
        "%00%0d%0a",
    ];

    private static readonly string[] ExtraNames =
        ["isAdmin", "__proto__", "$type", "Type", "TYPE", "employee.fullName", "id", "status", "", " type", "typ\u0065\u0301", "constructor"];

    private static readonly string[] ContentTypes =
    [
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=iso-8859-1",
        "application/json; charset=utf-16",
        "application/jsonx",
        "application/problem+json",
        "text/json",
        "*/*",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF],
        [0xC3, 0x28],
        [0xED, 0xA0, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xC0, 0xAF],
        [0x80],
        [0xE2, 0x82],
        [0xF4, 0x90, 0x80, 0x80],
    ];

    public static MutatedBody Create(int seed, MutationKind kind)
    {
        var random = new Random(seed);
        var body = random.Next(2) == 0 ? OrderApiBodies.NewUndersköterska() : OrderApiBodies.Extend();
        switch (kind)
        {
            case MutationKind.WrongType:
            {
                var (parent, key, node) = Pick(body, random, _ => true);
                JsonNode? replacement = node switch
                {
                    JsonObject => random.Next(2) == 0 ? JsonValue.Create("text") : JsonValue.Create(7),
                    JsonArray => random.Next(2) == 0 ? new JsonObject { ["name"] = "Lifecare" } : JsonValue.Create("Lifecare"),
                    _ => random.Next(4) switch
                    {
                        0 => JsonValue.Create(true),
                        1 => JsonValue.Create(3.14),
                        2 => new JsonArray(),
                        _ => new JsonObject(),
                    },
                };
                Set(parent, key, replacement);
                return Text(kind, $"{Path(parent, key)} as {replacement?.GetValueKind()}", body);
            }

            case MutationKind.MissingField:
            {
                var (parent, key, _) = Pick(body, random, _ => true);
                Remove(parent, key);
                return Text(kind, $"without {Path(parent, key)}", body);
            }

            case MutationKind.ExtraField:
            {
                var objects = Nodes(body).Select(n => n.Node).OfType<JsonObject>().Prepend(body).ToList();
                var target = objects[random.Next(objects.Count)];
                var name = ExtraNames[random.Next(ExtraNames.Length)];
                if (target.ContainsKey(name))
                {
                    name += "X";
                }

                target[name] = random.Next(2) == 0 ? "extra" : new JsonObject { ["nested"] = 1 };
                return Text(kind, $"extra \"{name}\" in {target.GetPath()}", body);
            }

            case MutationKind.NullValue:
            {
                var (parent, key, _) = Pick(body, random, _ => true);
                Set(parent, key, null);
                return Text(kind, $"{Path(parent, key)} = null", body);
            }

            case MutationKind.HugeString:
            {
                var (parent, key, _) = Pick(body, random, IsString);
                Set(parent, key, new string((char)('a' + random.Next(26)), HugeLength));
                return Text(kind, $"{Path(parent, key)} of {HugeLength} characters", body);
            }

            case MutationKind.DeepNesting:
            {
                var (parent, key, _) = Pick(body, random, _ => true);
                Set(parent, key, Placeholder);
                var objects = random.Next(2) == 0;
                var deep = objects
                    ? string.Concat(Enumerable.Repeat("{\"a\":", DeepLevels)) + "1" + new string('}', DeepLevels)
                    : new string('[', DeepLevels) + "1" + new string(']', DeepLevels);
                var text = body.ToJsonString().Replace($"\"{Placeholder}\"", deep, StringComparison.Ordinal);
                return new(kind, $"{Path(parent, key)} nested {DeepLevels} levels of {(objects ? "objects" : "arrays")}", Encoding.UTF8.GetBytes(text), Json);
            }

            case MutationKind.InvalidUtf8:
            {
                var (parent, key, _) = Pick(body, random, IsString);
                Set(parent, key, "A" + Placeholder + "B");
                var bad = BadUtf8[random.Next(BadUtf8.Length)];
                var text = Encoding.UTF8.GetBytes(body.ToJsonString());
                var at = text.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Placeholder));
                byte[] bytes = [.. text.AsSpan(0, at), .. bad, .. text.AsSpan(at + Placeholder.Length)];
                return new(kind, $"{Path(parent, key)} with bytes {Convert.ToHexString(bad)}", bytes, Json);
            }

            case MutationKind.NumberForString:
            {
                var (parent, key, _) = Pick(body, random, IsString);
                var number = JsonNode.Parse(random.Next(5) switch
                {
                    0 => "19900101",
                    1 => "-1",
                    2 => "0.5",
                    3 => "1e400",
                    _ => "12345678901234567890123",
                })!;
                Set(parent, key, number);
                return Text(kind, $"{Path(parent, key)} = {number.ToJsonString()}", body);
            }

            case MutationKind.ArrayForObject:
            {
                var candidates = new[] { "employee", "key", "orderer", "manager", "$" };
                var name = candidates[random.Next(candidates.Length)];
                if (name == "$" || body[name] is not JsonObject inner)
                {
                    return Text(kind, "the whole body in an array", new JsonArray(body));
                }

                body[name] = new JsonArray(inner.DeepClone());
                return Text(kind, $"{name} as an array", body);
            }

            case MutationKind.DuplicateKey:
            {
                var (parent, key, node) = Pick(body, random, n => n is not null);
                var text = body.ToJsonString();
                if (parent is not JsonObject owner || key is not string name)
                {
                    text = "{\"type\":\"extend\"," + text[1..];
                    return new(kind, "type twice at the root", Encoding.UTF8.GetBytes(text), Json);
                }

                var value = random.Next(2) == 0 ? node!.ToJsonString() : "\"annat\"";
                var ownerText = owner.ToJsonString();
                var duplicated = "{" + $"\"{name}\":{value}," + ownerText[1..];
                text = owner == body ? duplicated : text.Replace(ownerText, duplicated, StringComparison.Ordinal);
                return new(kind, $"{Path(parent, key)} twice", Encoding.UTF8.GetBytes(text), Json);
            }

            case MutationKind.Truncated:
            {
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                var length = random.Next(bytes.Length);
                return new(kind, $"cut after {length} of {bytes.Length} bytes", bytes[..length], Json);
            }

            case MutationKind.WrongContentType:
            {
                var type = random.Next(ContentTypes.Length + 1) is var i && i < ContentTypes.Length ? ContentTypes[i] : null;
                var encoding = type?.Contains("utf-16", StringComparison.Ordinal) == true ? Encoding.Unicode : Encoding.UTF8;
                return new(kind, $"Content-Type {type ?? "missing"}", encoding.GetBytes(body.ToJsonString()), type);
            }

            case MutationKind.EmptyBody:
            {
                string[] empties = ["", " ", "\r\n", "null", "[]", "\"order\"", "0", "true", "{", "}", "\uFEFF"];
                var text = empties[random.Next(empties.Length)];
                return new(kind, $"body '{text.Replace("\r\n", "\\r\\n", StringComparison.Ordinal)}'", Encoding.UTF8.GetBytes(text), Json);
            }

            case MutationKind.HostileText:
            {
                var (parent, key, _) = Pick(body, random, IsString);
                var text = HostileTexts[random.Next(HostileTexts.Length)];
                Set(parent, key, text);
                return Text(kind, $"{Path(parent, key)} = hostile text #{Array.IndexOf(HostileTexts, text)}", body);
            }

            case MutationKind.Reformatted:
            {
                // Still valid: other whitespace, property order and escapes say the same thing.
                var reordered = new JsonObject(body.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Reverse());
                var text = reordered.ToJsonString(new() { WriteIndented = random.Next(2) == 0 })
                    .Replace("Hemtjänst", "Hemtj\\u00e4nst", StringComparison.Ordinal);
                return new(kind, "reordered, reindented and escaped", Encoding.UTF8.GetBytes(text), random.Next(2) == 0 ? Json : "application/json; charset=utf-8");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static MutatedBody Text(MutationKind kind, string description, JsonNode body) =>
        new(kind, description, Encoding.UTF8.GetBytes(body.ToJsonString()), Json);

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String;

    /// <summary>Every property and array item below <paramref name="root"/>: its parent, its name or index, and itself.</summary>
    private static List<(JsonNode Parent, object Key, JsonNode? Node)> Nodes(JsonNode root)
    {
        var result = new List<(JsonNode, object, JsonNode?)>();
        void Walk(JsonNode node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        result.Add((o, name, child));
                        if (child is not null)
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        result.Add((a, i, a[i]));
                        if (a[i] is { } child)
                        {
                            Walk(child);
                        }
                    }

                    break;
            }
        }

        Walk(root);
        return result;
    }

    private static (JsonNode Parent, object Key, JsonNode? Node) Pick(JsonObject body, Random random, Func<JsonNode?, bool> where)
    {
        var candidates = Nodes(body).Where(n => where(n.Node)).ToList();
        return candidates[random.Next(candidates.Count)];
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent.AsObject()[name] = value;
        }
        else
        {
            parent.AsArray()[(int)key] = value;
        }
    }

    private static void Remove(JsonNode parent, object key)
    {
        if (key is string name)
        {
            parent.AsObject().Remove(name);
        }
        else
        {
            parent.AsArray().RemoveAt((int)key);
        }
    }

    private static string Path(JsonNode parent, object key) =>
        key is string name ? $"{parent.GetPath()}.{name}" : $"{parent.GetPath()}[{key}]";
}
