using Casus.Reading.Tests.Support;
using Xunit;

namespace Casus.Places.Tests;

public sealed class GazetteerTests
{
    public sealed class TheDefaultGazetteer
    {
        [Fact]
        public void HoldsCitiesCountriesRegionsAirportsAndAuthoredFeatures()
        {
            // Given the gazetteer compiled by the build from the npm packages and dictionaries/places
            var g = Shared.Gazetteer;

            // Then it holds cities500, every ISO country, admin1 regions, air bases and the authored features
            Assert.True(g.Count > 200_000, $"{g.Count} entries");
            Assert.True(g.CountryCount >= 245, $"{g.CountryCount} countries");
            Assert.Contains(g.Find("Baghdad"), p => p is { GeonameId: 98182, Kind: PlaceKind.City, Country: "IRQ", FeatureCode: "PPLC" });
            Assert.Contains(g.Find("Iraq"), p => p is { Kind: PlaceKind.Country, Country: "IRQ" });
            Assert.Contains(g.Find("Illinois"), p => p is { Kind: PlaceKind.Admin1, Country: "USA" });
            Assert.Contains(g.Find("Al Asad Air Base"), p => p is { Kind: PlaceKind.Site, Source: PlaceSource.OurAirports, Country: "IRQ" });
            Assert.Contains(g.Find("Diego Garcia"), p => p is { Kind: PlaceKind.Site, Country: "IOT" });
            Assert.Contains(g.Find("Strait of Hormuz"), p => p is { Kind: PlaceKind.Water, Source: PlaceSource.Authored });
            Assert.Contains(g.Notes, n => n.Contains("GeoNames", StringComparison.Ordinal));
            Assert.Contains(g.Notes, n => n.Contains("OurAirports", StringComparison.Ordinal));
        }

        [Fact]
        public void GivesCitiesTheirAdmin1NameAndCountriesTheirCommonName()
        {
            var erbil = Assert.Single(Shared.Gazetteer.Find("Erbil"), p => p.GeonameId == 95446);
            Assert.Equal("Arbil Governorate", erbil.Admin1);
            Assert.Equal("Iran", Shared.Gazetteer.Country("IRN")!.Name);
            Assert.Equal("IRN", Shared.Gazetteer.CountryOfDemonym("iranians"));
            Assert.Equal("IRQ", Shared.Gazetteer.Iso3Of("IQ"));
        }
    }

    public sealed class NameKeys
    {
        [Theory]
        [InlineData("Ain al-Assad", "ain al assad")]
        [InlineData("AIN  AL ASSAD", "ain al assad")]
        [InlineData("U.S.", "us")]
        [InlineData("Côte d'Ivoire", "cote divoire")]
        [InlineData("Côte d’Ivoire", "cote divoire")]
        [InlineData("São Paulo", "sao paulo")]
        [InlineData("Łódź", "lodz")]
        [InlineData("  --  ", "")]
        public void FoldCaseDiacriticsAndPunctuation(string name, string key) => Assert.Equal(key, NameKey.Of(name));
    }

    public sealed class AuthoredListErrors
    {
        [Theory]
        [InlineData("Camp X | fort | IRQ | 33 | 44", 2, "kind 'fort'")]
        [InlineData("Camp X | base | Iraq | 33 | 44", 2, "country 'Iraq'")]
        [InlineData("Camp X | base | IRQ | 95 | 44", 2, "latitude '95'")]
        [InlineData("Camp X | base | IRQ | 33 | east", 2, "longitude 'east'")]
        [InlineData("Camp X | base | IRQ | 33", 2, "5 to 7 columns")]
        [InlineData("Ain al-Assad | base | IRQ | 33 | 44", 2, "already listed on line 1")]
        public void NameTheFileAndLine(string badLine, int line, string message)
        {
            // Given a features file whose second line is bad
            string[] lines = ["Ain al-Assad | base | IRQ | 33.78 | 42.44 | Al Asad", badLine];

            // When it is read, then the error names the file, the line and the problem
            var e = Assert.Throws<GazetteerInputException>(() => AuthoredLists.ReadFeatures("features.txt", lines));
            Assert.Equal(line, e.Line);
            Assert.StartsWith($"features.txt:{line}: ", e.Message, StringComparison.Ordinal);
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void StoplistAndDemonymErrorsNameTheLine()
        {
            var stop = Assert.Throws<GazetteerInputException>(() => AuthoredLists.ReadStoplist("stoplist.txt", ["# x", "Tuesday", "[not-places]"]));
            Assert.Equal("stoplist.txt:2: entry before the first [section]", stop.Message);
            var section = Assert.Throws<GazetteerInputException>(() => AuthoredLists.ReadStoplist("stoplist.txt", ["[places]"]));
            Assert.Contains("stoplist.txt:1: unknown section", section.Message, StringComparison.Ordinal);
            var demonym = Assert.Throws<GazetteerInputException>(() => AuthoredLists.ReadDemonyms("demonyms.txt", ["IRQ: Iraqi", "Iraq Iraqi"]));
            Assert.StartsWith("demonyms.txt:2: ", demonym.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TheShippedListsRead()
        {
            var dir = Path.Combine(RepoRoot(), "dictionaries", "places");
            var features = AuthoredLists.ReadFeatures(Path.Combine(dir, AuthoredLists.FeaturesFile));
            Assert.Contains(features, f => f.Name == "Ain al-Assad" && f.Aliases.Contains("Al Asad Air Base"));
            var (notPlaces, organisationWords) = AuthoredLists.ReadStoplist(Path.Combine(dir, AuthoredLists.StoplistFile));
            Assert.Contains("Reading", notPlaces);
            Assert.Contains("Times", organisationWords);
            Assert.NotEmpty(AuthoredLists.ReadDemonyms(Path.Combine(dir, AuthoredLists.DemonymsFile)));
        }

        private static string RepoRoot()
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Casus.slnx")))
                {
                    return d.FullName;
                }
            }
            throw new InvalidOperationException("Casus.slnx not found above the test binaries");
        }
    }

    public sealed class GeoNamesImport
    {
        [Fact]
        public void ABadRowNamesTheFileAndLine()
        {
            var path = Path.Combine(Path.GetTempPath(), $"casus-geonames-{Guid.NewGuid():N}.txt");
            try
            {
                File.WriteAllLines(path,
                [
                    "98182\tBaghdad\tBaghdad\t\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t41\tAsia/Baghdad\t2020-01-01",
                    "95446\tErbil\tErbil\t\tnorth\t44.01193\tP\tPPLA\tIQ\t\t11\t\t\t\t1612700\t\t\tAsia/Baghdad\t2020-01-01",
                ]);
                var e = Assert.Throws<GazetteerInputException>(() =>
                    GazetteerCompiler.ImportGeoNames(path, null, null, Shared.Gazetteer, path + ".gaz"));
                Assert.StartsWith($"{path}:2: coordinates", e.Message, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [SharedFileFact("data/geo/geonames_cities15000.txt")]
        public void ImportsADumpAsALayerOnTopOfTheDefault()
        {
            // Given GeoNames cities15000, its admin1 names and countryInfo, as a user would download them
            var output = Path.Combine(Path.GetTempPath(), $"casus-user-{Guid.NewGuid():N}.gaz");
            try
            {
                var summary = GazetteerCompiler.ImportGeoNames(
                    SharedData.PathOf("data/geo/geonames_cities15000.txt"),
                    SharedData.PathOf("data/geo/geonames_admin1_regionInfo.tsv"),
                    SharedData.PathOf("data/geo/geonames_countryInfo.tsv"),
                    Shared.Gazetteer,
                    output);
                Assert.Contains("entries", summary, StringComparison.Ordinal);

                // When it is layered on top of the default gazetteer
                var user = Gazetteer.Load(output);
                Assert.True(user.Count > 30_000, $"{user.Count} entries");
                var layered = Shared.Gazetteer.WithLayer(user);

                // Then the user's rows win, with GeoNames admin1 names, and an id is never listed twice
                var kerman = Assert.Single(layered.Find("Kerman"), p => p.GeonameId == 128234);
                Assert.Equal("Kerman", kerman.Admin1);
                Assert.Single(layered.Find("Baghdad"), p => p.GeonameId == 98182);
                Assert.Contains(layered.Find("Al Asad Air Base"), p => p.Kind == PlaceKind.Site);
                var analysis = new PlaceRecognizer(layered).Analyze(Shared.Plain("Mourners gathered in Kerman, Iran, on Tuesday."));
                Assert.Equal(128234, analysis.Mentions[0].Place.GeonameId);
            }
            finally
            {
                File.Delete(output);
            }
        }
    }
}
