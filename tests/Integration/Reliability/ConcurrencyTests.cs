using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>Parallel jobs (make -j): all succeed, a cold cache costs one STS call, no file is ever seen half-written.</summary>
[Collection(MotoCollection.Name)]
public sealed class ConcurrencyTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private Task<ProcessResult> Exec() =>
        Tool.RunAsync(["exec", "-t", "123456", "--", "sh", "-c", "test -n \"$AWS_SESSION_TOKEN\""], stdin: "", timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public async Task Twelve_cold_then_fifty_warm_parallel_execs_all_succeed_with_one_STS_call()
    {
        using var watcher = new CacheWatcher(Path.Combine(Tool.CacheHome, "aws-session"));

        var cold = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Exec()));
        var warm = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Exec()));

        cold.Concat(warm).ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", cold.Concat(warm).Where(r => r.ExitCode != 0).Take(3)));
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        watcher.Stop().ShouldBeGreaterThan(0);
        watcher.TornReads.ShouldBeEmpty();
    }

    /// <summary>Reads every cache file in a tight loop; each read must be absent or whole JSON.</summary>
    private sealed class CacheWatcher : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<int> _loop;

        public CacheWatcher(string dir) => _loop = Task.Run(() => Watch(dir));

        public List<string> TornReads { get; } = [];

        public int Stop()
        {
            _stop.Cancel();
            return _loop.GetAwaiter().GetResult();
        }

        private int Watch(string dir)
        {
            var reads = 0;
            while (!_stop.IsCancellationRequested)
            {
                if (!Directory.Exists(dir))
                    continue;
                foreach (var file in Directory.GetFiles(dir, "*.json"))
                {
                    string text;
                    try
                    {
                        text = File.ReadAllText(file);
                    }
                    catch (IOException)
                    {
                        continue;
                    }
                    reads++;
                    try
                    {
                        using var _ = JsonDocument.Parse(text);
                    }
                    catch (JsonException)
                    {
                        lock (TornReads)
                            TornReads.Add($"{Path.GetFileName(file)}: {text.Length} bytes");
                    }
                }
            }
            return reads;
        }

        public void Dispose() => _stop.Cancel();
    }
}
