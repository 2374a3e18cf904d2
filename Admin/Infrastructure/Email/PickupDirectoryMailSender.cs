using Microsoft.Extensions.Options;

namespace SocItConsole.Admin.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file instead of sending it: the default without an SMTP server (Development).
/// The file is named by the Message-Id, so a re-send overwrites rather than duplicates.
/// </summary>
public sealed partial class PickupDirectoryMailSender(
    IOptions<EmailSettings> settings, MailMessages messages, IHostEnvironment environment, ILogger<PickupDirectoryMailSender> logger)
    : IMailSender
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.Value.PickupDirectory));

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Concat(mail.MessageId.Trim('<', '>').Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var path = Path.Combine(Directory, name + ".eml");
        await messages.Build(mail).WriteToAsync(path, ct);
        LogWritten(logger, mail.MessageId, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} written to {Path}")]
    private static partial void LogWritten(ILogger logger, string messageId, string path);
}
