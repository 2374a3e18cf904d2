using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace SocItConsole.Admin.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server with MailKit; one connection per message keeps failures local.</summary>
public sealed partial class SmtpMailSender(
    IOptions<EmailSettings> settings, MailMessages messages, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = settings.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, smtp.TlsMode, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }

        await client.SendAsync(messages.Build(mail), ct);
        await client.DisconnectAsync(quit: true, ct);
        LogSent(logger, mail.MessageId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} accepted by the SMTP server")]
    private static partial void LogSent(ILogger logger, string messageId);
}
