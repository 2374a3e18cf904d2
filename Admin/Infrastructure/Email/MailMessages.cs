using Microsoft.Extensions.Options;
using MimeKit;

namespace SocItConsole.Admin.Infrastructure.Email;

/// <summary>Builds the MIME message both senders send: plain UTF-8 text from the configured sender.</summary>
public sealed class MailMessages(IOptions<EmailSettings> settings, TimeProvider clock)
{
    public MimeMessage Build(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var options = settings.Value;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = mail.MessageId.Trim('<', '>'),
            Date = clock.GetUtcNow(),
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
