namespace SocItConsole.Admin.Infrastructure.Email;

/// <summary>One plain-text e-mail; <see cref="MessageId"/> is given by the caller so a re-send carries the same id.</summary>
public sealed record OutgoingMail(string ToName, string ToAddress, string Subject, string Body, string MessageId);

/// <summary>Sends e-mail, or throws: a send that returns was accepted by the server (or written to the pickup folder).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
