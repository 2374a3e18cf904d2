using Microsoft.Extensions.Logging;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>One log entry the app wrote, as <see cref="AdminAppFactory.Logs"/> keeps it.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}";
}
