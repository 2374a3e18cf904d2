namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>The app roles defined on the app registration in Entra ID (the <c>roles</c> claim).</summary>
public static class AppRoles
{
    public const string Operator = "Operator";
    public const string Administrator = "Administrator";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Operator, Administrator, Manager];

    /// <summary>The Swedish name shown in the app bar.</summary>
    public static string DisplayName(string role) => role switch
    {
        Operator => "Handläggare",
        Administrator => "Systemförvaltare",
        Manager => "Chef",
        _ => role,
    };
}
