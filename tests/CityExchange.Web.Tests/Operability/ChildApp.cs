using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CityExchange.Web.Tests.Operability;

/// <summary>
/// The app as a real process (<c>dotnet CityExchange.Web.dll --urls http://127.0.0.1:PORT</c>) on a SQLite file, so a
/// test can kill it (SIGKILL) or stop it (SIGTERM) mid-request and start it again on the same database.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    public const string Token = "child-process-token-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildApp(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
    }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ChildApp> StartAsync(string databasePath, string logFolder, int shutdownSeconds = 30)
    {
        var port = FreePort();
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "CityExchange.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CityExchange"] = $"Data Source={databasePath}";
        start.Environment["Import__ApiToken"] = Token;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Host__ShutdownTimeoutSeconds"] = shutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RateLimits__UploadsPerMinute"] = "1000";
        start.Environment["RateLimits__RequestsPerSecondPerClient"] = "100000";
        start.Environment["RateLimits__RequestBurstPerClient"] = "100000";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(logFolder, "child-.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new ChildApp(process, port);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitReadyAsync();
        return app;
    }

    /// <summary>SIGKILL: the process dies at once, mid-write if it was writing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a container runtime or systemd sends it; waits for the process to exit and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(wait);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not become ready:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
