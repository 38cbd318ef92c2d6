using Xunit;

namespace Casus.Reading.Tests.Support;

/// <summary>
/// Finds the team's shared data beside the repository: walks up from the test binaries to the directory holding
/// <c>Casus.slnx</c>, then <c>../shared</c>. Shared data is read in place, never copied into the repository.
/// </summary>
internal static class SharedData
{
    public static string? Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root ?? "<no shared directory>", relative);

    public static bool Exists(string relative) => Root is not null && File.Exists(PathOf(relative));

    private static string? FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Casus.slnx")))
            {
                string shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with a message saying why, when a shared data file is absent.</summary>
internal sealed class SharedFileFactAttribute : FactAttribute
{
    public SharedFileFactAttribute(string relativePath)
    {
        if (!SharedData.Exists(relativePath))
        {
            Skip = $"Shared data file '{relativePath}' not found (looked in {SharedData.Root ?? "../shared beside the directory holding Casus.slnx"}).";
        }
    }
}
