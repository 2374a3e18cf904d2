using SocItConsole.Admin.Infrastructure.Email;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>Keeps what was sent; can be told to refuse every send to some addresses, as a failing SMTP server would.</summary>
public sealed class RecordingMailSender : IMailSender
{
    private readonly List<OutgoingMail> _sent = [];

    public IReadOnlyList<OutgoingMail> Sent => _sent;

    public HashSet<string> Refuse { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Attempts { get; private set; }

    public Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        Attempts++;
        if (Refuse.Contains(mail.ToAddress))
        {
            throw new InvalidOperationException("4.3.0 Mailbox temporarily unavailable");
        }

        _sent.Add(mail);
        return Task.CompletedTask;
    }

    public IReadOnlyList<OutgoingMail> To(string address) => [.. _sent.Where(m => string.Equals(m.ToAddress, address, StringComparison.OrdinalIgnoreCase))];
}
