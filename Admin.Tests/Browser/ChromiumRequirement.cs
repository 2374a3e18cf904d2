namespace SocItConsole.Admin.Tests.Browser;

/// <summary>
/// Browser tests drive Debian's Chromium. Where it is missing they fail under CI (CI=true), because CI must prove
/// the browser layer, and are skipped with the reason printed everywhere else.
/// </summary>
internal static class ChromiumRequirement
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static void EnsureAvailable()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var reason = $"Chromium not found at {ExecutablePath} (install it with: apt-get install -y chromium)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + "; browser tests may not be skipped under CI.");
        }

        Console.Error.WriteLine("Skipping browser test: " + reason);
        Assert.Skip(reason);
    }
}
