using Casus.Events.Cameo;
using Casus.Reading.Tests.Support;

namespace Casus.Events.Tests.Cameo;

/// <summary>
/// The committed <c>dictionaries/cameo/codes.txt</c> must be exactly what <c>casus-train cameo-table</c> makes from
/// the public tables, so the table cannot drift from its sources or from its generator.
/// </summary>
/// <remarks>The generator's source file is compiled into this test project (see the .csproj).</remarks>
public class CameoTableRegenerationTests
{
    private const string CameoTsv = "data/cameo/cameo_eventcodes.tsv";
    private const string PloverTxt = "data/plover/CAMEO2PLOVER-2021.txt";

    [SharedFileFact(CameoTsv)]
    public void Regenerating_from_the_shared_tables_gives_the_committed_file_byte_for_byte()
    {
        // Given the public CAMEO and PLOVER tables and the committed table
        string repository = RepositoryRoot();
        string committed = File.ReadAllText(Path.Combine(repository, "dictionaries", "cameo", "codes.txt"));
        Assert.True(SharedData.Exists(PloverTxt), $"{PloverTxt} is missing beside {CameoTsv}");

        // When the training tool's generator is run on the shared tables
        string generated = Casus.Training.CameoTables.Generate(
            File.ReadAllText(SharedData.PathOf(CameoTsv)), "cameo_eventcodes.tsv",
            File.ReadAllText(SharedData.PathOf(PloverTxt)), "CAMEO2PLOVER-2021.txt");

        // Then the output is the committed file exactly, and the committed file is what the assembly embeds
        Assert.True(committed == generated, FirstDifference(committed, generated));
        Assert.Equal(CameoTable.Parse(committed, CameoTable.DefaultFileName).Table!.All, CameoTable.LoadDefault().All);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Casus.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Casus.slnx above " + AppContext.BaseDirectory);
    }

    private static string FirstDifference(string committed, string generated)
    {
        string[] a = committed.Split('\n');
        string[] b = generated.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>";
            string right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
            {
                return $"dictionaries/cameo/codes.txt is stale at line {i + 1}; regenerate it with the command in its header.\n"
                    + $"committed: {left}\ngenerated: {right}";
            }
        }

        return "";
    }
}
