using Casus.Text;

namespace Casus.Places;

/// <summary>
/// Finds toponyms in a document and resolves each to a gazetteer entry: longest capitalised name in the gazetteer,
/// filtered (stop list, person and organisation names, parts of speech), then scored by kind, population, the
/// document's country context (actors, demonyms, unambiguous places) and containment cues (<c>Erbil in Iraqi
/// Kurdistan</c>, <c>Paris, Texas</c>, <c>Anbar province</c>). Deterministic.
/// </summary>
/// <threadsafety>Immutable after construction: one instance can be shared by any number of threads.</threadsafety>
public sealed class PlaceRecognizer
{
    private const int MaxNameTokens = 8;

    private static readonly WordSet Connectors = new(StringComparer.Ordinal,
    [
        "of", "the", "al", "el", "de", "du", "des", "la", "le", "di", "da", "do", "dos", "das", "del", "y", "and", "upon",
        "on", "am", "an", "bin", "ibn", "ad", "ar", "as", "ash", "az", "en", "sur", "im", "ul", "e", "i", "van", "von",
        "der", "den", "-", "–",
    ]);

    private static readonly WordSet AdminCue = new(StringComparer.OrdinalIgnoreCase,
    [
        "province", "governorate", "state", "region", "district", "oblast", "prefecture", "county", "provinces",
    ]);

    private static readonly WordSet CityCue = new(StringComparer.OrdinalIgnoreCase, ["city", "town", "village"]);

    private static readonly WordSet SiteCue = new(StringComparer.OrdinalIgnoreCase, ["base", "airbase", "airport", "airfield"]);

    private static readonly WordSet SubjectVerbs = new(StringComparer.Ordinal,
    [
        "said", "says", "say", "warned", "warns", "denied", "denies", "has", "had", "have", "will", "would", "is", "was",
        "announced", "announces", "claimed", "claims", "accused", "accuses", "insisted", "responded", "rejected",
        "threatened", "threatens", "wants", "wanted", "demanded", "demands", "condemned", "condemns", "urged", "urges",
        "launched", "sent", "vowed", "vows", "told", "called", "calls", "agreed", "agrees", "could", "can", "may",
        "must", "should", "did", "does", "blamed", "blames", "retaliated", "struck", "attacked", "imposed", "refused",
    ]);

    /// <summary>Prepositions that make a following name no subject: <c>officials from Basra said</c>.</summary>
    private static readonly WordSet OtherPrepositions = new(StringComparer.Ordinal, ["from", "of", "for", "with", "by", "about", "against"]);

    /// <summary>Capitalised words that can stand before a place without being part of its name.</summary>
    private static readonly WordSet FunctionWords = new(StringComparer.Ordinal,
    [
        "If", "In", "On", "At", "As", "But", "And", "Or", "When", "While", "After", "Before", "Since", "Unlike", "Like",
        "For", "From", "To", "With", "Without", "Across", "Inside", "Outside", "Near", "Under", "Over", "Into",
        "Through", "Throughout", "Against", "Between", "Within", "The", "A", "An", "Both", "Neither", "Either", "Not",
        "Only", "Even", "Also", "Meanwhile", "Why", "How", "What", "Where", "Then", "Now", "Today", "Yesterday",
        "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Unless", "Although",
        "Though", "Because", "Whether", "Until", "Once", "Upon", "Via", "Toward", "Towards", "Beyond", "During",
        "Amid", "Among", "Around", "Along", "By", "Of", "Off", "Out", "Is", "Was", "Are", "Were", "Will", "Did", "Does",
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
        "Greater", "Downtown", "Rural", "Occupied", "Neighbouring", "Neighboring", "Northeast", "Northwest", "Southeast",
        "Southwest", "Northeastern", "Northwestern", "Southeastern", "Southwestern", "Mainland", "Coastal", "Outside",
        "Inside", "Back", "Here", "There", "So", "Yet", "Still", "Thus", "Later", "Earlier", "Last", "Next", "This",
        "That", "Every", "All", "Some", "Many", "Most", "Several", "Both", "Such", "Nearby", "Elsewhere", "Recently",
    ]);

    /// <summary>Nouns after a country name that make it a modifier in text without a tree: <c>US forces</c>.</summary>
    private static readonly WordSet ActorNouns = new(StringComparer.OrdinalIgnoreCase,
    [
        "military", "forces", "force", "troops", "soldiers", "officials", "official", "government", "president",
        "administration", "army", "navy", "diplomats", "leaders", "leader", "intelligence", "commander", "commanders",
        "drone", "drones", "warplanes", "jets", "aircraft", "media", "authorities", "police", "people", "citizens",
        "nationals", "ambassador", "envoy", "counterpart", "economy", "companies", "policy", "sanctions", "imperialism",
        "position", "officers", "lawmakers", "parliament", "minister", "ministry", "state", "embassy", "team", "side",
    ]);

    /// <summary>Nouns after a possessive that make the possessor a location: <c>Baghdad's airport</c>.</summary>
    internal static readonly WordSet LocationNouns = new(StringComparer.OrdinalIgnoreCase,
    [
        "airport", "streets", "street", "outskirts", "suburbs", "suburb", "centre", "center", "downtown", "port",
        "harbour", "harbor", "district", "districts", "neighbourhood", "neighborhood", "province", "provinces", "region",
        "capital", "city", "border", "borders", "coast", "north", "south", "east", "west", "northeast", "northwest",
        "southeast", "southwest", "heart", "old", "main", "international", "green", "embassy", "square", "base",
        "bases", "waters", "airspace", "territory", "countryside", "villages", "towns", "cities", "hospital",
        "hospitals", "mosque", "university", "prison", "camp", "camps", "oil", "western", "eastern", "northern",
        "southern", "central",
    ]);

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates a recognizer over a gazetteer.</summary>
    public PlaceRecognizer(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
    }

    /// <summary>The gazetteer.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Finds and resolves the places of a document.</summary>
    public PlaceAnalysis Analyze(PlaceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text;
        var tokens = input.Tokens;
        var syntax = input.Syntax is { } s && s.Count == tokens.Count ? s : null;
        var excluded = ExcludedTokens(input);
        var evidence = new double[_gazetteer.CountryCount];
        var hits = new List<Hit>();
        var raw = new List<RawMention>();
        var personKeys = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[NameKey.MaxLength];
        Span<char> scratch = stackalloc char[NameKey.MaxLength];

        if (input.ActorCountries is { } actors)
        {
            foreach (var iso3 in actors)
            {
                var id = _gazetteer.CountryIdOf(iso3);
                if (id >= 0)
                {
                    evidence[id] += 2;
                }
            }
        }

        for (var si = 0; si < input.Sentences.Count; si++)
        {
            var sentence = input.Sentences[si];
            var first = sentence.FirstToken;
            var end = first + sentence.TokenCount;
            var i = first;
            while (i < end)
            {
                var form = Form(text, tokens[i]);
                if (excluded[i] || !IsCapitalised(form))
                {
                    i++;
                    continue;
                }

                // Longest name in the gazetteer (or the stop list) starting here.
                var length = 0;
                var best = -1;
                var stopEnd = -1;
                for (var j = i; j < end && j < i + MaxNameTokens; j++)
                {
                    var f = Form(text, tokens[j]);
                    if (j > i && !IsCapitalised(f) && !Connectors.Contains(f))
                    {
                        break;
                    }
                    if (excluded[j] || !NameKey.Append(f, buffer, ref length))
                    {
                        break;
                    }
                    if (!IsCapitalised(f))
                    {
                        continue;
                    }
                    var key = NameKey.Trim(buffer, length);
                    if (_gazetteer.HasName(key))
                    {
                        best = j;
                    }
                    if (j > i && _gazetteer.IsStop(key))
                    {
                        stopEnd = j;
                    }
                }
                if (stopEnd >= 0 && stopEnd >= best)
                {
                    i = stopEnd + 1;
                    continue;
                }
                if (best < 0)
                {
                    var demonymEnd = Demonym(text, tokens, i, end, buffer, evidence);
                    i = demonymEnd >= 0 ? demonymEnd + 1 : i + 1;
                    continue;
                }

                // Rebuild the key of the longest match.
                length = 0;
                for (var j = i; j <= best; j++)
                {
                    NameKey.Append(Form(text, tokens[j]), buffer, ref length);
                }
                var nameKey = NameKey.Trim(buffer, length);
                var single = best == i;
                var sentenceInitial = IsSentenceInitial(text, tokens, first, i);
                var next = best + 1 < end ? Form(text, tokens[best + 1]) : default;
                var afterNext = best + 2 < end ? Form(text, tokens[best + 2]) : default;

                // Part of an organisation's name: "New York Times", "Bank of England", "The Bank".
                if ((best > i && _gazetteer.IsOrganisationWord(Normalized(Form(text, tokens[best]), scratch)))
                    || (IsCapitalised(next) && _gazetteer.IsOrganisationWord(Normalized(next, scratch)))
                    || (i - 2 >= first && Form(text, tokens[i - 1]).SequenceEqual("of") && IsCapitalised(Form(text, tokens[i - 2]))
                        && _gazetteer.IsOrganisationWord(Normalized(Form(text, tokens[i - 2]), scratch))))
                {
                    i = best + 1;
                    continue;
                }

                // Part of a person's name: a capitalised word before it that is no place, title or demonym
                // ("Michael Jordan", "Bill Van Auken"). Later bare mentions of the same name are that person too.
                if (single && i - 1 >= first)
                {
                    var previous = Form(text, tokens[i - 1]);
                    var previousMention = raw.Count > 0 && raw[^1].LastToken == i - 1 ? raw[^1] : null;
                    if (IsCapitalised(previous) && !excluded[i - 1]
                        && (previousMention is null || (previousMention.Single && !HasCountry(previousMention)))
                        && !FunctionWords.Contains(previous)
                        && (syntax is null || syntax[i - 1].Upos == "PROPN")
                        && _gazetteer.DemonymCountry(Normalized(previous, scratch)) < 0
                        && !previous.EndsWith("."))
                    {
                        personKeys.Add(nameKey.ToString());
                        if (previousMention is not null)
                        {
                            // "Keith Holloway": the first name was no place either.
                            raw.RemoveAt(raw.Count - 1);
                        }
                        i = best + 1;
                        continue;
                    }
                }

                // Part of speech: a single word the tagger calls anything but a name or noun is no place.
                if (syntax is not null && single)
                {
                    var upos = syntax[i].Upos;
                    if (upos is not ("PROPN" or "NOUN" or "X") || (upos == "NOUN" && sentenceInitial))
                    {
                        i++;
                        continue;
                    }
                }

                hits.Clear();
                _gazetteer.Lookup(nameKey, hits);
                if (hits.Count == 0)
                {
                    i = best + 1;
                    continue;
                }
                var mention = new RawMention
                {
                    Key = nameKey.ToString(),
                    Sentence = si,
                    FirstToken = i,
                    LastToken = best,
                    Candidates = [.. hits],
                    Single = single,
                    SentenceInitial = sentenceInitial,
                    AllCaps = IsAllCaps(form) && form.Length > 1,
                    Stop = single && _gazetteer.IsStop(nameKey),
                    KindCue = Cue(next),
                };
                ReadRole(mention, text, tokens, syntax, first, end, next, afterNext);

                // Containment: "Baghdad, Iraq", "Erbil in Iraqi Kurdistan", "Iraq's Anbar province".
                if (raw.Count > 0 && raw[^1].Sentence == si && raw[^1].LastToken == i - 2)
                {
                    var between = Form(text, tokens[i - 1]);
                    if (between.SequenceEqual(",") || between.SequenceEqual("in"))
                    {
                        raw[^1].Container = raw.Count;
                        raw[^1].Modifier = raw[^1].Modifier && !between.SequenceEqual(",");
                    }
                    else if (between.SequenceEqual("'s") || between.SequenceEqual("’s"))
                    {
                        mention.Container = raw.Count - 1;
                        raw[^1].Modifier = true;
                    }
                }
                raw.Add(mention);
                i = best + 1;
            }
        }

        // Later bare mentions of a person's name are that person.
        if (personKeys.Count > 0)
        {
            raw.RemoveAll(m => m.Single && personKeys.Contains(m.Key) && m.Container < 0);
            for (var m = 0; m < raw.Count; m++)
            {
                raw[m].Container = -1;
            }
            RelinkContainers(raw, text, tokens);
        }

        for (var m = 0; m < raw.Count; m++)
        {
            if (raw[m].Container >= 0)
            {
                raw[raw[m].Container].Inner.Add(m);
            }
        }

        // Unambiguous mentions (one country among their candidates) are country evidence before resolution.
        foreach (var m in raw)
        {
            var country = SingleCountry(m);
            if (country >= 0)
            {
                evidence[country] += 1;
            }
        }
        var resolved = new int[raw.Count];
        var scores = new double[raw.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            var max = 0.0;
            foreach (var e in evidence)
            {
                max = Math.Max(max, e);
            }
            for (var m = 0; m < raw.Count; m++)
            {
                (resolved[m], scores[m]) = Resolve(raw, m, resolved, evidence, max, pass);
            }
            if (pass == 0)
            {
                for (var m = 0; m < raw.Count; m++)
                {
                    if (resolved[m] >= 0 && SingleCountry(raw[m]) < 0)
                    {
                        var c = _gazetteer.CountryOf(resolved[m]);
                        if (c >= 0)
                        {
                            evidence[c] += 0.5;
                        }
                    }
                }
            }
        }

        var mentions = new List<PlaceMention>(raw.Count);
        for (var m = 0; m < raw.Count; m++)
        {
            if (resolved[m] < 0)
            {
                continue;
            }
            var r = raw[m];
            var start = tokens[r.FirstToken].Start;
            var span = new TextSpan(start, tokens[r.LastToken].End - start);
            mentions.Add(new PlaceMention(span, r.Sentence, r.FirstToken, r.LastToken - r.FirstToken + 1, _gazetteer.Get(resolved[m]),
                r.Metonym, r.Modifier, Math.Round(scores[m], 3), r.Candidates.Length));
        }
        return new PlaceAnalysis(input, mentions, _gazetteer, evidence);
    }

    private void RelinkContainers(List<RawMention> raw, string text, IReadOnlyList<Token> tokens)
    {
        for (var m = 1; m < raw.Count; m++)
        {
            var a = raw[m - 1];
            var b = raw[m];
            if (a.Sentence != b.Sentence || a.LastToken != b.FirstToken - 2)
            {
                continue;
            }
            var between = Form(text, tokens[b.FirstToken - 1]);
            if (between.SequenceEqual(",") || between.SequenceEqual("in"))
            {
                a.Container = m;
            }
            else if (between.SequenceEqual("'s") || between.SequenceEqual("’s"))
            {
                b.Container = m - 1;
            }
        }
    }

    private (int Handle, double Score) Resolve(List<RawMention> raw, int m, int[] resolved, double[] evidence, double max, int pass)
    {
        var mention = raw[m];
        var container = mention.Container >= 0 && pass > 0 ? resolved[mention.Container] : -1;
        var containerCandidates = mention.Container >= 0 ? raw[mention.Container].Candidates : [];
        var bestHandle = -1;
        var bestScore = double.NegativeInfinity;
        // A name that is a country's own name is the country ("the border with Mexico"), not a town named after it
        // (Mexico, Missouri), unless a container says otherwise ("Mexico, Missouri"); a city-state's city stays.
        var countryNamed = -1;
        foreach (var hit in mention.Candidates)
        {
            if (!hit.Alternate && _gazetteer.KindOf(hit.Handle) == PlaceKind.Country)
            {
                countryNamed = _gazetteer.CountryOf(hit.Handle);
            }
        }
        foreach (var hit in mention.Candidates)
        {
            var h = hit.Handle;
            var kind = _gazetteer.KindOf(h);
            var country = _gazetteer.CountryOf(h);
            var population = _gazetteer.PopulationOf(h);
            var source = _gazetteer.SourceOf(h);
            var e = country >= 0 ? evidence[country] : 0;
            var contained = container >= 0 ? Contains(container, h) : AnyContains(containerCandidates, h);
            var hasContainer = mention.Container >= 0;
            var containsInner = false;
            foreach (var inner in mention.Inner)
            {
                var innerHandle = pass > 0 ? resolved[inner] : -1;
                if (innerHandle >= 0 ? Contains(h, innerHandle) : AnyInside(h, raw[inner].Candidates))
                {
                    containsInner = true;
                }
            }

            // Filters: the stop list, upper-case words, sentence-initial words and small places need support.
            var capitalOrSeat = kind == PlaceKind.City && (_gazetteer.IsCapital(h) || _gazetteer.IsAdminSeat(h));
            if (mention.Stop && !contained)
            {
                continue;
            }
            if (mention.AllCaps && mention.Single && kind != PlaceKind.Country
                && (mention.Key.Length <= 2 || (kind is PlaceKind.City or PlaceKind.Site && population < 50_000)))
            {
                continue;
            }
            if (kind is PlaceKind.City && source == PlaceSource.GeoNames && !contained)
            {
                var minimum = !mention.Single ? 0 : e > 0 ? 1_000 : 15_000;
                if (mention.SentenceInitial && mention.Single)
                {
                    minimum = e > 0 ? 5_000 : 50_000;
                }
                if (population < minimum && !(capitalOrSeat && e > 0))
                {
                    continue;
                }
            }
            if (mention.Single && mention.SentenceInitial && kind is PlaceKind.Site && source != PlaceSource.Authored)
            {
                continue;
            }
            if (countryNamed >= 0 && country != countryNamed && kind is PlaceKind.City or PlaceKind.Site && mention.Container < 0)
            {
                continue;
            }



            // A small place known by an alternate name, or followed by another name ("Karl Marx", "Stanislav
            // Lem"), needs the document's country behind it.
            if (mention.Single && kind is PlaceKind.City && !capitalOrSeat && !contained
                && ((hit.Alternate && population < 100_000 && e == 0) || (mention.FollowedByName && (population < 100_000 || hit.Alternate))))
            {
                continue;
            }

            // Short words ("As", "We", "But") are function words far more often than places.
            if (mention.Single && mention.Key.Length <= 3 && kind is PlaceKind.City or PlaceKind.Site
                && source != PlaceSource.Authored && (population < 100_000 || hit.Alternate))
            {
                continue;
            }

            var score = kind switch
            {
                PlaceKind.Country => 6.0,
                PlaceKind.Admin1 => 4.0,
                PlaceKind.Region or PlaceKind.Water => 4.0,
                PlaceKind.Site => source == PlaceSource.Authored ? 4.0 : 1.0,
                _ => 0.0,
            };
            if (kind is PlaceKind.City)
            {
                score += _gazetteer.IsCapital(h) ? 2.0 : _gazetteer.IsAdminSeat(h) ? 0.7 : 0;
            }
            if (kind is PlaceKind.City)
            {
                score += Math.Log10(population + 1) * 0.8;
            }
            if (source == PlaceSource.Authored)
            {
                score += 1.0;
            }
            if (hit.Alternate)
            {
                score -= 1.0;
            }
            if (max > 0 && e > 0)
            {
                score += 4 * e / max + 1;
            }
            if (hasContainer)
            {
                score += contained ? 10 : -3;
            }
            if (containsInner)
            {
                score += 6;
            }
            score += mention.KindCue switch
            {
                PlaceKind.Admin1 when kind is PlaceKind.Admin1 or PlaceKind.Region => 5,
                PlaceKind.City when kind is PlaceKind.City => 2,
                PlaceKind.Site when kind is PlaceKind.Site => 3,
                _ => 0,
            };
            if (score > bestScore || (score == bestScore && h < bestHandle))
            {
                bestScore = score;
                bestHandle = h;
            }
        }
        return (bestHandle, bestScore);
    }

    private bool HasCountry(RawMention m)
    {
        foreach (var hit in m.Candidates)
        {
            if (_gazetteer.KindOf(hit.Handle) is PlaceKind.Country or PlaceKind.Admin1)
            {
                return true;
            }
        }
        return false;
    }

    private bool AnyInside(int outer, Hit[] inners)
    {
        foreach (var c in inners)
        {
            if (Contains(outer, c.Handle))
            {
                return true;
            }
        }
        return false;
    }

    private bool AnyContains(Hit[] containers, int inner)
    {
        foreach (var c in containers)
        {
            if (Contains(c.Handle, inner))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="inner"/> lies in <paramref name="outer"/>, by country, admin1 and distance.</summary>
    internal bool Contains(int outer, int inner)
    {
        if (outer == inner)
        {
            return false;
        }
        var country = _gazetteer.CountryOf(outer);
        if (country >= 0 && country != _gazetteer.CountryOf(inner))
        {
            return false;
        }
        var kind = _gazetteer.KindOf(outer);
        if (kind == PlaceKind.Country)
        {
            return true;
        }
        var admin1 = _gazetteer.Admin1Of(outer);
        if (kind == PlaceKind.Admin1 && admin1 >= 0 && admin1 == _gazetteer.Admin1Of(inner))
        {
            return true;
        }
        var radius = kind switch
        {
            PlaceKind.Admin1 => 300.0,
            PlaceKind.Region or PlaceKind.Water => 400.0,
            PlaceKind.City => 40.0,
            _ => 100.0,
        };
        return Place.DistanceKm(_gazetteer.LatitudeOf(outer), _gazetteer.LongitudeOf(outer),
            _gazetteer.LatitudeOf(inner), _gazetteer.LongitudeOf(inner)) <= radius;
    }

    private int SingleCountry(RawMention m)
    {
        var country = -1;
        foreach (var hit in m.Candidates)
        {
            var c = _gazetteer.CountryOf(hit.Handle);
            if (_gazetteer.KindOf(hit.Handle) == PlaceKind.Country && !hit.Alternate && !m.Stop)
            {
                return c;
            }
            if (country >= 0 && c != country)
            {
                return -1;
            }
            country = c;
        }
        return m.Stop || m.Candidates.Length > 3 ? -1 : country;
    }

    private static void ReadRole(RawMention m, string text, IReadOnlyList<Token> tokens, IReadOnlyList<WordSyntax>? syntax,
        int first, int end, ReadOnlySpan<char> next, ReadOnlySpan<char> afterNext)
    {
        if (syntax is not null)
        {
            // The word of the name whose head is outside it.
            var head = m.LastToken;
            for (var t = m.FirstToken; t <= m.LastToken; t++)
            {
                var h = syntax[t].Head == 0 ? -1 : first + syntax[t].Head - 1;
                if (h < m.FirstToken || h > m.LastToken)
                {
                    head = t;
                    break;
                }
            }
            var relation = syntax[head].Relation;
            var governor = syntax[head].Head == 0 ? -1 : first + syntax[head].Head - 1;
            m.Metonym = relation is "nsubj" or "nsubj:pass" or "csubj" && !HasLocativeCase(text, tokens, syntax, first, end, head);
            if (relation is "compound" or "amod")
            {
                // "the Ain al-Assad base", "Anbar province" are locations; "US forces", "Iraq War" are not.
                m.Modifier = governor < 0 || !LocationNouns.Contains(Form(text, tokens[governor]));
            }
            else if (relation == "nmod:poss")
            {
                var owner = syntax[head].Head == 0 ? -1 : first + syntax[head].Head - 1;
                m.Modifier = owner < 0 || !LocationNouns.Contains(Form(text, tokens[owner]));
            }
            return;
        }
        if (next.SequenceEqual("'s") || next.SequenceEqual("’s"))
        {
            m.Modifier = afterNext.IsEmpty || !LocationNouns.Contains(afterNext);
            return;
        }
        if (!next.IsEmpty && SubjectVerbs.Contains(next))
        {
            var before = m.FirstToken - 1;
            var prep = before >= first ? Form(text, tokens[before]) : default;
            m.Metonym = prep.IsEmpty || !(Locative.IsLocative(prep) || OtherPrepositions.Contains(prep));
            return;
        }
        m.FollowedByName = IsCapitalised(next) && !next.SequenceEqual("I");
        if (m.FollowedByName || ActorNouns.Contains(next))
        {
            m.Modifier = true;
        }
    }

    private static bool HasLocativeCase(string text, IReadOnlyList<Token> tokens, IReadOnlyList<WordSyntax> syntax, int first, int end, int word)
    {
        for (var t = first; t < end; t++)
        {
            if (syntax[t].Head != 0 && first + syntax[t].Head - 1 == word && syntax[t].Relation == "case"
                && Locative.IsLocative(Form(text, tokens[t])))
            {
                return true;
            }
        }
        return false;
    }

    private int Demonym(string text, IReadOnlyList<Token> tokens, int i, int end, Span<char> buffer, double[] evidence)
    {
        var length = 0;
        var found = -1;
        var country = -1;
        for (var j = i; j < end && j < i + 2; j++)
        {
            var f = Form(text, tokens[j]);
            if (!IsCapitalised(f) || !NameKey.Append(f, buffer, ref length))
            {
                break;
            }
            var c = _gazetteer.DemonymCountry(NameKey.Trim(buffer, length));
            if (c >= 0)
            {
                found = j;
                country = c;
            }
        }
        if (country >= 0)
        {
            evidence[country] += 1;
        }
        return found;
    }

    private static PlaceKind? Cue(ReadOnlySpan<char> next)
    {
        if (next.IsEmpty)
        {
            return null;
        }
        return AdminCue.Contains(next) ? PlaceKind.Admin1 : CityCue.Contains(next) ? PlaceKind.City : SiteCue.Contains(next) ? PlaceKind.Site : null;
    }

    private static bool[] ExcludedTokens(PlaceInput input)
    {
        var excluded = new bool[input.Tokens.Count];
        if (input.ExcludedSpans is not { Count: > 0 } spans)
        {
            return excluded;
        }
        var sorted = spans.OrderBy(s => s.Start).ToArray();
        var k = 0;
        for (var t = 0; t < input.Tokens.Count; t++)
        {
            var token = input.Tokens[t];
            while (k < sorted.Length && sorted[k].End <= token.Start)
            {
                k++;
            }
            for (var q = k; q < sorted.Length && sorted[q].Start < token.End; q++)
            {
                if (sorted[q].End > token.Start)
                {
                    excluded[t] = true;
                    break;
                }
            }
        }
        return excluded;
    }

    private static bool IsSentenceInitial(string text, IReadOnlyList<Token> tokens, int first, int i)
    {
        for (var t = first; t < i; t++)
        {
            var f = Form(text, tokens[t]);
            if (f.Length > 0 && char.IsLetterOrDigit(f[0]))
            {
                return false;
            }
        }
        return true;
    }

    private static ReadOnlySpan<char> Normalized(ReadOnlySpan<char> word, Span<char> scratch)
    {
        var length = 0;
        NameKey.Append(word, scratch, ref length);
        return NameKey.Trim(scratch, length);
    }

    internal static ReadOnlySpan<char> Form(string text, Token token) => text.AsSpan(token.Start, token.Length);

    internal static bool IsCapitalised(ReadOnlySpan<char> form) => form.Length > 0 && char.IsUpper(form[0]);

    private static bool IsAllCaps(ReadOnlySpan<char> form)
    {
        foreach (var c in form)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    private sealed class RawMention
    {
        public required string Key;
        public int Sentence;
        public int FirstToken;
        public int LastToken;
        public required Hit[] Candidates;
        public bool Single;
        public bool SentenceInitial;
        public bool AllCaps;
        public bool Stop;
        public PlaceKind? KindCue;
        public bool Metonym;
        public bool Modifier;
        public bool FollowedByName;
        public int Container = -1;
        public List<int> Inner = [];
    }
}

/// <summary>Locative prepositions: a place after one of them is where something happened.</summary>
internal static class Locative
{
    private static readonly WordSet Prepositions = new(StringComparer.OrdinalIgnoreCase,
    [
        "in", "at", "near", "outside", "inside", "on", "into", "to", "across", "within", "around", "throughout", "off",
        "toward", "towards", "over", "through", "along", "onto", "nearby", "south", "north", "east", "west",
    ]);

    public static bool IsLocative(ReadOnlySpan<char> word) => Prepositions.Contains(word);
}

/// <summary>A frozen set of words looked up by span, without allocating.</summary>
internal sealed class WordSet
{
    private readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(StringComparer comparer, string[] words)
    {
        _lookup = System.Collections.Frozen.FrozenSet.ToFrozenSet(words, comparer).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => !word.IsEmpty && _lookup.Contains(word);
}
