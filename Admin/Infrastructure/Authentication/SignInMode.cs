namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>How users sign in: Entra ID in every real environment, the development sign-in only in Development.</summary>
public enum SignInMode
{
    EntraId,
    Development,
}

/// <summary>The sign-in mode chosen at start-up, for the pages and endpoints that differ by it.</summary>
public sealed record SignInSettings(SignInMode Mode);
