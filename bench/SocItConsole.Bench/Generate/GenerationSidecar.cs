using System.Text.Json;

namespace SocItConsole.Bench.Generate;

/// <summary>
/// What a generated file holds, written beside it as <c>FILE.json</c>: the scale, the day it was generated for, the
/// schema (last migration) and the generator's version, so that a benchmark run can tell whether the file is reusable.
/// </summary>
internal sealed record GenerationSidecar(
    Scale Scale,
    int GeneratorVersion,
    string LastMigration,
    DateOnly Today,
    DateTimeOffset GeneratedAt,
    double Seconds,
    long Bytes,
    IReadOnlyDictionary<string, long> Counts)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathFor(string databasePath) => databasePath + ".json";

    public static GenerationSidecar? Read(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GenerationSidecar>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the sidecar through a temporary file, so that a reader never sees half of it.</summary>
    public void Write(string databasePath)
    {
        var path = PathFor(databasePath);
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
