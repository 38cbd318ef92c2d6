using Casus.Cli;

namespace Casus.Cli.Tests;

/// <summary>Runs the CLI in-process, capturing stderr (tests touching the console run one at a time).</summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();

    public static (int Exit, string Stderr) Run(params string[] args)
    {
        lock (Gate)
        {
            var error = new StringWriter();
            var old = Console.Error;
            Console.SetError(error);
            try
            {
                var exit = Program.Run(args);
                return (exit, error.ToString());
            }
            finally
            {
                Console.SetError(old);
            }
        }
    }

    public static string Repo { get; } = FindRepo();

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Casus.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (Casus.slnx) not found");
    }
}

/// <summary>Tests that swap the console run one at a time.</summary>
[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection;
