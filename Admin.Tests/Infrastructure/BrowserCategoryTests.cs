using System.Reflection;
using SocItConsole.Admin.Tests.Browser;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// The README's fast run, <c>dotnet test --filter "Category!=Browser"</c>, leaves out exactly the tests that drive
/// Chromium: every one of them is in the browser group, the group carries the category, and nothing else uses a browser.
/// </summary>
public class BrowserCategoryTests
{
    [Fact]
    public void TheBrowserGroup_CarriesTheBrowserCategory()
    {
        var traits = typeof(BrowserTestGroup).GetCustomAttributes<TraitAttribute>();

        Assert.Contains(traits, t => t.Name == "Category" && t.Value == "Browser");
    }

    [Fact]
    public void EveryTestClassInBrowser_IsInTheBrowserGroup()
    {
        var classes = typeof(BrowserTestGroup).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(BrowserTestGroup).Namespace && HasTests(t))
            .ToList();

        Assert.True(classes.Count >= 10, $"Only {classes.Count} browser test classes found.");
        Assert.All(classes, c => Assert.Equal(BrowserTestGroup.Name, c.GetCustomAttribute<CollectionAttribute>()?.Name));
    }

    [Fact]
    public void OnlyTheBrowserFolder_DrivesABrowser()
    {
        var browserFolder = Path.Combine(RepositoryFiles.Root(), "Admin.Tests", "Browser") + Path.DirectorySeparatorChar;
        const string startsABrowser = "BrowserSession.StartAsync";

        // This file names what it looks for; every other file outside Browser/ must not.
        var outside = RepositoryFiles.Source("Admin.Tests", ".cs")
            .Where(f => !f.StartsWith(browserFolder, StringComparison.Ordinal)
                && Path.GetFileName(f) != nameof(BrowserCategoryTests) + ".cs"
                && File.ReadLines(f).Any(l => l.TrimStart().StartsWith("using Microsoft.Playwright", StringComparison.Ordinal)
                    || l.Contains(startsABrowser, StringComparison.Ordinal)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(outside.Count == 0, "Browser tests outside Admin.Tests/Browser: " + string.Join(", ", outside));
    }

    private static bool HasTests(Type type) =>
        type.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null);
}
