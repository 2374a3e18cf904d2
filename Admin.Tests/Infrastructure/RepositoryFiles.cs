namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>The repository's own files, for tests that hold documents or source text to a rule.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds <c>SocItConsole.sln</c>, found upwards from the test's output folder.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SocItConsole.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("SocItConsole.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The source files below <paramref name="folder"/> with one of <paramref name="extensions"/>, not build output.</summary>
    public static IEnumerable<string> Source(string folder, params string[] extensions)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(Root(), folder), "*.*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal))
                && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal));
    }
}
