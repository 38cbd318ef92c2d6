using Spectre.Console;

namespace Casus.Cli;

/// <summary>
/// Messages for stderr, safe to call from several threads. Progress is shown only when stderr is a terminal,
/// so pipes and CI logs stay quiet.
/// </summary>
public sealed class Diagnostics
{
    private readonly TextWriter _error;
    private readonly Lock _gate = new();

    /// <summary>Creates diagnostics writing to <paramref name="error"/> (stderr by default).</summary>
    public Diagnostics(TextWriter? error = null)
    {
        _error = error ?? System.Console.Error;
        Interactive = error is null && !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_error) });
    }

    /// <summary>True when stderr is a terminal a person watches.</summary>
    public bool Interactive { get; }

    /// <summary>A Spectre console on stderr for progress displays.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Number of problems reported.</summary>
    public int Problems { get; private set; }

    /// <summary>Reports a problem with an input (file, line or document); the run goes on.</summary>
    public void Problem(string message)
    {
        lock (_gate)
        {
            Problems++;
            _error.WriteLine($"casus: {message}");
        }
    }

    /// <summary>Writes an informational line (summaries).</summary>
    public void Info(string message)
    {
        lock (_gate)
        {
            _error.WriteLine(message);
        }
    }
}
