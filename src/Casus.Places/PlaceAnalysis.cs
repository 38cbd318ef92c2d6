namespace Casus.Places;

/// <summary>
/// The places of one document: every resolved mention, the document's focus, and event locations. Immutable.
/// </summary>
public sealed class PlaceAnalysis
{
    private static readonly HashSet<string> ClauseRelations = new(StringComparer.Ordinal)
    {
        "root", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj",
    };

    private readonly PlaceInput _input;
    private readonly Gazetteer _gazetteer;

    internal PlaceAnalysis(PlaceInput input, List<PlaceMention> mentions, Gazetteer gazetteer, double[] evidence)
    {
        _input = input;
        _gazetteer = gazetteer;
        Mentions = mentions;
        var best = 0.0;
        var bestCountry = -1;
        for (var c = 0; c < evidence.Length; c++)
        {
            if (evidence[c] > best)
            {
                best = evidence[c];
                bestCountry = c;
            }
        }
        ContextCountry = bestCountry < 0 ? null : gazetteer.CountryCode(bestCountry);
        Focus = FindFocus();
    }

    /// <summary>The resolved place mentions in text order.</summary>
    public IReadOnlyList<PlaceMention> Mentions { get; }

    /// <summary>
    /// The document's focus: the most mentioned place that is a location (not a metonym or modifier), a dateline
    /// counting double; a country when no city or site stands out. Null when the document names no place.
    /// </summary>
    public PlaceMention? Focus { get; }

    /// <summary>The country with the most evidence (actors, demonyms, places), as ISO3, or null.</summary>
    public string? ContextCountry { get; }

    /// <summary>
    /// The location of an event: a place attached to the trigger's clause by a locative preposition or an
    /// <c>obl</c>/<c>nmod</c> chain (basis <c>clause</c>, the most precise one wins); else the nearest place in the
    /// sentence (<c>sentence</c>); else the document's focus (<c>document</c>); null if the document names no place.
    /// Mentions that are metonyms, modifiers, or inside the source or target are skipped.
    /// </summary>
    /// <param name="sentence">Index of the event's sentence.</param>
    /// <param name="trigger">Index of the trigger word within the sentence (0-based).</param>
    /// <param name="source">Index of the source actor's head word within the sentence, or -1.</param>
    /// <param name="target">Index of the target actor's head word within the sentence, or -1.</param>
    public Location? Locate(int sentence, int trigger, int source = -1, int target = -1)
    {
        if ((uint)sentence >= (uint)_input.Sentences.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sentence), sentence, "no such sentence");
        }
        var s = _input.Sentences[sentence];
        if ((uint)trigger >= (uint)s.TokenCount)
        {
            throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "no such word in the sentence");
        }
        var first = s.FirstToken;
        var syntax = _input.Syntax is { } x && x.Count == _input.Tokens.Count ? x : null;
        PlaceMention? clause = null;
        var clauseRank = int.MaxValue;
        PlaceMention? nearest = null;
        var nearestRank = int.MaxValue;
        foreach (var m in Mentions)
        {
            if (m.Sentence != sentence || !m.IsLocation || Covers(m, first, source) || Covers(m, first, target))
            {
                continue;
            }
            var start = m.FirstToken - first;
            var end = start + m.TokenCount - 1;
            var distance = trigger < start ? start - trigger : trigger > end ? trigger - end : 0;
            var precision = Precision(m.Place.Kind);
            var attached = syntax is not null ? AttachedInTree(syntax, first, s.TokenCount, m, trigger) : AttachedByWords(first, s.TokenCount, m, trigger);
            if (attached)
            {
                var rank = precision * 1000 + distance;
                if (rank < clauseRank)
                {
                    clauseRank = rank;
                    clause = m;
                }
            }
            var near = distance * 10 + precision;
            if (near < nearestRank)
            {
                nearestRank = near;
                nearest = m;
            }
        }
        if (clause is not null)
        {
            return Location.Of(clause, "clause");
        }
        if (nearest is not null)
        {
            return Location.Of(nearest, "sentence");
        }
        return Focus is null ? null : Location.Of(Focus, "document");
    }

    /// <summary>The document's focus as a location with basis <c>document</c>, or null.</summary>
    public Location? DocumentLocation() => Focus is null ? null : Location.Of(Focus, "document");

    private static int Precision(PlaceKind kind) => kind switch
    {
        PlaceKind.Site => 0,
        PlaceKind.City => 1,
        PlaceKind.Admin1 or PlaceKind.Region or PlaceKind.Water => 2,
        _ => 3,
    };

    private static bool Covers(PlaceMention m, int first, int word) =>
        word >= 0 && first + word >= m.FirstToken && first + word < m.FirstToken + m.TokenCount;

    // Climbs from the mention's head to the trigger through nominal attachments, within one clause; attached when a
    // locative preposition marks a word on the way.
    private bool AttachedInTree(IReadOnlyList<WordSyntax> syntax, int first, int count, PlaceMention m, int trigger)
    {
        var start = m.FirstToken - first;
        var end = start + m.TokenCount - 1;
        var current = end;
        for (var w = start; w <= end; w++)
        {
            var h = syntax[first + w].Head - 1;
            if (h < start || h > end)
            {
                current = w;
                break;
            }
        }
        var locative = false;
        for (var steps = 0; steps < 8; steps++)
        {
            if (current == trigger)
            {
                // A site can be the trigger's object: "struck the Ain al-Assad base".
                return locative || m.Place.Kind == PlaceKind.Site;
            }
            if (HasLocativeCase(syntax, first, count, current))
            {
                locative = true;
            }
            var relation = syntax[first + current].Relation;
            var parent = syntax[first + current].Head - 1;
            if (parent < 0 || ClauseRelations.Contains(relation))
            {
                return false;
            }
            if (parent != trigger && syntax[first + parent].Upos == "VERB")
            {
                return false;
            }
            current = parent;
        }
        return false;
    }

    private bool HasLocativeCase(IReadOnlyList<WordSyntax> syntax, int first, int count, int word)
    {
        for (var w = 0; w < count; w++)
        {
            if (syntax[first + w].Head - 1 == word && syntax[first + w].Relation == "case"
                && Locative.IsLocative(PlaceRecognizer.Form(_input.Text, _input.Tokens[first + w])))
            {
                return true;
            }
        }
        return false;
    }

    // Without a tree: a locative preposition right before the name (skipping "the", lower-case modifiers and a
    // possessor such as "western Iraq's"), no clause break between it and the trigger, at most 15 words away.
    private bool AttachedByWords(int first, int count, PlaceMention m, int trigger)
    {
        var text = _input.Text;
        var tokens = _input.Tokens;
        var start = m.FirstToken - first;
        var end = start + m.TokenCount - 1;
        var distance = trigger < start ? start - trigger : trigger - end;
        if (distance > 15)
        {
            return false;
        }
        var lo = Math.Min(trigger, start);
        var hi = Math.Max(trigger, end);
        for (var w = lo; w <= hi; w++)
        {
            var f = PlaceRecognizer.Form(text, tokens[first + w]);
            if (f.SequenceEqual(";") || f.SequenceEqual(":") || f.SequenceEqual("\"") || f.SequenceEqual("which") || f.SequenceEqual("who"))
            {
                return false;
            }
        }
        for (var w = start - 1; w >= 0 && w >= start - 6; w--)
        {
            var f = PlaceRecognizer.Form(text, tokens[first + w]);
            if (Locative.IsLocative(f) || (w == trigger && m.Place.Kind == PlaceKind.Site))
            {
                return true;
            }
            var skippable = f.SequenceEqual("the") || f.SequenceEqual("'s") || f.SequenceEqual("’s")
                || (f.Length > 0 && char.IsLower(f[0]) && (f.EndsWith("ern") || f.EndsWith("ral") || f.EndsWith("-held") || f.EndsWith("ed")))
                || PlaceRecognizer.IsCapitalised(f);
            if (!skippable)
            {
                return false;
            }
        }
        return false;
    }

    private PlaceMention? FindFocus()
    {
        if (Mentions.Count == 0)
        {
            return null;
        }
        var byPlace = new Dictionary<Place, (double Score, PlaceMention First)>();
        var byCountry = new Dictionary<string, (double Score, PlaceMention First)>(StringComparer.Ordinal);
        foreach (var m in Mentions)
        {
            var weight = m.IsMetonym ? 0.3 : m.IsModifier ? 0.5 : 1.0;
            if (m.Sentence <= 1)
            {
                weight *= 2;
            }
            var place = m.Place;
            byPlace[place] = byPlace.TryGetValue(place, out var p) ? (p.Score + weight, p.First) : (weight, m);
            if (place.Country.Length > 0)
            {
                byCountry[place.Country] = byCountry.TryGetValue(place.Country, out var c) ? (c.Score + weight, c.First) : (weight, m);
            }
        }
        PlaceMention? bestLocal = null;
        var bestLocalScore = 0.0;
        foreach (var (place, (score, firstMention)) in byPlace)
        {
            if (place.Kind == PlaceKind.Country || !firstMention.IsLocation && score < 2)
            {
                continue;
            }
            if (score > bestLocalScore || (score == bestLocalScore && bestLocal is not null && firstMention.Span.Start < bestLocal.Span.Start))
            {
                bestLocalScore = score;
                bestLocal = firstMention;
            }
        }
        string? bestCountry = null;
        var bestCountryScore = 0.0;
        foreach (var (country, (score, firstMention)) in byCountry)
        {
            if (score > bestCountryScore || (score == bestCountryScore && bestCountry is not null
                && firstMention.Span.Start < byCountry[bestCountry].First.Span.Start))
            {
                bestCountryScore = score;
                bestCountry = country;
            }
        }
        if (bestLocal is not null && (bestLocalScore >= 2 || bestLocal.Sentence <= 1)
            && (bestCountry is null || bestLocal.Place.Country == bestCountry || bestLocalScore * 2 >= bestCountryScore))
        {
            return bestLocal;
        }
        if (bestCountry is null)
        {
            return bestLocal ?? Mentions[0];
        }
        foreach (var m in Mentions)
        {
            if (m.Place.Kind == PlaceKind.Country && m.Place.Country == bestCountry)
            {
                return m;
            }
        }
        var countryPlace = _gazetteer.Country(bestCountry);
        var first = byCountry[bestCountry].First;
        return countryPlace is null ? first : first with { Place = countryPlace };
    }
}
