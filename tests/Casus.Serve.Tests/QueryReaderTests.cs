using Casus.Serve.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Casus.Serve.Tests;

public sealed class QueryReaderTests
{
    private static (ApiFilter Filter, ApiError? Error) Read(string query)
    {
        var q = new QueryReader(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));
        var filter = ApiFilter.Read(q);
        return (filter, q.Finish());
    }

    [Fact]
    public void Codes_are_upper_cased_and_dyads_split()
    {
        // Given lower-case codes and a dyad, when read, then they come back upper-cased with both dyad sides.
        var (f, error) = Read("?country=irn&actor=irnmil&dyad=irn-usa&plover=assault&quad_class=4&from=2020-01-01&to=2020-01-07");
        Assert.Null(error);
        Assert.Equal("IRN", f.Country);
        Assert.Equal("IRNMIL", f.Actor);
        Assert.Equal(("IRN", "USA"), (f.DyadSource, f.DyadTarget));
        Assert.Equal("ASSAULT", f.Plover);
        Assert.Equal(4, f.QuadClass);
        Assert.Equal(new DateOnly(2020, 1, 7), f.To);
        Assert.False(f.IsEmpty);
    }

    [Fact]
    public void No_parameters_is_the_empty_filter()
    {
        var (f, error) = Read("");
        Assert.Null(error);
        Assert.True(f.IsEmpty);
        Assert.Equal(new Casus.Store.EventFilter { DyadDirected = true }, f.ToStore());
    }

    [Theory]
    [InlineData("?root=00", "root")]
    [InlineData("?cameo=1", "cameo")]
    [InlineData("?cameo=19a", "cameo")]
    [InlineData("?actor=IR", "actor")]
    [InlineData("?actor=IRN%25", "actor")]
    [InlineData("?dyad=IRN-", "dyad")]
    [InlineData("?bbox=-190,0,10,10", "bbox")]
    [InlineData("?bbox=10,0,-10,10", "bbox")]
    [InlineData("?from=08/01/2020", "from")]
    [InlineData("?modality=Rumoured", "modality")]
    [InlineData("?whatever=1", "whatever")]
    public void Bad_values_name_their_parameter(string query, string parameter)
    {
        var (_, error) = Read(query);
        Assert.NotNull(error);
        Assert.Equal(400, error.Status);
        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void The_store_filter_selects_the_same_events()
    {
        var (f, _) = Read("?dyad=IRNMIL-USA&bbox=40,20,60,40&place=Baghdad&place_country=IRQ");
        var s = f.ToStore();
        Assert.Equal(("IRNMIL", "USA"), s.Dyad);
        Assert.True(s.DyadDirected);
        Assert.Equal(new Casus.Store.BoundingBox(20, 40, 40, 60), s.Box);
        Assert.Equal("Baghdad", s.Place);
        Assert.Equal("IRQ", s.PlaceCountry);
    }

    [Fact]
    public void A_repeated_parameter_is_refused()
    {
        var q = new QueryReader(new QueryCollection(new Dictionary<string, StringValues> { ["root"] = new(["18", "19"]) }));
        ApiFilter.Read(q);
        Assert.Equal("root", q.Finish()?.Parameter);
    }
}
