namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// Editors that each load, wait at one starting line until all have loaded, and then save at the same moment: the
/// saves really overlap instead of running one after the other as the tasks happen to be scheduled.
/// </summary>
public static class Race
{
    /// <summary>
    /// Runs <paramref name="editors"/> editors; editor <c>i</c> calls <paramref name="load"/> with <c>i</c>, waits for
    /// every other editor's load, then calls <paramref name="save"/> with what it loaded. The results are in editor order.
    /// </summary>
    public static async Task<TResult[]> RunAsync<TLoaded, TResult>(
        int editors, Func<int, Task<TLoaded>> load, Func<int, TLoaded, Task<TResult>> save)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(save);
        var loaded = 0;
        // An async starting line: blocking Barrier.SignalAndWait would hold 8 pool threads on 2 cores and starve the pool.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, editors).Select(i => Task.Run(async () =>
        {
            TLoaded state;
            try
            {
                state = await load(i);
            }
            finally
            {
                if (Interlocked.Increment(ref loaded) == editors)
                {
                    go.SetResult();
                }
            }

            await go.Task;
            return await save(i, state);
        }));
        return await Task.WhenAll(tasks);
    }
}
