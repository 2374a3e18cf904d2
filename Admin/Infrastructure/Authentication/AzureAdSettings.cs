namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// Checks the <c>AzureAd</c> section at start-up. Microsoft.Identity.Web reads its metadata only at the first
/// challenge, so a wrong setting would otherwise surface as a 500 on the first protected page, long after start.
/// </summary>
public static class AzureAdSettings
{
    public const string SectionName = "AzureAd";
    private static readonly string[] RequiredKeys = ["Instance", "TenantId", "ClientId"];

    /// <summary>True when any of the required keys has a value: the section is meant to be used.</summary>
    public static bool IsConfigured(IConfiguration section) =>
        RequiredKeys.Any(key => !string.IsNullOrWhiteSpace(section[key]));

    /// <summary>Returns the problems with the section, each naming the setting; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = RequiredKeys
            .Where(key => string.IsNullOrWhiteSpace(section[key]))
            .Select(key => $"{SectionName}:{key} is missing")
            .ToList();

        var instance = section["Instance"];
        if (!string.IsNullOrWhiteSpace(instance)
            && (!Uri.TryCreate(instance, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{SectionName}:Instance must be an absolute https URL (e.g. https://login.microsoftonline.com/)");
        }

        var clientId = section["ClientId"];
        if (!string.IsNullOrWhiteSpace(clientId) && !Guid.TryParse(clientId, out _))
        {
            problems.Add($"{SectionName}:ClientId must be the application (client) id, a GUID");
        }

        var callback = section["CallbackPath"];
        if (!string.IsNullOrWhiteSpace(callback) && !callback.StartsWith('/'))
        {
            problems.Add($"{SectionName}:CallbackPath must start with '/'");
        }

        return problems;
    }
}
