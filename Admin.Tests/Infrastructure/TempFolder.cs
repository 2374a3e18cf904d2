namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>A folder of its own for one test's database and keys, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("socit-test-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing must not fail the test; the OS cleans its temp folder.
        }
    }
}
