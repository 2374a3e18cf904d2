using SocItConsole.Admin.Infrastructure.Email;

namespace SocItConsole.Bench.Measure;

/// <summary>
/// Takes the job's reminders instead of an SMTP server: keeps them in memory, as a fast server would have accepted
/// them, so that the measurement is the job's own work and its heap includes the messages it produced.
/// </summary>
internal sealed class ExpiryMailRecorder : IMailSender
{
    private readonly List<OutgoingMail> _sent = [];

    public int Count => _sent.Count;

    public Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        _sent.Add(mail);
        return Task.CompletedTask;
    }
}
