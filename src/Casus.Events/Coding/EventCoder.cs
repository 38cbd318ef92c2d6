using Casus.Events.Actors;
using Casus.Events.Cameo;
using Casus.Events.Lexicon;
using Casus.Syntax;
using Casus.Syntax.Model;
using Casus.Text;

namespace Casus.Events.Coding;

/// <summary>One analysed sentence handed to the coder.</summary>
/// <param name="DocumentId">Document id.</param>
/// <param name="Text">Document text (offsets point into it).</param>
/// <param name="Date">Document date.</param>
/// <param name="Number">1-based sentence number.</param>
/// <param name="Sentence">The sentence's range.</param>
/// <param name="Syntax">Tags, lemmas and tree of the sentence.</param>
/// <param name="Mentions">Actor mentions of the sentence (token indices relative to the sentence).</param>
/// <param name="Memory">Actors mentioned earlier in the document, for pronouns.</param>
public sealed record SentenceInput(
    string DocumentId,
    string Text,
    DateOnly? Date,
    int Number,
    Sentence Sentence,
    SyntaxBuffer Syntax,
    IReadOnlyList<ActorMention> Mentions,
    DocumentActors Memory);

/// <summary>Actors seen so far in a document, most recent last, for resolving pronouns. One per document.</summary>
public sealed class DocumentActors
{
    /// <summary>The most recent person mention.</summary>
    public ActorMention? LastPerson { get; set; }

    /// <summary>Sentence number of <see cref="LastPerson"/>.</summary>
    public int LastPersonSentence { get; set; }

    /// <summary>Sentence number of <see cref="LastActor"/>.</summary>
    public int LastActorSentence { get; private set; }

    /// <summary>The sentence being coded (set by the coder before the mentions are added).</summary>
    public int Sentence { get; set; }

    /// <summary>
    /// Names of people the dictionaries do not know, tied to the actor their first mention showed ("Delfin
    /// Lorenzana, the Defence Secretary" makes a later "Lorenzana" PHLGOV).
    /// </summary>
    public Dictionary<string, ActorMention> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>The most recent non-person actor (state, organisation, group).</summary>
    public ActorMention? LastActor { get; private set; }

    /// <summary>
    /// Who carried out the attacks coded so far, by CAMEO code (186 -> the US): "the strike" or "the
    /// assassination" later in the document is that act, so protesting or condemning it targets its perpetrator.
    /// </summary>
    public Dictionary<string, ActorMention> Perpetrators { get; } = new(StringComparer.Ordinal);

    /// <summary>Every speech verb of the document so far with its speaker, for attributing quotations.</summary>
    public List<SpeechAct> Speech { get; } = [];

    /// <summary>The perpetrator of the most recent attack coded in the document.</summary>
    public ActorMention? LastPerpetrator { get; set; }

    private readonly Dictionary<string, int> _countries = [];

    /// <summary>
    /// The country the document is about so far: the one its actors name most often (first seen wins ties);
    /// gives sector-only mentions ("police", "protesters") their country.
    /// </summary>
    public string? FocusCountry { get; private set; }

    /// <summary>Remembers the mentions of a sentence (after it has been coded).</summary>
    public void Add(IReadOnlyList<ActorMention> mentions)
    {
        foreach (var m in mentions)
        {
            if (m.Country is { Length: 3 } c && m.Kind != ActorMentionKind.SectorOnly && c is not ("IGO" or "NGO" or "MNC" or "IMG"))
            {
                var count = _countries.GetValueOrDefault(c) + 1;
                _countries[c] = count;
                if (FocusCountry is null || count > _countries[FocusCountry])
                {
                    FocusCountry = c;
                }
            }
            if (m.Kind == ActorMentionKind.Person)
            {
                LastPerson = m;
                LastPersonSentence = Sentence;
            }
            else if (m.Kind != ActorMentionKind.SectorOnly && m.Country is not null)
            {
                LastActor = m;
                LastActorSentence = Sentence;
            }
        }
    }
}

/// <summary>
/// Codes events from the dependency parse of a sentence: a predicate (verb or event noun) found in the event
/// lexicon, its subject or agent as source, its object or the pattern's prepositional phrase as target, with
/// complements ("threatened to", "urged ... to"), passives, coordination, negation and reported speech.
/// Immutable and thread-safe; per-thread memory lives in <see cref="Scratch"/>.
/// </summary>
public sealed class EventCoder
{
    private static readonly string[] SpeechVerbs = ["say", "tell", "claim", "report", "announce", "state", "add", "insist", "confirm", "allege", "write", "tweet"];
    private static readonly string[] Modals = ["could", "might", "may"];
    private readonly EventLexicon _lexicon;
    private readonly CameoTable _cameo;
    private readonly SyntaxPipeline _syntax;
    private readonly string _coder;

    /// <summary>Creates a coder.</summary>
    public EventCoder(EventLexicon lexicon, CameoTable cameo, SyntaxPipeline syntax, string coderVersion)
    {
        _lexicon = lexicon;
        _cameo = cameo;
        _syntax = syntax;
        _coder = coderVersion;
    }

    /// <summary>The coder version string written into every record.</summary>
    public string Version => _coder;

    /// <summary>Per-thread working memory.</summary>
    public sealed class Scratch
    {
        internal char[] Lemmas = new char[4096];
        internal int[] LemmaStart = new int[256];
        internal int[] LemmaLength = new int[256];
        internal int[] MentionAt = new int[256];
        internal bool[] PersonMention = new bool[256];
        internal bool[] Consumed = new bool[256];
        internal int[] FirstChild = new int[256];
        internal int[] NextSibling = new int[256];
        internal readonly List<Raw> Events = [];

        internal void Ensure(int n)
        {
            if (LemmaStart.Length < n)
            {
                LemmaStart = new int[n * 2];
                LemmaLength = new int[n * 2];
                MentionAt = new int[n * 2];
                Consumed = new bool[n * 2];
                FirstChild = new int[n * 2];
                NextSibling = new int[n * 2];
            }
            if (Lemmas.Length < n * 48)
            {
                Lemmas = new char[n * 64];
            }
        }
    }

    /// <summary>An event before actors are resolved to records.</summary>
    internal sealed record Raw(int Predicate, string Code, int SourceToken, int TargetToken, string Modality, int Speaker, LexiconSource Pattern, float Weight)
    {
        public int SourceToken { get; set; } = SourceToken;

        public int TargetToken { get; set; } = TargetToken;

        public string Code { get; set; } = Code;

        public bool Dropped { get; set; }

        /// <summary>The speaker states their own act or intent ("Lam announced her government will withdraw"): not claimed.</summary>
        public bool OwnStatement { get; set; }

        /// <summary>A target actor found beyond the sentence's arguments (the perpetrator of a condemned attack).</summary>
        public ActorMention? TargetActor { get; set; }

        /// <summary>
        /// Set for force (18-20) coded from a bare verb such as "attack", "hit" or "fight": without an actor as
        /// target these are mostly figurative ("attacked the plan") and are not emitted.
        /// </summary>
        public bool NeedsTargetActor { get; init; }
    }

    /// <summary>Codes one sentence, appending events to <paramref name="output"/>.</summary>
    public void Code(SentenceInput input, Scratch scratch, List<CodedEvent> output)
    {
        var b = input.Syntax;
        var n = b.Count;
        scratch.Ensure(n + 1);
        var pos = 0;
        for (var i = 0; i < n; i++)
        {
            var length = _syntax.Lemmatizer.WriteLemma(b, i, scratch.Lemmas.AsSpan(pos), lower: true);
            if (length < 0)
            {
                length = 0;
            }
            scratch.LemmaStart[i] = pos;
            scratch.LemmaLength[i] = length;
            pos += length;
            scratch.MentionAt[i] = -1;
            scratch.Consumed[i] = false;
            scratch.FirstChild[i] = -1;
            scratch.NextSibling[i] = -1;
        }
        // Children lists, built backwards so each list is in text order.
        for (var i = n - 1; i >= 0; i--)
        {
            var h = b.Heads[i] - 1;
            if (h >= 0)
            {
                scratch.NextSibling[i] = scratch.FirstChild[h];
                scratch.FirstChild[h] = i;
            }
        }
        if (scratch.PersonMention.Length < input.Mentions.Count)
        {
            scratch.PersonMention = new bool[input.Mentions.Count * 2];
        }
        for (var m = 0; m < input.Mentions.Count; m++)
        {
            var mention = input.Mentions[m];
            scratch.PersonMention[m] = mention.Kind == ActorMentionKind.Person;
            for (var t = mention.FirstToken; t < mention.EndToken && t < n; t++)
            {
                scratch.MentionAt[t] = m;
            }
        }
        var s = new View(b, _syntax, scratch);
        scratch.Events.Clear();
        for (var v = 0; v < n; v++)
        {
            if (s.Upos(v) == "VERB")
            {
                CodeVerb(s, v, scratch.Events);
            }
        }
        ApplyComplements(input, s, scratch.Events);
        CodeConditionalThreat(s, scratch.Events);
        CodeCharacterizations(s, scratch.Events);
        CodeAccusations(s, scratch.Events);
        for (var t = 0; t < n; t++)
        {
            var upos = s.Upos(t);
            if ((upos == "NOUN" || upos == "PROPN") && !scratch.Consumed[t])
            {
                CodeNoun(s, t, scratch.Events);
            }
        }
        ApplyNounComplements(s, scratch.Events);
        TargetPerpetrators(input, s, scratch.Events);
        foreach (var raw in scratch.Events)
        {
            if (!raw.Dropped)
            {
                Emit(input, s, raw, output);
            }
        }
        RememberPerpetrators(input, s, scratch.Events);
        RecordSpeech(input, s);
        input.Memory.Sentence = input.Number;
        input.Memory.Add(input.Mentions);
    }

    private void CodeVerb(View s, int v, List<Raw> events)
    {
        var lemma = s.Lemma(v);
        foreach (var ex in _lexicon.VerbExclusions(lemma))
        {
            if (Matches(s, v, ex, out _, out _))
            {
                return;
            }
        }
        foreach (var p in _lexicon.Verbs(lemma))
        {
            if (!Matches(s, v, p, out var target, out var theme))
            {
                continue;
            }
            if (theme >= 0)
            {
                s.Scratch.Consumed[theme] = true;
            }
            var passive = s.Child(v, "nsubj:pass") >= 0 || s.Child(v, "aux:pass") >= 0;
            var source = passive ? Agent(s, v) : Subject(s, v);
            if (passive && target < 0 && p.Objects is null && p.TargetPrepositions is null)
            {
                target = s.Child(v, "nsubj:pass");
            }
            var force = p.Code.StartsWith("18", StringComparison.Ordinal) || p.Code.StartsWith("19", StringComparison.Ordinal) || p.Code.StartsWith("20", StringComparison.Ordinal);
            if (force && source >= 0 && IsOneOf(s.Lemma(source), Hazards))
            {
                // "An earthquake hit Puerto Rico", "the storm killed 12": nature and accidents are not actors.
                return;
            }
            if (force && passive && source < 0 && (target < 0 || s.Upos(target) == "NUM" || s.Child(target, "nummod") >= 0))
            {
                // "56 people were killed in a stampede": counted victims with no perpetrator are an incident, not an event,
                // unless the cause is itself an attack ("killed in a suicide bombing" is the bombing).
                var cause = AttackCause(s, v);
                if (cause is null)
                {
                    return;
                }
                s.Scratch.Consumed[cause.Value.Token] = true;
                events.Add(new Raw(v, cause.Value.Code, CauseAgent(s, cause.Value.Token), target, Modality(s, v), Speaker(s, v), cause.Value.Source, 0.8f));
                return;
            }
            events.Add(new Raw(v, p.Code, source, target, Modality(s, v), Speaker(s, v), p.Source, 0.9f) { NeedsTargetActor = force && p.Objects is null });
            return;
        }
    }

    /// <summary>An obl of the verb that is an attack noun ("in a suicide bombing", "in the attack"), with its code.</summary>
    private (int Token, string Code, LexiconSource Source)? AttackCause(View s, int v)
    {
        for (var c = s.FirstChild(v); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c).StartsWith("obl", StringComparison.Ordinal) && AttackPattern(s, c) is { } p)
            {
                return (c, p.Code, p.Source);
            }
        }
        return null;
    }

    /// <summary>Who carried out an attack noun: "the attack by X", "X's attack", "the attack, conducted by X".</summary>
    private static int CauseAgent(View s, int noun)
    {
        var agent = s.Child(noun, "nmod:poss");
        if (agent < 0)
        {
            agent = FindPrepositional(s, noun, ["by"], null);
        }
        for (var c = s.FirstChild(noun); c >= 0 && agent < 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) == "acl" && s.Upos(c) == "VERB")
            {
                agent = s.Child(c, "obl:agent");
            }
        }
        return agent;
    }

    /// <summary>Whether a verb pattern holds at <paramref name="v"/>; gives its target token and the theme object it used.</summary>
    private static bool Matches(View s, int v, VerbPattern p, out int target, out int theme)
    {
        target = -1;
        theme = -1;
        if (p.Particle is not null && !s.HasChild(v, "compound:prt", p.Particle))
        {
            return false;
        }
        var passive = s.Child(v, "nsubj:pass") >= 0;
        if (p.Objects is not null)
        {
            theme = FindItem(s, v, passive ? "nsubj:pass" : "obj", p.Objects);
            if (theme < 0 && !passive)
            {
                return false;
            }
            if (theme < 0)
            {
                theme = FindItem(s, v, "obj", p.Objects);
                if (theme < 0)
                {
                    return false;
                }
            }
        }
        foreach (var c in p.Constraints)
        {
            if (FindPrepositional(s, v, c.Prepositions, c.Words) < 0 && (theme < 0 || FindPrepositional(s, theme, c.Prepositions, c.Words) < 0))
            {
                return false;
            }
        }
        if (p.TargetPrepositions is { Length: 0 })
        {
            return true;
        }
        if (p.TargetPrepositions is not null)
        {
            target = FindPrepositional(s, v, p.TargetPrepositions, null);
            if (target < 0 && theme >= 0)
            {
                target = FindPrepositional(s, theme, p.TargetPrepositions, null);
            }
            if (target < 0)
            {
                // The parser sometimes hangs the phrase from a neighbouring argument ("met on Monday with X").
                for (var c = s.FirstChild(v); c >= 0 && target < 0; c = s.NextSibling(c))
                {
                    if (c != theme && s.Relation(c) is "obl" or "obj" or "obl:tmod" or "obl:unmarked")
                    {
                        target = FindPrepositional(s, c, p.TargetPrepositions, null);
                    }
                }
            }
            if (target < 0 && p.Objects is not null)
            {
                target = s.Child(v, "iobj");
                if (target < 0)
                {
                    target = OtherObject(s, v, theme);
                }
            }
            var bare = p.Particle is null && p.Objects is null && p.Constraints.Length == 0;
            return target >= 0 || !bare;
        }
        if (p.Objects is not null)
        {
            target = s.Child(v, "iobj");
            if (target < 0)
            {
                target = OtherObject(s, v, theme);
            }
            return true;
        }
        target = passive ? s.Child(v, "nsubj:pass") : s.Child(v, "obj");
        return target >= 0 || p.Constraints.Length > 0;
    }

    /// <summary>
    /// A second direct object besides the theme: the parser often reads the recipient of a double-object verb
    /// ("denied Zarif a visa") as another obj rather than iobj.
    /// </summary>
    private static int OtherObject(View s, int v, int theme)
    {
        for (var c = s.FirstChild(v); c >= 0; c = s.NextSibling(c))
        {
            if (c != theme && s.Relation(c) == "obj")
            {
                return c;
            }
        }
        return -1;
    }

    private static int FindItem(View s, int head, string relation, WordItem[] items)
    {
        for (var c = s.FirstChild(head); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) != relation)
            {
                continue;
            }
            if (ItemMatches(s, c, items))
            {
                return c;
            }
            if (relation == "obj")
            {
                // "a force of six bombers", "a bomber strike force consisting of ..." (misparsed heads): the theme may be
                // a compound on the object or its of-phrase.
                for (var d = s.FirstChild(c); d >= 0; d = s.NextSibling(d))
                {
                    if (s.Relation(d) is "compound" or "nmod" && d != c && ItemMatches(s, d, items) && (s.Relation(d) == "compound" || PrepositionIsOf(s, d)))
                    {
                        return c;
                    }
                }
            }
        }
        return -1;
    }

    private static bool PrepositionIsOf(View s, int t) => s.Child(t, "case") is >= 0 and var marker && s.Lemma(marker).SequenceEqual("of");

    /// <summary>Whether token <paramref name="t"/> is one of the items (multiword items checked in text order, determiners skipped).</summary>
    private static bool ItemMatches(View s, int t, WordItem[] items)
    {
        var lemma = s.Lemma(t);
        foreach (var item in items)
        {
            for (var k = 0; k < item.Lemmas.Length; k++)
            {
                if (!lemma.SequenceEqual(item.Lemmas[k]) && !(lemma.Length == item.Lemmas[k].Length + 1 && lemma.StartsWith(item.Lemmas[k]) && lemma[^1] == 's'))
                {
                    continue;
                }
                if (Around(s, t, item.Lemmas, k))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Around(View s, int t, string[] lemmas, int k)
    {
        var j = t;
        for (var l = k - 1; l >= 0; l--)
        {
            j--;
            while (j >= 0 && s.Upos(j) == "DET")
            {
                j--;
            }
            if (j < 0 || !s.Lemma(j).SequenceEqual(lemmas[l]))
            {
                return false;
            }
        }
        j = t;
        for (var r = k + 1; r < lemmas.Length; r++)
        {
            j++;
            while (j < s.Count && s.Upos(j) == "DET")
            {
                j++;
            }
            if (j >= s.Count || !s.Lemma(j).SequenceEqual(lemmas[r]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An obl/nmod/advcl child of <paramref name="head"/> introduced by one of the prepositions (and with one of the words as head).</summary>
    private static int FindPrepositional(View s, int head, string[] prepositions, WordItem[]? words)
    {
        for (var c = s.FirstChild(head); c >= 0; c = s.NextSibling(c))
        {
            var rel = s.Relation(c);
            if (!rel.StartsWith("obl", StringComparison.Ordinal) && !rel.StartsWith("nmod", StringComparison.Ordinal) && rel != "advcl")
            {
                continue;
            }
            // A clause ("to attend") is never a target; it may only satisfy a ~ constraint.
            if (rel == "nmod:poss" || (rel == "advcl" && words is null))
            {
                continue;
            }
            var marker = s.Child(c, "case");
            if (marker < 0)
            {
                marker = s.Child(c, "mark");
            }
            if (marker < 0 || !PrepositionIn(s, marker, prepositions))
            {
                continue;
            }
            if (words is null || ItemMatches(s, c, words))
            {
                return c;
            }
        }
        return -1;
    }

    private static bool PrepositionIn(View s, int marker, string[] prepositions)
    {
        var lemma = s.Lemma(marker);
        foreach (var p in prepositions)
        {
            var underscore = p.IndexOf('_');
            if (underscore < 0)
            {
                if (lemma.SequenceEqual(p))
                {
                    return true;
                }
                continue;
            }
            // Multiword prepositions ("on_behalf_of"): the case word and the words after it in the text.
            var parts = p.Split('_');
            var ok = true;
            for (var k = 0; k < parts.Length && ok; k++)
            {
                var t = marker + k;
                ok = t < s.Count && s.Lemma(t).SequenceEqual(parts[k]);
            }
            if (!ok)
            {
                ok = true;
                for (var k = 0; k < parts.Length && ok; k++)
                {
                    var t = marker - parts.Length + 1 + k;
                    ok = t >= 0 && s.Lemma(t).SequenceEqual(parts[k]);
                }
            }
            if (ok)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The subject of a verb, inherited through conjunction and control when it has none.</summary>
    private static int Subject(View s, int v)
    {
        for (var hops = 0; hops < 4 && v >= 0; hops++)
        {
            var subject = s.Child(v, "nsubj");
            if (subject >= 0)
            {
                return subject;
            }
            var rel = s.Relation(v);
            if (rel is "conj" or "xcomp" or "advcl")
            {
                v = s.Head(v);
                continue;
            }
            // A greedy parser often makes a long subject the root and hangs the verb from it as parataxis
            // ("Kerri Kupec, spokeswoman for ..., criticized the decision"): a nominal head before the verb is its subject.
            var h = s.Head(v);
            if (rel is "parataxis" or "appos" or "acl" && h >= 0 && h < v && s.Upos(h) is "NOUN" or "PROPN")
            {
                return h;
            }
            break;
        }
        return -1;
    }

    /// <summary>The agent of a passive verb: an obl:agent or a by-phrase, also one hung on its obl ("in a statement by Egypt").</summary>
    private static int Agent(View s, int v)
    {
        var agent = s.Child(v, "obl:agent");
        if (agent < 0)
        {
            agent = FindPrepositional(s, v, ByOnly, null);
        }
        for (var c = s.FirstChild(v); c >= 0 && agent < 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) == "obl")
            {
                agent = FindPrepositional(s, c, ByOnly, null);
            }
        }
        return agent;
    }

    private static readonly string[] ByOnly = ["by"];
    private static readonly string[] Hazards = ["earthquake", "quake", "tremor", "aftershock", "storm", "hurricane", "typhoon", "cyclone", "tornado", "flood", "flooding", "wildfire", "fire", "blaze", "tsunami", "landslide", "avalanche", "drought", "heatwave", "virus", "coronavirus", "pandemic", "epidemic", "disease", "outbreak", "crash", "accident", "collision", "derailment", "eruption", "volcano", "lightning", "rain", "snow", "wind", "winds"];
    private static readonly string[] AnnouncingVerbs = ["announce", "say", "declare", "state", "confirm", "tell"];
    private static readonly string[] FutureAuxiliaries = ["will", "would", "shall"];

    /// <summary>
    /// Whether the embedded subject is the key subject's own side: a pronoun, something of theirs ("her government",
    /// "its troops"), a sector with no country of its own, or an actor of the same country.
    /// </summary>
    private static bool IsOwnSide(SentenceInput input, View s, int embedded, int key)
    {
        if (embedded < 0 || embedded == key || s.Upos(embedded) == "PRON")
        {
            return true;
        }
        for (var c = s.FirstChild(embedded); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) == "nmod:poss" && s.Upos(c) == "PRON")
            {
                return true;
            }
        }
        if (ActorOf(input, s, embedded) is not { } other || (other.Kind == ActorMentionKind.SectorOnly && other.Country is null))
        {
            return true;
        }
        return key >= 0 && ActorOf(input, s, key) is { } speaker && speaker.Country == other.Country;
    }

    /// <summary>Whether clause <paramref name="c"/> is about the future: "will withdraw", "would be leaving", "is to join".</summary>
    private static bool IsFutureClause(View s, int c)
    {
        for (var d = s.FirstChild(c); d >= 0; d = s.NextSibling(d))
        {
            if (s.Relation(d) == "aux" && IsOneOf(s.Lemma(d), FutureAuxiliaries))
            {
                return true;
            }
        }
        return false;
    }

    private static string Modality(View s, int v)
    {
        for (var hops = 0; hops < 3 && v >= 0; hops++)
        {
            for (var c = s.FirstChild(v); c >= 0; c = s.NextSibling(c))
            {
                var rel = s.Relation(c);
                var lemma = s.Lemma(c);
                if (rel == "advmod" && (lemma.SequenceEqual("not") || lemma.SequenceEqual("never")))
                {
                    return "negated";
                }
                if (rel == "aux" && IsModal(lemma))
                {
                    return "hypothetical";
                }
                if (rel == "mark" && (lemma.SequenceEqual("if") || lemma.SequenceEqual("unless")))
                {
                    return "hypothetical";
                }
            }
            var r = s.Relation(v);
            if (r is "xcomp" or "conj")
            {
                v = s.Head(v);
                continue;
            }
            if (r == "advcl" || r == "ccomp")
            {
                // The condition ("if") sits on the clause itself; the governing clause's modality does not pass down.
                break;
            }
            break;
        }
        return "asserted";
    }

    private static bool IsModal(ReadOnlySpan<char> lemma) => IsOneOf(lemma, Modals);

    /// <summary>The subject of the speech verb when <paramref name="v"/> is reported speech ("X said Y attacked Z").</summary>
    private static int Speaker(View s, int v)
    {
        var rel = s.Relation(v);
        var h = s.Head(v);
        if (h < 0)
        {
            return -1;
        }
        return rel is "ccomp" or "parataxis" && IsSpeechVerb(s.Lemma(h)) ? Subject(s, h) : -1;
    }

    private static bool IsSpeechVerb(ReadOnlySpan<char> lemma) => IsOneOf(lemma, SpeechVerbs);

    /// <summary>
    /// Criticism, rejection and protest aimed at an attack are aimed at its perpetrator: "crowds took to the
    /// streets to condemn the assassinations" targets whoever carried them out, named on the noun ("the US strike",
    /// "the attack by X") or coded earlier in the document.
    /// </summary>
    private void TargetPerpetrators(SentenceInput input, View s, List<Raw> events)
    {
        foreach (var e in events)
        {
            if (e.Dropped || e.Code is not (['1', '1', ..] or ['1', '2', ..] or ['1', '4', ..]))
            {
                continue;
            }
            var act = e.TargetToken >= 0 && IsAttackNoun(s, e.TargetToken) ? e.TargetToken : -1;
            if (act < 0 && e.TargetToken < 0 && e.Code.StartsWith("14", StringComparison.Ordinal))
            {
                act = ProtestedAct(s, e.Predicate);
            }
            if (act >= 0 && Perpetrator(input, s, act) is { } perpetrator)
            {
                e.TargetActor = perpetrator;
            }
        }
    }

    private static readonly string[] QuoteVerbs = ["say", "tell", "claim", "announce", "state", "add", "insist", "confirm", "allege", "write", "tweet", "warn", "declare", "explain", "note", "ask", "reply", "respond", "post"];

    /// <summary>Records the sentence's speech verbs and their speakers (resolved actor, else the name as written).</summary>
    private static void RecordSpeech(SentenceInput input, View s)
    {
        for (var v = 0; v < s.Count; v++)
        {
            if (s.Upos(v) != "VERB" || !IsOneOf(s.Lemma(v), QuoteVerbs))
            {
                continue;
            }
            var subject = Subject(s, v);
            var actor = subject >= 0 ? ActorOf(input, s, subject) : null;
            if (actor is null && AdjacentSpeaker(input, s, v) is { } beside)
            {
                // Parsers often lose the subject of an inverted or quote-final "said": ", said President Duterte",
                // "... this," Prime Minister Abdul Mahdi said.
                actor = beside;
                subject = -1;
            }
            var verb = input.Syntax.Tokens[v];
            string? name = null;
            int start = -1, end = -1;
            if (subject >= 0)
            {
                (start, end) = NameSpan(input, s, subject, properOnly: false);
                name = input.Text[start..end];
            }
            else if (actor is { } named)
            {
                (start, end, name) = (named.Start, named.End, input.Text[named.Start..named.End]);
            }
            input.Memory.Speech.Add(new SpeechAct(input.Number, verb.Start, verb.End, input.Text.Substring(verb.Start, verb.Length),
                actor is { } a ? EventActor.From(input.Text, a) : null, name, start, end));
        }
    }

    /// <summary>An actor named right after a speech verb that follows a quotation or comma, else right before the verb.</summary>
    private static ActorMention? AdjacentSpeaker(SentenceInput input, View s, int v)
    {
        var inverted = v > 0 && s.Upos(v - 1) == "PUNCT";
        ActorMention? before = null;
        foreach (var m in input.Mentions)
        {
            if (inverted && m.FirstToken > v && m.FirstToken <= v + 2)
            {
                return m;
            }
            if (m.FirstToken + m.TokenCount <= v && m.FirstToken + m.TokenCount >= v - 1)
            {
                before = m;
            }
        }
        return before;
    }

    private static readonly string[] CountryNouns = ["country", "nation"];

    private static readonly string[] OverAgainst = ["over", "against"];
    private static readonly string[] ByFrom = ["by", "from"];
    private static readonly string[] VictimNouns = ["assassination", "killing", "murder", "death", "execution", "arrest", "detention", "kidnapping", "abduction", "beheading", "poisoning", "expulsion", "deportation", "extradition"];

    /// <summary>What a protest is about: "taking to the streets to condemn the assassinations", "protests over the strike".</summary>
    private int ProtestedAct(View s, int predicate)
    {
        for (var c = s.FirstChild(predicate); c >= 0; c = s.NextSibling(c))
        {
            var rel = s.Relation(c);
            if (rel is "xcomp" or "advcl" && s.Child(c, "obj") is >= 0 and var obj && IsAttackNoun(s, obj))
            {
                return obj;
            }
        }
        var about = FindPrepositional(s, predicate, OverAgainst, null);
        return about >= 0 && IsAttackNoun(s, about) ? about : -1;
    }

    private bool IsAttackNoun(View s, int t) => AttackCode(s, t) is not null;

    /// <summary>The CAMEO code of attack noun <paramref name="t"/> (18-20), or null when it is not one.</summary>
    private string? AttackCode(View s, int t) => AttackPattern(s, t)?.Code;

    /// <summary>The noun pattern that makes <paramref name="t"/> an attack (18-20), or null.</summary>
    private NounPattern? AttackPattern(View s, int t)
    {
        if (s.Upos(t) != "NOUN")
        {
            return null;
        }
        foreach (var p in _lexicon.Nouns(s.Lemma(t)))
        {
            if (p.Code is ['1', '8', ..] or ['1', '9', ..] or ['2', '0', ..] && NounMatches(s, t, p))
            {
                return p;
            }
        }
        return null;
    }

    /// <summary>Who carried out attack noun <paramref name="t"/>: its agent, an actor compound on it, or the document's record of that act.</summary>
    private ActorMention? Perpetrator(SentenceInput input, View s, int t)
    {
        var agent = CauseAgent(s, t);
        if (agent >= 0 && ActorOf(input, s, agent) is { } named)
        {
            return named;
        }
        // "the US drone missile strike": an actor among the noun's compounds and adjectives (not its "of" victim).
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) is "compound" or "amod" && CompoundActor(input, s, c, 0) is { } modifier)
            {
                return modifier;
            }
        }
        var memory = input.Memory;
        if (AttackCode(s, t) is { } code && (memory.Perpetrators.TryGetValue(code, out var known) || memory.Perpetrators.TryGetValue(code[..2], out known)))
        {
            return known;
        }
        return s.Child(t, "det") >= 0 ? memory.LastPerpetrator : null;
    }

    private static ActorMention? CompoundActor(SentenceInput input, View s, int t, int depth) =>
        CompoundActorToken(s, t, depth) is >= 0 and var token ? input.Mentions[s.Scratch.MentionAt[token]] : null;

    /// <summary>A token under <paramref name="t"/> (itself, or down a chain of compounds and adjectives) that is an actor mention.</summary>
    private static int CompoundActorToken(View s, int t, int depth)
    {
        if (s.Scratch.MentionAt[t] >= 0)
        {
            return t;
        }
        if (depth >= 3)
        {
            return -1;
        }
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) is "compound" or "amod" or "nmod:unmarked" or "nmod:npmod" && CompoundActorToken(s, c, depth + 1) is >= 0 and var found)
            {
                return found;
            }
        }
        return -1;
    }

    /// <summary>Whether the argument at <paramref name="t"/> names a person (by the actor dictionary, or an unknown proper name).</summary>
    private static bool IsPersonArgument(View s, int t) =>
        s.Scratch.MentionAt[t] >= 0 ? s.Scratch.PersonMention[s.Scratch.MentionAt[t]] : s.Upos(t) == "PROPN";

    /// <summary>Records who carried out the sentence's attacks, for later "the strike", "the assassination".</summary>
    private static void RememberPerpetrators(SentenceInput input, View s, List<Raw> events)
    {
        foreach (var e in events)
        {
            if (e.Dropped || e.Code is not (['1', '8', ..] or ['1', '9', ..] or ['2', '0', ..]))
            {
                continue;
            }
            var source = e.SourceToken >= 0 ? ActorOf(input, s, e.SourceToken) : null;
            if (source is null && s.Upos(e.Predicate) == "NOUN")
            {
                for (var c = s.FirstChild(e.Predicate); c >= 0 && source is null; c = s.NextSibling(c))
                {
                    if (s.Relation(c) is "compound" or "amod")
                    {
                        source = CompoundActor(input, s, c, 0);
                    }
                }
            }
            if (source is { } perpetrator && perpetrator.Kind != ActorMentionKind.SectorOnly)
            {
                input.Memory.Perpetrators[e.Code] = perpetrator;
                input.Memory.Perpetrators[e.Code[..2]] = perpetrator;
                if (s.Upos(e.Predicate) == "NOUN")
                {
                    input.Memory.Perpetrators[NounKey(s, e.Predicate, compound: true)] = perpetrator;
                }
                // "Iran attacked US bases" makes a later "the attacks" Iran's, as "the strike" after "struck".
                input.Memory.Perpetrators[NounKey(s, e.Predicate, compound: false)] = perpetrator;
                input.Memory.LastPerpetrator = perpetrator;
            }
        }
    }

    private static readonly string[] CharacterizingVerbs = ["call", "describe", "characterize", "characterise", "label", "brand", "dub", "term", "denounce"];
    private static readonly string[] PositiveWords = ["success", "successful", "hero", "heroic", "victory", "great", "good", "historic", "friend", "partner", "important", "positive", "constructive", "productive", "legitimate", "excellent", "brave", "courageous", "defensive", "necessary", "fair", "right", "legal", "lawful"];
    private static readonly string[] CriminalWords = ["terrorist", "terrorism", "criminal", "murderer", "killer", "war_criminal", "thief", "liar", "traitor", "sponsor"];
    private static readonly string[] AccusingVerbs = ["allege", "claim", "charge", "suspect", "assert", "insist", "say", "believe"];
    private static readonly string[] CulpableWords = ["involve", "responsible", "behind", "link", "guilty", "complicit", "doing", "fault", "culprit", "perpetrator", "orchestrate", "fraud", "involvement", "involved", "linked", "connected", "accountable", "to_blame"];

    /// <summary>
    /// "Corbyn called the move a smash and grab", "Iraq characterized the attack as a violation", "labeled Soleimani a
    /// terrorist": a speaker's verdict on an actor or an actor's act. Negative or neutral verdicts are criticism (111);
    /// naming an actor a terrorist or criminal is an accusation (112); praise is not coded here.
    /// </summary>
    private static void CodeCharacterizations(View s, List<Raw> events)
    {
        for (var v = 0; v < s.Count; v++)
        {
            if (s.Upos(v) != "VERB" || !IsOneOf(s.Lemma(v), CharacterizingVerbs))
            {
                continue;
            }
            if (HasEventAt(events, v))
            {
                // "labeled the Guard a terrorist organization": the lexicon's criticism becomes an accusation.
                foreach (var e in events)
                {
                    if (e.Predicate == v && e.Code == "111" && Verdict(s, v) is >= 0 and var said && IsCriminal(s, said))
                    {
                        e.Code = "112";
                    }
                }
                continue;
            }
            var obj = s.Child(v, "obj");
            if (obj < 0)
            {
                continue;
            }
            var verdict = Verdict(s, v);
            if (verdict < 0 && s.Lemma(v).SequenceEqual("denounce"))
            {
                verdict = obj;
            }
            if (verdict < 0 || IsOneOf(s.Lemma(verdict), PositiveWords) || HasPositiveModifier(s, verdict))
            {
                continue;
            }
            var code = IsCriminal(s, verdict) ? "112" : "111";
            var passive = s.Child(v, "nsubj:pass") >= 0;
            events.Add(new Raw(v, code, passive ? Agent(s, v) : Subject(s, v), passive ? s.Child(v, "nsubj:pass") : obj, Modality(s, v), Speaker(s, v), new LexiconSource("rule:characterization", 0), 0.6f));
        }
    }

    /// <summary>
    /// "Tamim claimed Houthis have attacked journalists", "the US alleged Iranian involvement", "Pompeo said the crash
    /// was Iran's doing": a speaker who puts a hostile act or the blame on another actor accuses it (112).
    /// </summary>
    private static void CodeAccusations(View s, List<Raw> events)
    {
        var count = events.Count;
        for (var v = 0; v < s.Count; v++)
        {
            if (s.Upos(v) != "VERB" || !IsOneOf(s.Lemma(v), AccusingVerbs))
            {
                continue;
            }
            Raw? existing = null;
            foreach (var e in events)
            {
                if (e.Predicate == v)
                {
                    existing = e;
                }
            }
            if (existing is not null && (existing.TargetToken >= 0 || !existing.Code.StartsWith("11", StringComparison.Ordinal)))
            {
                continue;
            }
            var plainSay = s.Lemma(v).SequenceEqual("say") || s.Lemma(v).SequenceEqual("believe");
            var speaker = Subject(s, v);
            if (speaker < 0)
            {
                continue;
            }
            var target = -1;
            for (var c = s.FirstChild(v); c >= 0 && target < 0; c = s.NextSibling(c))
            {
                var rel = s.Relation(c);
                if (rel is "ccomp" or "parataxis")
                {
                    // The embedded act is hostile ("have attacked journalists") or puts blame ("were involved").
                    for (var i = 0; i < count && target < 0; i++)
                    {
                        var e = events[i];
                        if (!plainSay && e.Predicate == c && e.SourceToken >= 0 && e.Code is ['1', >= '1', ..] or ['2', '0', ..])
                        {
                            target = e.SourceToken;
                        }
                    }
                    if (target < 0 && HasCulpableWord(s, c))
                    {
                        target = s.Child(c, "nsubj") is >= 0 and var subj ? subj : s.Child(c, "nsubj:pass");
                        if (target < 0 && s.Lemma(c).SequenceEqual("doing"))
                        {
                            target = s.Child(c, "nmod:poss");
                        }
                    }
                }
                else if (rel == "obj" && !plainSay && IsOneOf(s.Lemma(c), CulpableWords))
                {
                    // "alleged Iranian involvement": the actor on the blamed noun.
                    for (var m = s.FirstChild(c); m >= 0; m = s.NextSibling(m))
                    {
                        if (s.Relation(m) is "amod" or "nmod:poss" or "nmod" or "compound" && s.Scratch.MentionAt[m] >= 0)
                        {
                            target = m;
                            break;
                        }
                    }
                }
            }
            if (target >= 0 && target != speaker && existing is not null)
            {
                // "alleged Iranian involvement": the lexicon's accusation without a target gets the blamed actor.
                existing.TargetToken = target;
            }
            else if (target >= 0 && target != speaker)
            {
                events.Add(new Raw(v, "112", speaker, target, Modality(s, v), -1, new LexiconSource("rule:accusation", 0), 0.6f));
            }
        }
    }

    /// <summary>"March", "May" capitalised inside a sentence are months ("Tuesday, March 5"), not protest marches.</summary>
    private static bool IsMonthName(View s, int t)
    {
        var lemma = s.Lemma(t);
        return (lemma.SequenceEqual("march") || lemma.SequenceEqual("may")) && char.IsUpper(s.Form(t)[0]) &&
            (t > 0 || (t + 1 < s.Count && s.Upos(t + 1) == "NUM"));
    }

    /// <summary>The verdict of "call X Y" / "describe X as Y": an xcomp that is not an infinitive, an as-phrase, or a quoted noun phrase.</summary>
    private static int Verdict(View s, int v)
    {
        var verdict = s.Child(v, "xcomp");
        if (verdict >= 0 && s.Upos(verdict) == "VERB")
        {
            // "called X to testify" is an appeal, not a verdict.
            verdict = -1;
        }
        if (verdict < 0)
        {
            verdict = FindPrepositional(s, v, ["as"], null);
        }
        if (verdict < 0 && s.Child(v, "advcl") is >= 0 and var misparsed && s.Child(misparsed, "det") >= 0)
        {
            // A quoted verdict the parser read as a clause: called the move a "smash and grab".
            verdict = misparsed;
        }
        if (verdict < 0 && s.Child(v, "obj") is >= 0 and var obj && s.Child(obj, "appos") is >= 0 and var appos && s.Child(appos, "det") >= 0)
        {
            // "labeled the Guard a terrorist organization", read as an apposition.
            verdict = appos;
        }
        return verdict;
    }

    /// <summary>"a terrorist", "a terrorist organization", "war criminals": a verdict that charges a crime.</summary>
    private static bool IsCriminal(View s, int t)
    {
        if (IsOneOf(s.Lemma(t), CriminalWords))
        {
            return true;
        }
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) is "amod" or "compound" && IsOneOf(s.Lemma(c), CriminalWords))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasPositiveModifier(View s, int t)
    {
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) == "amod" && IsOneOf(s.Lemma(c), PositiveWords))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The memory key of an attack noun: "noun:strike", or with its compound "noun:strike:drone".</summary>
    private static string NounKey(View s, int t, bool compound)
    {
        var key = "noun:" + s.Lemma(t).ToString();
        if (compound)
        {
            for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
            {
                if (s.Relation(c) == "compound" && s.Upos(c) == "NOUN")
                {
                    return key + ":" + s.Lemma(c).ToString();
                }
            }
        }
        return key;
    }

    /// <summary>The characters of a name headed at <paramref name="t"/>: the head with its flat and compound parts ("Delfin Lorenzana").</summary>
    private static (int Start, int End) NameSpan(SentenceInput input, View s, int t, bool properOnly)
    {
        var start = input.Syntax.Tokens[t].Start;
        var end = input.Syntax.Tokens[t].End;
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) is "flat" or "compound" && (!properOnly || s.Upos(c) == "PROPN"))
            {
                start = Math.Min(start, input.Syntax.Tokens[c].Start);
                end = Math.Max(end, input.Syntax.Tokens[c].End);
            }
        }
        return (start, end);
    }

    /// <summary>An unknown person named at <paramref name="t"/> coded as a criminal of the document's country, or null.</summary>
    private static EventActor? InferredCriminal(SentenceInput input, View s, int t)
    {
        if (t < 0 || s.Upos(t) != "PROPN" || s.Scratch.MentionAt[t] >= 0 || input.Memory.FocusCountry is not { } country)
        {
            return null;
        }
        var (start, end) = NameSpan(input, s, t, properOnly: true);
        return new EventActor(input.Text[start..end], country + "CRM", country, "CRM", start, end, 0.5f, "person not in the dictionaries; criminal by the act, country by the document");
    }

    /// <summary>
    /// Whether an actorless event still names its participants: a noun or name as subject, passive subject or object
    /// ("Manafort was sentenced", "an individual has been arrested"), not a pronoun ("I wanted to help", "we spoke").
    /// </summary>
    private static bool HasNamedArgument(View s, Raw raw)
    {
        var subject = Subject(s, raw.Predicate);
        if (subject >= 0 && s.Upos(subject) == "PRON")
        {
            return false;
        }
        foreach (var t in (ReadOnlySpan<int>)[subject, raw.SourceToken, raw.TargetToken, s.Child(raw.Predicate, "nsubj:pass"), s.Child(raw.Predicate, "obj")])
        {
            if (t >= 0 && s.Upos(t) is "NOUN" or "PROPN")
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsQuestion(SentenceInput input) =>
        input.Sentence.Length > 0 && input.Text[input.Sentence.End - 1] == '?';

    private static bool HasEventAt(List<Raw> events, int predicate)
    {
        foreach (var e in events)
        {
            if (e.Predicate == predicate)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether clause <paramref name="c"/> puts blame: its predicate or a dependent is a culpability word.</summary>
    private static bool HasCulpableWord(View s, int c)
    {
        if (IsOneOf(s.Lemma(c), CulpableWords))
        {
            return true;
        }
        for (var d = s.FirstChild(c); d >= 0; d = s.NextSibling(d))
        {
            if (s.Relation(d) is "xcomp" or "obl" or "advmod" && IsOneOf(s.Lemma(d), CulpableWords))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> lemma, string[] words)
    {
        foreach (var w in words)
        {
            if (lemma.SequenceEqual(w))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] ConsequenceVerbs = ["suffer", "pay", "regret", "face"];

    /// <summary>
    /// "If Iran does anything ..., they will suffer the consequences", said by a speaker: a threat (130) from the
    /// speaker to the actor of the if-clause. Found sentence-wide, since parsers attach the if-clause loosely.
    /// </summary>
    private static void CodeConditionalThreat(View s, List<Raw> events)
    {
        var consequence = -1;
        var condition = -1;
        for (var t = 0; t < s.Count; t++)
        {
            if (s.Upos(t) == "VERB" && consequence < 0)
            {
                var lemma = s.Lemma(t);
                foreach (var verb in ConsequenceVerbs)
                {
                    if (lemma.SequenceEqual(verb))
                    {
                        consequence = t;
                    }
                }
            }
            if (condition < 0 && s.Relation(t) == "advcl")
            {
                var mark = s.Child(t, "mark");
                if (mark >= 0 && (s.Lemma(mark).SequenceEqual("if") || s.Lemma(mark).SequenceEqual("unless")))
                {
                    condition = s.Child(t, "nsubj");
                }
            }
        }
        if (consequence < 0 || condition < 0)
        {
            return;
        }
        // The speaker: the subject of the sentence's speech verb that governs the quotation.
        var speaker = -1;
        for (var t = consequence; t >= 0 && speaker < 0; t = s.Head(t))
        {
            speaker = IsSpeechVerb(s.Lemma(t)) ? Subject(s, t) : Speaker(s, t);
        }
        if (speaker < 0)
        {
            return;
        }
        events.Add(new Raw(consequence, "130", speaker, condition, "asserted", -1, new LexiconSource("rule:conditional-threat", 0), 0.7f));
    }

    /// <summary>Recodes events embedded under complement verbs ("threatened to strike" = 138x) and drops the key verb's own event.</summary>
    private void ApplyComplements(SentenceInput input, View s, List<Raw> events)
    {
        List<Raw>? acts = null;
        foreach (var e in events)
        {
            var rel = s.Relation(e.Predicate);
            if (rel is not ("xcomp" or "ccomp") && !(rel == "advcl" && IsComplementMarked(s, e.Predicate)))
            {
                continue;
            }
            var h = s.Head(e.Predicate);
            if (h < 0)
            {
                continue;
            }
            var rule = ComplementFor(s, h);
            var announced = false;
            if ((rule is null || rule.Default == "*") && rel == "ccomp" && IsOneOf(s.Lemma(h), AnnouncingVerbs) && IsFutureClause(s, e.Predicate)
                && IsOwnSide(input, s, e.SourceToken, Subject(s, h)) && _lexicon.Complement("pledge") is { } intent)
            {
                // "Trump announced US troops would be leaving Syria", "Lam announced her government will withdraw the
                // bill": an announced future act of one's own side is the announcer's stated intent (03x), or a threat
                // if hostile (13x); "X announced that Y will attack" is not.
                rule = intent;
                announced = true;
            }
            if (rule is null)
            {
                continue;
            }
            var mapped = rule.Map(e.Code);
            if (mapped is null)
            {
                continue;
            }
            var keySubject = Subject(s, h);
            var root = mapped.Length >= 2 ? mapped[..2] : mapped;
            if (root is "02" or "10")
            {
                var addressee = s.Child(h, "obj");
                if (addressee < 0)
                {
                    addressee = FindPrepositional(s, h, ["on", "to"], null);
                }
                e.TargetToken = addressee >= 0 ? addressee : e.SourceToken >= 0 && e.SourceToken != keySubject ? e.SourceToken : e.TargetToken;
            }
            else if (root == "11")
            {
                var accused = s.Child(h, "obj");
                if (accused >= 0)
                {
                    e.TargetToken = accused;
                }
            }
            else if (!announced && e.SourceToken >= 0 && keySubject >= 0 && e.SourceToken != keySubject && rule.Default != "*")
            {
                // Intent, threat and rejection keys need the subject's own act: "Iran warned that Israel would strike" is not a threat.
                continue;
            }
            if (UnderlyingModality(mapped) is { } underlying && mapped != e.Code)
            {
                // The threatened, intended or denied act itself, kept for --modality all: "threatened to strike" is a
                // 138 threat (asserted) over a 195 strike that is only threatened.
                (acts ??= []).Add(e with { Modality = underlying, SourceToken = e.SourceToken >= 0 ? e.SourceToken : keySubject, Weight = e.Weight * 0.8f });
            }
            e.Code = mapped;
            e.OwnStatement = announced;
            // A transparent key over a clause with its own subject reports that subject's act ("Tamim claimed Houthis
            // have attacked journalists"); otherwise the key's subject is the actor ("claimed to have attacked").
            var ownSubject = rel == "ccomp" && rule.Default == "*" && e.SourceToken >= 0;
            if (keySubject >= 0 && !ownSubject)
            {
                e.SourceToken = keySubject;
            }
            foreach (var other in events)
            {
                if (other.Predicate == h)
                {
                    other.Dropped = true;
                }
            }
        }
        if (acts is not null)
        {
            events.AddRange(acts);
        }
    }

    private static readonly string[] ForTo = ["for", "to"];

    /// <summary>The modality of the act under a complement key, by the key's new code: threats, intents, denials.</summary>
    private static string? UnderlyingModality(string mapped) => mapped switch
    {
        ['1', '3', ..] => "threatened",
        ['0', '3', ..] => "intended",
        "016" => "denied",
        _ => null,
    };

    /// <summary>An adverbial clause that is really a complement: "voted [for forcing US troops out]".</summary>
    private static bool IsComplementMarked(View s, int clause)
    {
        var mark = s.Child(clause, "mark");
        return mark >= 0 && IsOneOf(s.Lemma(mark), ForTo) && s.Child(clause, "nsubj") < 0;
    }

    private ComplementRule? ComplementFor(View s, int h)
    {
        var lemma = s.Lemma(h).ToString();
        var particle = s.Child(h, "compound:prt");
        if (particle >= 0 && _lexicon.Complement(lemma + "_" + s.Lemma(particle).ToString()) is { } withParticle)
        {
            return withParticle;
        }
        for (var c = s.FirstChild(h); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c).StartsWith("obl", StringComparison.Ordinal))
            {
                var marker = s.Child(c, "case");
                if (marker >= 0 && _lexicon.Complement(lemma + "_" + s.Lemma(marker).ToString()) is { } withPrep)
                {
                    return withPrep;
                }
            }
        }
        return _lexicon.Complement(lemma);
    }

    /// <summary>
    /// Complement keys over an event noun: "demanding their expulsion", "threatened sanctions", "called for talks".
    /// The noun's event is recoded by the key (demand, threat, appeal ...) and takes the key's subject as source.
    /// </summary>
    private void ApplyNounComplements(View s, List<Raw> events)
    {
        var count = events.Count;
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            if (e.Dropped || s.Upos(e.Predicate) != "NOUN" || s.Relation(e.Predicate) is not ("obj" or "obl"))
            {
                continue;
            }
            var h = s.Head(e.Predicate);
            if (h < 0 || s.Upos(h) != "VERB" || HasEventAt(events, h) && !KeyOnlyEvent(events, h))
            {
                continue;
            }
            var rule = ComplementFor(s, h);
            if (rule?.Map(e.Code) is not { } mapped)
            {
                continue;
            }
            var keySubject = Subject(s, h);
            if (mapped is ['0', '2', ..] or ['1', '0', ..])
            {
                // Appeals and demands are addressed to whoever must act: the noun's own target ("their expulsion").
                var addressee = FindPrepositional(s, h, OnTo, null);
                e.TargetToken = addressee >= 0 ? addressee : e.TargetToken;
            }
            else if (e.SourceToken >= 0 && keySubject >= 0 && e.SourceToken != keySubject && rule.Default != "*")
            {
                continue;
            }
            e.Code = mapped;
            if (keySubject >= 0)
            {
                e.SourceToken = keySubject;
            }
            foreach (var other in events)
            {
                if (other.Predicate == h)
                {
                    other.Dropped = true;
                }
            }
        }
    }

    /// <summary>Whether the only events at <paramref name="h"/> are the key verb's own bare reading (a demand, a threat).</summary>
    private static bool KeyOnlyEvent(List<Raw> events, int h)
    {
        foreach (var e in events)
        {
            if (e.Predicate == h && e.Code.Length == 3 && e.Code[2] != '0')
            {
                return false;
            }
        }
        return true;
    }

    private static readonly string[] OnTo = ["on", "to"];

    private void CodeNoun(View s, int t, List<Raw> events)
    {
        var lemma = s.Lemma(t);
        if (IsMonthName(s, t))
        {
            return;
        }
        foreach (var ex in _lexicon.NounExclusions(lemma))
        {
            if (NounMatches(s, t, ex) && (ex.TargetPrepositions is not { Length: > 0 } preps || FindPrepositional(s, t, preps, null) >= 0))
            {
                return;
            }
        }
        foreach (var p in _lexicon.Nouns(lemma))
        {
            if (!NounMatches(s, t, p))
            {
                continue;
            }
            var target = p.TargetPrepositions is { Length: > 0 } preps ? FindPrepositional(s, t, preps, null) : -1;
            if (target < 0 && p.Code is ['0', '2', ..] or ['1', '0', ..] && p.Constraints.Length > 0)
            {
                // "the call for the end of the US military presence": whoever must act is named in what is asked for.
                var asked = NounPrepositional(s, t, p.Constraints[0].Prepositions, p.Constraints[0].Words);
                for (var c = asked >= 0 ? s.FirstChild(asked) : -1; c >= 0 && target < 0; c = s.NextSibling(c))
                {
                    if (s.Relation(c) is "nmod" or "nmod:poss")
                    {
                        target = c;
                    }
                }
            }
            var victimNoun = IsOneOf(lemma, VictimNouns);
            var source = s.Child(t, "nmod:poss");
            if (source >= 0 && victimNoun && (IsPersonArgument(s, source) || s.Upos(source) == "PRON"))
            {
                // "Suleimani's assassination": the person is the victim.
                target = target < 0 ? source : target;
                source = -1;
            }
            if (source < 0)
            {
                // "attacks by X", "threats from Washington", "criticism from the UN".
                source = FindPrepositional(s, t, ByFrom, null);
            }
            if (source < 0)
            {
                // "the attack, reportedly conducted by the Taliban", "a lawsuit filed by Texas": the agent of a participle.
                for (var c = s.FirstChild(t); c >= 0 && source < 0; c = s.NextSibling(c))
                {
                    if (s.Relation(c) == "acl" && s.Upos(c) == "VERB")
                    {
                        source = s.Child(c, "obl:agent");
                    }
                }
            }
            if (source < 0 && s.Relation(t) == "obj" && s.Head(t) is >= 0 and var governor && s.Upos(governor) == "VERB" && !HasEventAt(events, governor))
            {
                // "he reiterated the call for ...", "Iran announced sanctions": the verb's subject owns the act (not when the
                // verb is an event of its own: "crowds condemned the assassinations" did not assassinate).
                source = Subject(s, governor);
            }
            // "Israeli airstrikes", "US sanctions", "the US drone missile strike": an actor adjective or compound on
            // the noun (through compounds); a person there is the victim of an assassination, not its author.
            for (var c = s.FirstChild(t); c >= 0 && (source < 0 || (victimNoun && target < 0)); c = s.NextSibling(c))
            {
                if (s.Relation(c) is "amod" or "compound" && CompoundActorToken(s, c, 0) is >= 0 and var actor)
                {
                    if (victimNoun && IsPersonArgument(s, actor))
                    {
                        target = target < 0 ? actor : target;
                    }
                    else if (source < 0)
                    {
                        source = actor;
                    }
                }
            }
            events.Add(new Raw(t, p.Code, source, target, Modality(s, s.Head(t) >= 0 ? s.Head(t) : t), -1, p.Source, 0.7f));
            return;
        }
    }

    /// <summary>
    /// A prepositional phrase of event noun <paramref name="t"/>, or of its verb when the noun is the verb's object
    /// (parsers attach "reiterated [the call] [for the end of ...]" either way).
    /// </summary>
    private static int NounPrepositional(View s, int t, string[] prepositions, WordItem[]? words)
    {
        var found = FindPrepositional(s, t, prepositions, words);
        if (found < 0 && s.Relation(t) == "obj" && s.Head(t) is >= 0 and var verb && found < 0)
        {
            found = FindPrepositional(s, verb, prepositions, words);
            if (found >= 0 && found < t)
            {
                found = -1;
            }
        }
        return found;
    }

    /// <summary>Whether a noun pattern (the noun and all its ~ constraints) holds at token <paramref name="t"/>.</summary>
    private static bool NounMatches(View s, int t, NounPattern p)
    {
        if (!ItemMatches(s, t, [p.Noun]))
        {
            return false;
        }
        foreach (var c in p.Constraints)
        {
            if (NounPrepositional(s, t, c.Prepositions, c.Words) < 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The actor mention that fills argument <paramref name="t"/>: one covering it, one on a modifier, or a pronoun's antecedent.</summary>
    private static ActorMention? ActorOf(SentenceInput input, View s, int t)
    {
        var found = FindActor(input, s, t);
        if (s.Upos(t) != "PROPN")
        {
            return found;
        }
        var name = input.Text.Substring(input.Syntax.Tokens[t].Start, input.Syntax.Tokens[t].Length);
        if (found is { } m)
        {
            if (s.Scratch.MentionAt[t] < 0)
            {
                // Remember the name and its flat parts ("Delfin Lorenzana") for later mentions by surname.
                input.Memory.Names[name] = m;
                for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
                {
                    if (s.Relation(c) == "flat")
                    {
                        input.Memory.Names[input.Text.Substring(input.Syntax.Tokens[c].Start, input.Syntax.Tokens[c].Length)] = m;
                    }
                }
                input.Memory.LastPerson = m;
                input.Memory.LastPersonSentence = input.Number;
            }
            return m;
        }
        return input.Memory.Names.TryGetValue(name, out var known) ? known : null;
    }

    private static ActorMention? FindActor(SentenceInput input, View s, int t)
    {
        if (t < 0)
        {
            return null;
        }
        var at = s.Scratch.MentionAt[t];
        if (at >= 0)
        {
            return input.Mentions[at];
        }
        // Modifiers of the argument head, nearest first: "Iranian missiles", "Iraq's parliament", "the forces of
        // Iran", "Iranian airline Mahan Air" (three levels down at most; clauses and conjuncts are not the argument).
        Span<int> frontier = stackalloc int[64];
        Span<int> next = stackalloc int[64];
        frontier[0] = t;
        var size = 1;
        for (var depth = 0; depth < 3 && size > 0; depth++)
        {
            var count = 0;
            for (var c = 0; c < s.Count && count < next.Length; c++)
            {
                var h = s.Head(c);
                if (h < 0 || frontier[..size].IndexOf(h) < 0)
                {
                    continue;
                }
                var rel = s.Relation(c);
                if (rel is not ("compound" or "amod" or "nmod:poss" or "nmod" or "nmod:desc" or "flat" or "appos" or "obl:npmod" or "nmod:npmod" or "nmod:unmarked"))
                {
                    continue;
                }
                if (s.Scratch.MentionAt[c] >= 0)
                {
                    return input.Mentions[s.Scratch.MentionAt[c]];
                }
                next[count++] = c;
            }
            next[..count].CopyTo(frontier);
            size = count;
        }
        if (s.Upos(t) == "PRON")
        {
            // A pronoun takes the nearest actor before it in the sentence ("The Pentagon said it was sending"),
            // else the last one in the document: people for he/she, states and organisations for it/they/we.
            var lemma = s.Lemma(t);
            var person = lemma.SequenceEqual("he") || lemma.SequenceEqual("she");
            var thing = lemma.SequenceEqual("it") || lemma.SequenceEqual("they") || lemma.SequenceEqual("we");
            if (!person && !thing)
            {
                return null;
            }
            var start = input.Syntax.Tokens[t].Start;
            ActorMention? nearest = null;
            foreach (var m in input.Mentions)
            {
                if (m.End <= start && (m.Kind == ActorMentionKind.Person) == person && m.Kind != ActorMentionKind.SectorOnly)
                {
                    nearest = m;
                }
            }
            if (nearest is null && person)
            {
                // "Puerto Rico's governor ... announced his resignation": an office holder named by role stands in
                // for a person.
                foreach (var m in input.Mentions)
                {
                    if (m.End <= start && m.Kind != ActorMentionKind.SectorOnly && m.Sector is "GOV" or "MIL" or "LEG" or "JUD" or "OPP" or "COP")
                    {
                        nearest = m;
                    }
                }
            }
            if (nearest is not null)
            {
                return nearest;
            }
            // Across sentences only he/she/they, and only to an actor named in the last two sentences: a pronoun far
            // from any named actor (interviews, "she spoke to me") is left unresolved rather than guessed.
            var memory = input.Memory;
            if (person)
            {
                return input.Number - memory.LastPersonSentence <= 2 ? memory.LastPerson : null;
            }
            return lemma.SequenceEqual("they") && input.Number - memory.LastActorSentence <= 2 ? memory.LastActor : null;
        }
        return null;
    }

    private void Emit(SentenceInput input, View s, Raw raw, List<CodedEvent> output)
    {
        var targets = raw.TargetActor is { } beyond ? [beyond] : Coordinated(input, s, raw.TargetToken);
        var sources = Coordinated(input, s, raw.SourceToken);
        if (sources.Count == 0 && raw.SourceToken < 0 && s.Upos(raw.Predicate) == "NOUN" && s.Child(raw.Predicate, "det") >= 0
            && raw.Code is ['1', '8', ..] or ['1', '9', ..] or ['2', '0', ..]
            && (input.Memory.Perpetrators.TryGetValue(NounKey(s, raw.Predicate, compound: true), out var known)
                || input.Memory.Perpetrators.TryGetValue(NounKey(s, raw.Predicate, compound: false), out known))
            && !(targets.Count > 0 && targets[0] is { } victim && victim.Country == known.Country))
        {
            // "The main targets of the missile attacks were ...": a definite attack already coded in the document
            // keeps its perpetrator, so this report of it (with its own place and date) has a source.
            sources.Add(known);
        }
        if (sources.Count == 0)
        {
            sources.Add(null);
        }
        if (targets.Count == 0)
        {
            targets.Add(null);
        }
        _cameo.TryGet(raw.Code, out var info);
        var token = input.Syntax.Tokens[raw.Predicate];
        var sentenceText = input.Text.Substring(input.Sentence.Start, input.Sentence.Length);
        // A coercive, violent or legal act stays an event when no actor resolves ("Manafort was sentenced", "two
        // journalists were shot"): what happened is known, who is not (source and target null, lower confidence).
        // Other verbs with no actor are mostly private or figurative ("I wanted to help", "we spoke"): a hand-judged
        // sample found 3 real events in 38 when they were all kept. An event noun with no actor is too often a
        // mention, not a report ("a state of emergency", "the trial").
        var verbal = s.Upos(raw.Predicate) == "VERB" && raw.Code is ['1', '7' or '8' or '9', ..] or ['2', '0', ..] or ['1', '1', '5' or '6', ..]
            && HasNamedArgument(s, raw) && !IsQuestion(input);
        var speaker = raw.Speaker >= 0 ? ActorOf(input, s, raw.Speaker) : null;
        foreach (var source in sources)
        {
            foreach (var target in targets)
            {
                if ((source is null && target is null && !verbal) || (raw.NeedsTargetActor && target is null && !IsNamedVictim(s, raw.TargetToken)))
                {
                    continue;
                }
                if (source is { } a && target is { } z && a.Code == z.Code && a.Start == z.Start)
                {
                    continue;
                }
                var modality = raw.Modality == "asserted" && speaker is not null && !raw.OwnStatement ? "claimed" : raw.Modality;
                var confidence = raw.Weight * (source?.Confidence ?? 0.7f) * (target?.Confidence ?? 0.7f) * (source is null && target is null ? 0.6f : 1f);
                var src = source is { } sm ? Resolve(input, s, sm, raw.Predicate) : null;
                var tgt = target is { } tm ? Resolve(input, s, tm, raw.Predicate) : null;
                if (tgt is null && raw.Code is ['1', '7', '3', ..] or "116" or "174")
                {
                    // "Crystal Munoz was convicted", "Manafort was sentenced": a named person the courts or police act
                    // on is a criminal suspect of the document's country, by the act itself (entity says so).
                    tgt = InferredCriminal(input, s, raw.TargetToken);
                }
                else if (src is null && raw.Code is ['1', '8', ..] && s.Upos(raw.Predicate) == "VERB")
                {
                    // "McArthur murdered gay men": an unknown person committing assault is a criminal.
                    src = InferredCriminal(input, s, raw.SourceToken);
                }
                if (src is null && tgt is null && !verbal)
                {
                    continue;
                }
                if (raw.Code.StartsWith("15", StringComparison.Ordinal) && src is not null && tgt is not null && src.Code == tgt.Code)
                {
                    // "dispatched bombers to the US military base on Diego Garcia": one's own base is a destination, not a target.
                    tgt = null;
                }
                output.Add(new CodedEvent
                {
                    Id = StableId(input.DocumentId, input.Number, token.Start, raw.Code, src?.Code, tgt?.Code, src?.Start, tgt?.Start),
                    DocumentId = input.DocumentId,
                    Sentence = input.Number,
                    Date = input.Date,
                    Source = src,
                    Target = tgt,
                    Cameo = raw.Code,
                    Root = raw.Code[..2],
                    Plover = info?.Plover,
                    QuadClass = info?.QuadClass ?? 0,
                    Goldstein = info?.Goldstein ?? 0,
                    TriggerText = input.Text.Substring(token.Start, token.Length),
                    TriggerStart = token.Start,
                    TriggerEnd = token.End,
                    Text = sentenceText,
                    SentenceStart = input.Sentence.Start,
                    SentenceEnd = input.Sentence.End,
                    Modality = modality,
                    AttributedTo = speaker is { } sp ? EventActor.From(input.Text, sp) : null,
                    Confidence = MathF.Round(confidence, 3),
                    Pattern = raw.Pattern.Line == 0 ? raw.Pattern.File : raw.Pattern.ToString(),
                });
            }
        }
    }

    /// <summary>
    /// An event side from a mention; a sector alone ("police", "protesters") takes its country from the nearest
    /// country named earlier in the sentence, else from the document's focus country, else it is dropped.
    /// </summary>
    private static EventActor? Resolve(SentenceInput input, View s, ActorMention m, int predicate)
    {
        if (m.Kind != ActorMentionKind.SectorOnly || m.Country is not null)
        {
            return EventActor.From(input.Text, m);
        }
        // "the country's parliament", "the nation's army": the country the document is about.
        for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount && t < s.Count; t++)
        {
            for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
            {
                if (s.Relation(c) == "nmod:poss" && IsOneOf(s.Lemma(c), CountryNouns) && input.Memory.FocusCountry is { } focus)
                {
                    return Composed(input, m, focus);
                }
            }
        }
        // A place in the event's own phrases says whose sector it is ("crowds took to the streets of Baghdad"), or
        // in the clause it serves ("took to the streets of Baghdad to condemn ...").
        for (var (p, hops) = (predicate, 0); p >= 0 && hops < 3; (p, hops) = (s.Relation(p) is "advcl" or "xcomp" or "conj" ? s.Head(p) : -1, hops + 1))
        {
            for (var c = s.FirstChild(p); c >= 0; c = s.NextSibling(c))
            {
                if (s.Relation(c).StartsWith("obl", StringComparison.Ordinal) && CountryWithin(input, s, c) is { } placed)
                {
                    return Composed(input, m, placed);
                }
            }
        }
        // The nearest country named in the sentence ("protesters in Baghdad"), earlier ones winning ties.
        string? country = null;
        var best = int.MaxValue;
        foreach (var other in input.Mentions)
        {
            if (other.Kind != ActorMentionKind.SectorOnly && other.Country is { Length: 3 } c && c is not ("IGO" or "NGO" or "MNC" or "IMG"))
            {
                var distance = other.Start < m.Start ? m.FirstToken - other.EndToken : other.FirstToken - m.EndToken + 1;
                if (distance < best)
                {
                    best = distance;
                    country = c;
                }
            }
        }
        country ??= input.Memory.FocusCountry;
        return country is null ? null : Composed(input, m, country);
    }

    private static EventActor Composed(SentenceInput input, ActorMention m, string country) =>
        new(input.Text[m.Start..m.End], country + m.Code, country, m.Code, m.Start, m.End, m.Confidence * 0.8f, m.Entity);

    /// <summary>A country named within the phrase headed by <paramref name="head"/> (two levels down), or null.</summary>
    private static string? CountryWithin(SentenceInput input, View s, int head)
    {
        for (var depth = 0; depth < 3; depth++)
        {
            var at = s.Scratch.MentionAt[head];
            if (at >= 0 && input.Mentions[at] is { Kind: not ActorMentionKind.SectorOnly, Country: { Length: 3 } named } && named is not ("IGO" or "NGO" or "MNC" or "IMG"))
            {
                return named;
            }
            var next = -1;
            for (var c = s.FirstChild(head); c >= 0 && next < 0; c = s.NextSibling(c))
            {
                if (s.Relation(c) is "nmod" or "compound" or "amod" or "conj")
                {
                    next = c;
                }
            }
            if (next < 0)
            {
                return null;
            }
            head = next;
        }
        return null;
    }

    /// <summary>The actors of an argument and of the arguments coordinated with it ("Iran and Iraq").</summary>
    private static List<ActorMention?> Coordinated(SentenceInput input, View s, int t)
    {
        var list = new List<ActorMention?>();
        if (t < 0)
        {
            return list;
        }
        if (ActorOf(input, s, t) is { } first)
        {
            list.Add(first);
        }
        for (var c = s.FirstChild(t); c >= 0; c = s.NextSibling(c))
        {
            if (s.Relation(c) == "conj" && ActorOf(input, s, c) is { } other && !list.Contains(other))
            {
                list.Add(other);
            }
        }
        return list;
    }

    /// <summary>
    /// An argument that makes a bare force verb literal even though no actor resolves it: a named person ("killed
    /// Hamza bin Laden") or counted victims ("killed twelve", "wounded 110 people").
    /// </summary>
    private static bool IsNamedVictim(View s, int t) =>
        t >= 0 && (s.Upos(t) is "PROPN" or "NUM" || s.Child(t, "nummod") >= 0);

    private static string StableId(string doc, int sentence, int trigger, string code, string? source, string? target, int? sourceStart, int? targetStart)
    {
        var key = $"{doc}\u001f{sentence}\u001f{trigger}\u001f{code}\u001f{source}\u001f{sourceStart}\u001f{target}\u001f{targetStart}";
        return FeatureHash.OfText(key, normalize: false).ToString("x16");
    }

    /// <summary>Read access to the analysed sentence (tree, tags, lemmas) for the matching code.</summary>
    private readonly struct View(SyntaxBuffer b, SyntaxPipeline syntax, Scratch scratch)
    {
        public Scratch Scratch => scratch;

        public int Count => b.Count;

        /// <summary>Head of token <paramref name="t"/> as a 0-based index, -1 for the root.</summary>
        public int Head(int t) => b.Heads[t] - 1;

        public string Relation(int t) => syntax.Relation(b, t);

        public string Upos(int t) => syntax.Upos(b, t);

        public ReadOnlySpan<char> Form(int t) => b.Form(t);

        public ReadOnlySpan<char> Lemma(int t) => scratch.Lemmas.AsSpan(scratch.LemmaStart[t], scratch.LemmaLength[t]);

        public int FirstChild(int head) => scratch.FirstChild[head];

        public int NextSibling(int child) => scratch.NextSibling[child];

        public int Child(int head, string relation)
        {
            for (var c = scratch.FirstChild[head]; c >= 0; c = scratch.NextSibling[c])
            {
                if (syntax.Relation(b, c) == relation)
                {
                    return c;
                }
            }
            return -1;
        }

        public bool HasChild(int head, string relation, string lemma)
        {
            for (var c = scratch.FirstChild[head]; c >= 0; c = scratch.NextSibling[c])
            {
                if (syntax.Relation(b, c) == relation && Lemma(c).SequenceEqual(lemma))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
