using Casus.Places;

// casus-gazetteer --packages DIR --dictionaries DIR --out FILE
// Compiles the default gazetteer from the pinned npm packages and the authored lists, reads it back and validates it.
// Errors are printed in the MSBuild canonical format (file(line): error CASGAZ: ...) so that the build shows them.
string? packages = null, dictionaries = null, output = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--packages":
            packages = args[i + 1];
            break;
        case "--dictionaries":
            dictionaries = args[i + 1];
            break;
        case "--out":
            output = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"casus-gazetteer: error CASGAZ: unknown option '{args[i]}'");
            return 2;
    }
}
if (packages is null || dictionaries is null || output is null)
{
    Console.Error.WriteLine("usage: casus-gazetteer --packages data/places/node_modules --dictionaries dictionaries/places --out FILE");
    return 2;
}
try
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var summary = GazetteerCompiler.CompileDefault(packages, dictionaries, output);
    Console.WriteLine($"casus-gazetteer: {summary} in {clock.Elapsed.TotalSeconds:0.0} s");
    return 0;
}
catch (GazetteerInputException e)
{
    Console.Error.WriteLine($"{e.File}({e.Line}): error CASGAZ: {e.Message}");
    return 1;
}
