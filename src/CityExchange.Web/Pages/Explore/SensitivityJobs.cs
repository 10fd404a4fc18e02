using System.Threading.Channels;

namespace CityExchange.Web.Pages.Explore;

public enum SensitivityJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One background sensitivity analysis: its plan, progress (0–1) and, once done, its result.</summary>
public sealed class SensitivityJob(SensitivityIndicesPlan plan) : IProgress<double>
{
    private double _progress;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public SensitivityIndicesPlan Plan { get; } = plan;

    public SensitivityJobState State { get; private set; } = SensitivityJobState.Queued;

    public double Progress => Volatile.Read(ref _progress);

    public SensitivityIndicesResponse? Result { get; private set; }

    public bool Finished => State is SensitivityJobState.Done or SensitivityJobState.Failed;

    /// <summary>Core reports the share of runs done after each block; the bootstrap that follows is the last step.</summary>
    public void Report(double value) => Volatile.Write(ref _progress, Math.Clamp(value, 0, 1));

    internal void Start() => State = SensitivityJobState.Running;

    internal void Complete(SensitivityIndicesResponse result)
    {
        Result = result;
        Report(1);
        State = SensitivityJobState.Done;
    }

    internal void Fail() => State = SensitivityJobState.Failed;
}

/// <summary>
/// The background jobs of <c>GET /api/sensitivity/{year}/indices</c>, in memory (lost on restart: a request after it
/// simply computes again). A job is keyed by year, data version and parameters, so the same request joins the job that
/// runs or gets the result it left; a bounded queue (<see cref="QueueCapacity"/> waiting, one running) refuses more
/// (503 with Retry-After), and at most <see cref="Retained"/> jobs are kept, the oldest finished ones dropped first.
/// </summary>
public sealed class SensitivityJobs
{
    public const int QueueCapacity = 4;

    public const int Retained = 32;

    /// <summary>What a refused request is told to wait: a queued job takes up to a few seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly Channel<SensitivityJob> _queue = Channel.CreateBounded<SensitivityJob>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SensitivityJob> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SensitivityJob> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<SensitivityJob> _order = new();

    internal ChannelReader<SensitivityJob> Reader => _queue.Reader;

    public SensitivityJob? Find(string id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>The job of this plan's key: the one already there (unless it failed), else a new one queued; null when the queue is full.</summary>
    public SensitivityJob? Submit(SensitivityIndicesPlan plan)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(plan.Key, out var existing) && existing.State != SensitivityJobState.Failed)
            {
                return existing;
            }

            var job = new SensitivityJob(plan);
            if (!_queue.Writer.TryWrite(job))
            {
                return null;
            }

            _byKey[plan.Key] = job;
            _byId[job.Id] = job;
            _order.AddLast(job);
            Trim();
            return job;
        }
    }

    /// <summary>The finished job of this key, if any: its result answers a repeat at once.</summary>
    public SensitivityJob? Done(string key)
    {
        lock (_lock)
        {
            return _byKey.TryGetValue(key, out var job) && job.State == SensitivityJobState.Done ? job : null;
        }
    }

    private void Trim()
    {
        for (var node = _order.First; node is not null && _order.Count > Retained;)
        {
            var next = node.Next;
            if (node.Value.Finished)
            {
                _order.Remove(node);
                _byId.Remove(node.Value.Id);
                if (_byKey.TryGetValue(node.Value.Plan.Key, out var current) && current == node.Value)
                {
                    _byKey.Remove(node.Value.Plan.Key);
                }
            }

            node = next;
        }
    }
}

/// <summary>
/// Runs the queued sensitivity jobs one at a time (one core of the analyses' share), off the request threads; at
/// shutdown the running job is cancelled (Core checks the token between runs) and the rest are left failed.
/// </summary>
public sealed class SensitivityJobRunner(SensitivityJobs jobs, ILogger<SensitivityJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                job.Start();
                try
                {
                    var result = await Task.Run(() => job.Plan.Run(job, stoppingToken), stoppingToken);
                    job.Complete(result);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    job.Fail();
                    throw;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Never the host's end: a failed job is reported as failed and the next one runs.
                    logger.LogError(e, "Sensitivity job {Id} ({Key}) failed", job.Id, job.Plan.Key);
                    job.Fail();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is never run; it is lost with the process, as documented.
            while (jobs.Reader.TryRead(out var left))
            {
                left.Fail();
            }
        }
    }
}
