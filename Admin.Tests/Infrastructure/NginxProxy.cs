using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in front of console instances, with the configuration that docs/ops/several-instances.md tells an
/// operations team to use: its <c>nginx</c> block is read from the document itself, and only what a test cannot have
/// is changed — the instances' addresses become the test's, the TLS listener a plain one on a free loopback port, and
/// the port-80 redirect goes. Everything that makes it sticky and carries Blazor's WebSocket (the cookie hash, the
/// upgrade headers, the timeouts, the health locations) is the document's. Runs in the foreground in a temporary
/// folder, logs which instance served each request, and is stopped when disposed. Where nginx is missing a test that
/// needs it fails under CI (CI=true) and is skipped with the reason printed elsewhere, as the browser tests are.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly TempFolder _folder;

    private NginxProxy(Process process, TempFolder folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>nginx is installed, or a failure (under CI) or skip (elsewhere) naming what to install.</summary>
    public static void Require()
    {
        if (File.Exists(Binary))
        {
            return;
        }

        const string reason = $"nginx was not found at {Binary} (install it with: apt-get install -y nginx)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + "; under CI the proxy tests must run.");
        }

        Assert.Skip(reason);
    }

    /// <summary>Starts nginx in front of <paramref name="instances"/> and waits until it answers.</summary>
    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances, CancellationToken ct)
    {
        Require();
        var folder = new TempFolder();
        var port = FreePort();
        var config = folder.File("nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(DocumentedSite(), instances, port, folder.Path), ct);

        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder.Path + "/", "-c", config, "-e", folder.File("error.log"), "-g", "daemon off;" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await proxy.WaitUntilListeningAsync(port, ct);
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        return proxy;
    }

    /// <summary>Every request nginx has logged so far: which instance served it, for which affinity cookie.</summary>
    public IReadOnlyList<ProxiedRequest> Requests()
    {
        var path = _folder.File("access.log");
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ProxiedRequest.Parse)];
    }

    /// <summary>nginx's error log, for a failure message.</summary>
    public string ErrorLog()
    {
        var path = _folder.File("error.log");
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Dispose();
    }

    /// <summary>The site as docs/ops/several-instances.md gives it: the first <c>```nginx</c> block.</summary>
    internal static string DocumentedSite()
    {
        var document = Path.Combine(RepositoryRoot(), "docs", "ops", "several-instances.md");
        var text = File.ReadAllText(document);
        var match = NginxBlock().Match(text);
        Assert.True(match.Success, $"{document} has no ```nginx block");
        return match.Groups["site"].Value;
    }

    /// <summary>
    /// The document's site with the test's instances and a plain listener, inside the <c>http</c> block that
    /// Debian's <c>/etc/nginx/nginx.conf</c> would give it, with every path in the temporary folder.
    /// </summary>
    internal static string Configuration(string site, IReadOnlyList<Uri> instances, int port, string folder)
    {
        var servers = DocumentedServer().Matches(site);
        Assert.True(servers.Count >= instances.Count, $"the documented upstream has {servers.Count} servers, the test {instances.Count} instances");
        var index = 0;
        site = DocumentedServer().Replace(site, m => index < instances.Count
            ? $"server {instances[index++].Authority}{m.Groups["options"].Value}"
            : string.Empty);
        site = site.Replace("listen 443 ssl;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        site = TlsLine().Replace(site, string.Empty);
        site = RedirectServer().Replace(site, string.Empty);
        Assert.Contains($"listen 127.0.0.1:{port};", site, StringComparison.Ordinal);
        Assert.DoesNotContain("ssl", site, StringComparison.Ordinal);

        // As root, nginx's workers would switch to "nobody", who cannot write the temporary folder.
        var user = Environment.IsPrivilegedProcess ? "user root;" : string.Empty;
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 1024; }
            http {
                log_format instances '$upstream_addr|$cookie_socit_affinity|$status|$request_method|$uri';
                access_log {{folder}}/access.log instances;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """;
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                var error = await _process.StandardError.ReadToEndAsync(ct);
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}:\n{error}\n{ErrorLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, ct);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocItConsole.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SocItConsole.sln above {AppContext.BaseDirectory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"```nginx\n(?<site>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    [GeneratedRegex(@"server \d+\.\d+\.\d+\.\d+:\d+(?<options>[^;\n]*;)")]
    private static partial Regex DocumentedServer();

    [GeneratedRegex(@"^\s*(http2 on|ssl_certificate|ssl_certificate_key)\b[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex TlsLine();

    [GeneratedRegex(@"server \{\s*listen 80;.*?\n\}\s*", RegexOptions.Singleline)]
    private static partial Regex RedirectServer();
}

/// <summary>One line of the proxy's access log.</summary>
public sealed record ProxiedRequest(string Instance, string Affinity, int Status, string Method, string Path)
{
    public static ProxiedRequest Parse(string line)
    {
        var parts = line.Split('|');
        return new ProxiedRequest(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3], parts[4]);
    }
}
