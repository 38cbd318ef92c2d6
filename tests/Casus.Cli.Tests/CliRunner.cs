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

    /// <summary>Golden files of the CLI tests.</summary>
    public static string GoldenDir => Path.Combine(Repo, "tests", "Casus.Cli.Tests", "Golden");

    /// <summary>
    /// Asserts that <paramref name="actual"/> is byte for byte the golden file; with CASUS_UPDATE_GOLDEN=1 the golden
    /// file is rewritten first (to accept a deliberate change, reviewed in the diff).
    /// </summary>
    public static void AssertGolden(string actual, string goldenName)
    {
        var golden = Path.Combine(GoldenDir, goldenName);
        if (Environment.GetEnvironmentVariable("CASUS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.Equal(File.ReadAllText(golden), actual);
    }

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
