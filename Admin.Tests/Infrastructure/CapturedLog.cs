using Microsoft.Extensions.Logging;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>One log entry the app wrote, as <see cref="AdminAppFactory.Logs"/> keeps it.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception = null)
{
    /// <summary>
    /// Data protection's "No XML encryptor configured": a new key written as plain XML, once per key (the first start,
    /// then every 90 days) where no certificate encrypts the keys.
    /// </summary>
    public bool IsUnencryptedKeyWarning =>
        Category == "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager" && EventId.Id == 35;

    public override string ToString() => $"{Level} {Category}[{EventId.Id}]: {Message}{(Exception is null ? null : " " + Exception)}";
}
