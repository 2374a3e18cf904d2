using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using netDumbster.smtp;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Tests.Infrastructure;
using SocItConsole.Admin.Tests.TestData;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Orders;

namespace SocItConsole.Admin.Tests.Features.CaseMail;

/// <summary>
/// The case's e-mail through MailKit to a real SMTP server on 127.0.0.1: a send that fails leaves the message an
/// attempt, the job's next run sends it with the same Message-Id, and each event reaches the server exactly once —
/// also when two senders go at the same time.
/// </summary>
public sealed class CaseMailSendingTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        await _database.SeedDemoDataAsync(AppServices.Clock());
        var placed = await AppServices.OrderIntake(_database).PlaceAsync(
            OrderRequests.NewUndersköterska(), OrderChannel.Console, new Actor("chef1-oid", "Anna Lindqvist"), ct: Ct);
        var id = Assert.IsType<PlaceOrderResult.Created>(placed).Receipt.Id;
        var work = AppServices.CaseWork(_database, "operator");
        var taken = Assert.IsType<CaseResult.Done>(await work.TakeAsync(id, 0, Ct));
        Assert.IsType<CaseResult.Done>(await work.MoveAsync(id, taken.Version, OrderStatus.WaitingForOrderer, "Vilken titel ska hon ha?", Ct));
    }

    public ValueTask DisposeAsync()
    {
        _database?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AFailedSend_IsRetriedByTheJob_AndEachEventReachesTheServerOnce()
    {
        var port = FreePort();
        var mail = Mail(port);

        var (sent, failures) = await mail.SendPendingAsync(null, Ct);

        Assert.Equal(0, sent);
        Assert.Equal(2, failures.Count);
        var recorded = await MessagesAsync();
        Assert.All(recorded, m => Assert.Equal((ReminderStatus.Attempted, 1, (DateTimeOffset?)null), (m.Status, m.Attempts, m.SendingUntil)));

        using var server = SimpleSmtpServer.Start(port);
        var clock = AppServices.Clock();
        await new CaseMailJob(mail, AppServices.JobRunner(Database, clock)).RunAsync(Ct);
        await new CaseMailJob(mail, AppServices.JobRunner(Database, clock)).RunAsync(Ct);
        var again = await mail.SendPendingAsync(null, Ct);
        Assert.Equal(0, again.Sent);
        Assert.Empty(again.Failures);

        Assert.Equal(2, server.ReceivedEmailCount);
        var received = new List<MimeMessage>();
        foreach (var email in server.ReceivedEmail)
        {
            using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(email.Data));
            received.Add(await MimeMessage.LoadAsync(raw, Ct));
        }

        Assert.Equal(
            recorded.Select(m => m.MessageId.Trim('<', '>')).Order(StringComparer.Ordinal),
            received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["SOC-2026-00001: Soc-IT har en fråga om din beställning", "SOC-2026-00001: beställningen är mottagen"],
            received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal("anna.lindqvist@kommun.example", Assert.IsType<MailboxAddress>(Assert.Single(m.To)).Address));
        Assert.All(await MessagesAsync(), m => Assert.Equal((ReminderStatus.Sent, 2), (m.Status, m.Attempts)));
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "CaseMail.Sent", Ct));
    }

    [Fact]
    public async Task TwoSendersAtOnce_SendEachMessageOnce()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);

        var results = await Task.WhenAll(Mail(port).SendPendingAsync(null, Ct), Mail(port).SendPendingAsync(null, Ct));

        Assert.Equal(2, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.Empty(r.Failures));
        Assert.Equal(2, server.ReceivedEmailCount);
        Assert.All(await MessagesAsync(), m => Assert.Equal((ReminderStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    private SocItConsole.Admin.Features.CaseMail.CaseMail Mail(int port)
    {
        var clock = AppServices.Clock();
        var settings = AppServices.EmailSettings();
        settings.Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, TlsMode = SecureSocketOptions.None, TimeoutSeconds = 5 };
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        var smtp = new SmtpMailSender(options, new MailMessages(options, clock), NullLogger<SmtpMailSender>.Instance);
        return new(Database, smtp, new AuditTrail(clock), clock, NullLogger<SocItConsole.Admin.Features.CaseMail.CaseMail>.Instance);
    }

    private async Task<List<CaseMessage>> MessagesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.CaseMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
