namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>Keeps return URLs on this site, so that a sign-in link cannot send a user elsewhere.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
