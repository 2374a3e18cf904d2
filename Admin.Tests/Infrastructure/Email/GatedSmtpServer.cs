using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocItConsole.Admin.Tests.Infrastructure.Email;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that accepts every message — and holds every client before its greeting until
/// the test opens the gate. A job's run can so be kept in the middle of sending, holding its lease, for exactly as
/// long as a test needs another run to meet it; nothing depends on how fast either process is.
/// </summary>
public sealed class GatedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _accepting;
    private int _waiting;

    private GatedSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Clients held at the closed gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public static GatedSmtpServer Start() => new();

    /// <summary>Lets every held client and every later one through.</summary>
    public void Open() => _gate.TrySetResult();

    /// <summary>The app's settings for sending through this server, with time to wait at the gate.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Smtp__TlsMode"] = "None",
        ["Email__Smtp__TimeoutSeconds"] = "600",
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
            await Task.WhenAll(_sessions);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopped under a client's feet.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.Task.WaitAsync(_stop.Token);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP test");
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "HELO" or "NOOP" or "RSET":
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "MAIL":
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.LastIndexOf('>')]);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                    {
                        data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                    }

                    _received.Enqueue(new ReceivedMail([.. to], data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }
}

/// <summary>One message the server accepted: its recipients and its raw text.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, string Data);
