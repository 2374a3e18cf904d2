namespace SocItConsole.Admin.Features.CaseMail;

/// <summary>
/// Sends the case's e-mail soon after the event that recorded it: woken by <see cref="CaseMailSignal"/>, it sends
/// every message still pending. A failure is only logged: the message stays an attempt and <see cref="CaseMailJob"/>
/// sends it on its next run. Two senders never both send one message (the claim in <see cref="CaseMail"/>).
/// </summary>
public sealed partial class CaseMailDispatcher(CaseMailSignal signal, IServiceScopeFactory scopes, ILogger<CaseMailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever a stopped console left unsent goes out at start.
        signal.Wake();
        await foreach (var _ in signal.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (_, failures) = await scope.ServiceProvider.GetRequiredService<CaseMail>().SendPendingAsync(null, stoppingToken);
                if (failures.Count > 0)
                {
                    LogNotSent(logger, failures.Count);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The console is stopping; what was not sent is sent at the next start.
                return;
            }
            catch (Exception e)
            {
                LogDispatchFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} case messages could not be sent now; the case-mail job retries them")]
    private static partial void LogNotSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending case messages failed; the case-mail job retries them")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
