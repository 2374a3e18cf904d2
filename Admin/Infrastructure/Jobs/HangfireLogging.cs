using System.Collections.Concurrent;
using System.Collections.Immutable;
using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace SocItConsole.Admin.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider, owned by the app. Hangfire logs through one process-wide provider (LibLog's
/// <c>LogProvider</c>), and its filter attributes and servers take their loggers from it whenever they are made — a
/// retry attribute at every reflection over a job type. <c>AddHangfire</c> would install a provider bound to the
/// logger factory of the host that configured Hangfire last: once that host is disposed, every logger asked for
/// throws <see cref="ObjectDisposedException"/>, in whichever host (or test) happens to run next. This provider holds
/// no factory itself: each host attaches its own for as long as its services live (<see cref="HostAttachment"/>), and
/// every message goes to the most recently attached live host — in the app the only one; in a test process, where
/// hosts come and go in parallel, one that is alive. With none attached, Hangfire's messages are dropped.
/// </summary>
internal sealed class HangfireLogging : ILogProvider
{
    private ImmutableList<Target> _targets = [];

    private HangfireLogging()
    {
    }

    public static HangfireLogging Provider { get; } = new();

    public ILog GetLogger(string name) => new ForwardingLog(this, name);

    private Target? Current => Volatile.Read(ref _targets) is { Count: > 0 } targets ? targets[^1] : null;

    private void Attach(Target target) => ImmutableInterlocked.Update(ref _targets, static (list, t) => list.Add(t), target);

    private void Detach(Target target) => ImmutableInterlocked.Update(ref _targets, static (list, t) => list.Remove(t), target);

    /// <summary>
    /// One host's logger factory, attached while the host's services live: a singleton of the host, made when Hangfire
    /// is configured and disposed with the container, before the logger factory it depends on.
    /// </summary>
    internal sealed class HostAttachment : IDisposable
    {
        private readonly Target _target;

        public HostAttachment(ILoggerFactory loggerFactory)
        {
            _target = new Target(loggerFactory);
            Provider.Attach(_target);
        }

        public void Dispose() => Provider.Detach(_target);
    }

    private sealed class Target(ILoggerFactory loggerFactory)
    {
        private readonly AspNetCoreLogProvider _provider = new(loggerFactory);
        private readonly ConcurrentDictionary<string, ILog> _logs = new(StringComparer.Ordinal);

        public ILog For(string name) => _logs.GetOrAdd(name, _provider.GetLogger);
    }

    /// <summary>A logger that finds its host when it writes, not when it is made: Hangfire keeps loggers for the process's life.</summary>
    private sealed class ForwardingLog(HangfireLogging owner, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (owner.Current is not { } target)
            {
                return false;
            }

            try
            {
                return target.For(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                // The host was disposed between finding it and writing to it; it is detached by now.
                return false;
            }
        }
    }
}
