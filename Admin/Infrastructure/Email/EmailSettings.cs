using System.Security.Cryptography;
using System.Text;
using MailKit.Security;

namespace SocItConsole.Admin.Infrastructure.Email;

/// <summary>The <c>Email</c> section: who the console's e-mail comes from, how it leaves, and the link base.</summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    /// <summary>The sender's display name: the municipality, so that managers recognise it.</summary>
    public string FromName { get; set; } = "Falkenbergs kommun, Soc-IT";

    public string FromAddress { get; set; } = "soc-it@kommun.example";

    /// <summary>The console's public address, for links in e-mail (the reverse proxy's, not Kestrel's).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Without an SMTP host: the folder the .eml files are written to (relative to the content root).</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    public Uri Link(string path) => new(new Uri(PublicBaseUrl.TrimEnd('/') + "/"), path.TrimStart('/'));

    /// <summary>
    /// A Message-Id that is the same on every attempt to send one message ("&lt;expiry-20261127-…@kommun.example&gt;"),
    /// so that a re-send after a crash can be recognised. The recipient's address is hashed, so that it shows in
    /// neither headers nor logs.
    /// </summary>
    public string MessageId(string what, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipient)))[..16];
        var domain = FromAddress.Split('@') is [_, var d] && d.Length > 0 ? d : "socit.local";
        return $"<{what}-{hash}@{domain}>";
    }
}

public sealed class SmtpSettings
{
    /// <summary>When set, e-mail goes through this SMTP server; otherwise to the pickup folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public SecureSocketOptions TlsMode { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
