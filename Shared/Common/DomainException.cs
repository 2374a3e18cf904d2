namespace SocItConsole.Shared.Common;

/// <summary>
/// A rule of the domain was broken. The message is Swedish and written for the person in front of the console,
/// so the web app may show it as it is.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
