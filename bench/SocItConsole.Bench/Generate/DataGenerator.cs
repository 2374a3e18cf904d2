namespace SocItConsole.Bench.Generate;

/// <summary>Placeholder until the generator lands (see Scale).</summary>
internal static class DataGenerator
{
    public static Task GenerateAsync(Scale scale, string path, bool force, bool progress, CancellationToken ct) =>
        throw new NotImplementedException($"{scale} {path} {force} {progress} {ct.IsCancellationRequested}");
}

internal sealed record Scale(string Name)
{
    public static Scale Named(string name) => new(name);
}
