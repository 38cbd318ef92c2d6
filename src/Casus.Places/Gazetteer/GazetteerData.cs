using System.IO.Compression;
using System.Text;

namespace Casus.Places;

/// <summary>
/// One compiled gazetteer file: entries as parallel arrays, the name index, demonyms and stop lists. Immutable
/// after load. The file is an 8-byte magic, a format version and a Brotli-compressed body of length-prefixed arrays.
/// </summary>
internal sealed class GazetteerData
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "CASUSGAZ"u8.ToArray();

    public required int[] GeonameId { get; init; }
    public required int[] Name { get; init; }
    public required float[] Latitude { get; init; }
    public required float[] Longitude { get; init; }
    public required int[] Population { get; init; }
    public required int[] Country { get; init; }
    public required int[] Admin1 { get; init; }
    public required int[] FeatureCode { get; init; }
    public required byte[] Kind { get; init; }
    public required byte[] Source { get; init; }
    public required int[] Admin1Code { get; init; }
    public required int[] Admin1Name { get; init; }
    public required int[] CountryIso3 { get; init; }
    public required int[] CountryIso2 { get; init; }
    public required int[] CountryEntry { get; init; }
    /// <summary>Start of each string in <see cref="StringChars"/>, plus the end; strings are made only when asked for.</summary>
    public required int[] StringStart { get; init; }

    public required char[] StringChars { get; init; }

    public int StringCount => StringStart.Length - 1;

    public string String(int index) => new(StringChars, StringStart[index], StringStart[index + 1] - StringStart[index]);

    public ReadOnlySpan<char> StringSpan(int index) => StringChars.AsSpan(StringStart[index], StringStart[index + 1] - StringStart[index]);

    public static (int[] Start, char[] Chars) Pool(IReadOnlyList<string> strings)
    {
        var start = new int[strings.Count + 1];
        var total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            start[i] = total;
            total += strings[i].Length;
        }
        start[^1] = total;
        var chars = new char[total];
        for (var i = 0; i < strings.Count; i++)
        {
            strings[i].CopyTo(chars.AsSpan(start[i]));
        }
        return (start, chars);
    }
    public required KeyTable Names { get; init; }
    public required KeyTable Demonyms { get; init; }
    public required KeyTable Stop { get; init; }
    public required KeyTable OrganisationWords { get; init; }
    public required string[] Notes { get; init; }

    public int Count => Name.Length;

    public void Write(Stream stream)
    {
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(FormatVersion));
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        BinaryArrays.Write(writer, GeonameId);
        BinaryArrays.Write(writer, Name);
        BinaryArrays.Write(writer, Latitude);
        BinaryArrays.Write(writer, Longitude);
        BinaryArrays.Write(writer, Population);
        BinaryArrays.Write(writer, Country);
        BinaryArrays.Write(writer, Admin1);
        BinaryArrays.Write(writer, FeatureCode);
        BinaryArrays.Write(writer, Kind);
        BinaryArrays.Write(writer, Source);
        BinaryArrays.Write(writer, Admin1Code);
        BinaryArrays.Write(writer, Admin1Name);
        BinaryArrays.Write(writer, CountryIso3);
        BinaryArrays.Write(writer, CountryIso2);
        BinaryArrays.Write(writer, CountryEntry);
        BinaryArrays.Write(writer, StringStart);
        BinaryArrays.Write(writer, StringChars);
        Names.Write(writer);
        Demonyms.Write(writer);
        Stop.Write(writer);
        OrganisationWords.Write(writer);
        BinaryArrays.WriteStrings(writer, Notes);
    }

    public static GazetteerData Read(Stream stream, string origin)
    {
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        if (!header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{origin}: not a Casus gazetteer file");
        }
        var version = BitConverter.ToInt32(header[8..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"{origin}: gazetteer format {version}, this Casus reads format {FormatVersion}: compile it again");
        }
        using var body = new MemoryStream();
        using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            brotli.CopyTo(body);
        }
        var reader = new BinaryArrays.Reader(body.GetBuffer().AsSpan(0, (int)body.Length));
        var data = new GazetteerData
        {
            GeonameId = reader.Array<int>(),
            Name = reader.Array<int>(),
            Latitude = reader.Array<float>(),
            Longitude = reader.Array<float>(),
            Population = reader.Array<int>(),
            Country = reader.Array<int>(),
            Admin1 = reader.Array<int>(),
            FeatureCode = reader.Array<int>(),
            Kind = reader.Array<byte>(),
            Source = reader.Array<byte>(),
            Admin1Code = reader.Array<int>(),
            Admin1Name = reader.Array<int>(),
            CountryIso3 = reader.Array<int>(),
            CountryIso2 = reader.Array<int>(),
            CountryEntry = reader.Array<int>(),
            StringStart = reader.Array<int>(),
            StringChars = reader.Array<char>(),
            Names = KeyTable.Read(ref reader),
            Demonyms = KeyTable.Read(ref reader),
            Stop = KeyTable.Read(ref reader),
            OrganisationWords = KeyTable.Read(ref reader),
            Notes = reader.Strings(),
        };
        data.Validate(origin);
        return data;
    }

    /// <summary>Checks that every index points inside its table, so that a corrupt file fails here, not in a lookup.</summary>
    public void Validate(string origin)
    {
        var n = Count;
        if (GeonameId.Length != n || Latitude.Length != n || Longitude.Length != n || Population.Length != n || Country.Length != n
            || Admin1.Length != n || FeatureCode.Length != n || Kind.Length != n || Source.Length != n
            || Admin1Name.Length != Admin1Code.Length || CountryIso2.Length != CountryIso3.Length || CountryEntry.Length != CountryIso3.Length)
        {
            throw new InvalidDataException($"{origin}: gazetteer arrays differ in length");
        }
        if (StringStart.Length == 0 || StringStart[^1] != StringChars.Length)
        {
            throw new InvalidDataException($"{origin}: gazetteer string pool is corrupt");
        }
        for (var i = 0; i < n; i++)
        {
            if ((uint)Name[i] >= (uint)StringCount || (uint)FeatureCode[i] >= (uint)StringCount
                || Country[i] >= CountryIso3.Length || Admin1[i] >= Admin1Code.Length || Kind[i] > (byte)PlaceKind.Water
                || !float.IsFinite(Latitude[i]) || Math.Abs(Latitude[i]) > 90 || Math.Abs(Longitude[i]) > 180)
            {
                throw new InvalidDataException($"{origin}: gazetteer entry {i} is corrupt");
            }
        }
        for (var k = 0; k < Names.Count; k++)
        {
            foreach (var v in Names.Values(k))
            {
                if ((uint)(v >> 1) >= (uint)n)
                {
                    throw new InvalidDataException($"{origin}: name '{Names.KeyAt(k)}' points outside the entries");
                }
            }
        }
        for (var k = 0; k < Demonyms.Count; k++)
        {
            foreach (var v in Demonyms.Values(k))
            {
                if ((uint)v >= (uint)CountryIso3.Length)
                {
                    throw new InvalidDataException($"{origin}: demonym '{Demonyms.KeyAt(k)}' points outside the countries");
                }
            }
        }
    }
}
