using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using netDumbster.smtp;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Tests.TestData;

namespace SocItConsole.Admin.Tests.Infrastructure.Email;

/// <summary>Reminders through MailKit to a real SMTP server listening on 127.0.0.1, started by the test.</summary>
public class SmtpMailSenderTests
{
    [Fact]
    public async Task Reminder_ReachesTheSmtpServer_InSwedishFromTheMunicipality_WithoutPersonnummer()
    {
        var port = FreePort();
        using var server = SimpleSmtpServer.Start(port);
        using var world = await FollowUpWorld.CreateAsync();
        await world.AddTemporaryGrantAsync("chef1", new DateOnly(2026, 11, 20));
        var settings = AppServices.EmailSettings();
        settings.Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, TlsMode = SecureSocketOptions.None };
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        var smtp = new SmtpMailSender(options, new MailMessages(options, world.Clock), NullLogger<SmtpMailSender>.Instance);
        var run = new SocItConsole.Admin.Features.FollowUps.FollowUpRun(
            world.Database, smtp, new SocItConsole.Admin.Infrastructure.Audit.AuditTrail(world.Clock),
            Microsoft.Extensions.Options.Options.Create(world.Options), options, world.Clock,
            NullLogger<SocItConsole.Admin.Features.FollowUps.FollowUpRun>.Instance);

        var report = await run.RunAsync(FollowUpWorld.Today, dryRun: false, TestContext.Current.CancellationToken);

        Assert.Equal(1, report.RemindersSent);
        Assert.Equal(1, server.ReceivedEmailCount);
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(server.ReceivedEmail[0].Data));
        var message = await MimeMessage.LoadAsync(raw, TestContext.Current.CancellationToken);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Falkenbergs kommun, Soc-IT", "soc-it@kommun.example"), (from.Name, from.Address));
        Assert.Equal(FollowUpWorld.Chef1Email, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("Påminnelse: 1 tillfällig behörighet att följa upp", message.Subject);
        Assert.StartsWith("expiry-20261127-", message.MessageId, StringComparison.Ordinal);
        var body = message.TextBody;
        Assert.Contains("Hej Anna Lindqvist!", body, StringComparison.Ordinal);
        Assert.Contains("Lisa Andersson: Lifecare (Utförare) i Hemtjänst Centrum, sista dag 2026-11-20 (7 dagar sedan)", body, StringComparison.Ordinal);
        Assert.Contains("https://socit.falkenberg.example/follow-ups", body, StringComparison.Ordinal);
        Assert.DoesNotContain("19900101", body, StringComparison.Ordinal);
        Assert.DoesNotContain("900101-1239", body, StringComparison.Ordinal);
        Assert.DoesNotContain("9001011239", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToAServerThatIsNotThere_Throws_SoTheReminderIsNotMarkedSent()
    {
        var settings = AppServices.EmailSettings();
        settings.Smtp = new SmtpSettings { Host = "127.0.0.1", Port = FreePort(), TlsMode = SecureSocketOptions.None, TimeoutSeconds = 5 };
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        var smtp = new SmtpMailSender(options, new MailMessages(options, TimeProvider.System), NullLogger<SmtpMailSender>.Instance);

        await Assert.ThrowsAnyAsync<SocketException>(() => smtp.SendAsync(
            new OutgoingMail("Anna", FollowUpWorld.Chef1Email, "Ämne", "Text", "<x@kommun.example>"), TestContext.Current.CancellationToken));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
