using Casus.Syntax;
using Casus.Time;

namespace Casus.Counts;

/// <summary>A figure and its qualifier.</summary>
/// <param name="Value">The figure.</param>
/// <param name="Qualifier">How it bounds the true number.</param>
public readonly record struct CountValue(long Value, CountQualifier Qualifier)
{
    /// <summary>The qualifier as written in event records.</summary>
    public string QualifierName => CountMention.QualifierNames[(int)Qualifier];
}

/// <summary>
/// Casualties of an event or incident, by kind; null where nothing was stated. When a kind is stated twice for the
/// same event ("killed at least 12 people, including five children"), the larger figure is kept: a restated or
/// partial figure must not be added twice.
/// </summary>
public readonly record struct Casualties(CountValue? Killed, CountValue? Injured, CountValue? Missing, CountValue? Arrested, CountValue? Displaced)
{
    /// <summary>Whether nothing was stated.</summary>
    public bool IsEmpty => Killed is null && Injured is null && Missing is null && Arrested is null && Displaced is null;

    /// <summary>The value for a casualty kind.</summary>
    public CountValue? this[CountKind kind] => kind switch
    {
        CountKind.Killed => Killed,
        CountKind.Injured => Injured,
        CountKind.Missing => Missing,
        CountKind.Arrested => Arrested,
        CountKind.Displaced => Displaced,
        _ => null,
    };

    /// <summary>These casualties with a count added (the larger figure wins, see <see cref="Casualties"/>).</summary>
    public Casualties With(CountKind kind, CountValue value)
    {
        static CountValue Max(CountValue? old, CountValue v) => old is { } o && o.Value >= v.Value ? o : v;
        return kind switch
        {
            CountKind.Killed => this with { Killed = Max(Killed, value) },
            CountKind.Injured => this with { Injured = Max(Injured, value) },
            CountKind.Missing => this with { Missing = Max(Missing, value) },
            CountKind.Arrested => this with { Arrested = Max(Arrested, value) },
            CountKind.Displaced => this with { Displaced = Max(Displaced, value) },
            _ => this,
        };
    }
}

/// <summary>The size of a deployment: personnel (summed over the units named) and each kind of hardware.</summary>
/// <param name="Personnel">Troops deployed, or null ("4,000 soldiers" and "2,000 Marines" in one clause: 6,000).</param>
/// <param name="Materiel">The hardware counts ("six B-52 heavy bombers"), with their unit text.</param>
public sealed record Deployment(CountValue? Personnel, IReadOnlyList<CountMention> Materiel);

/// <summary>
/// Deaths or injuries that belong to no coded event (no dyad): "a stampede in which 56 people were killed and over
/// 200 more injured".
/// </summary>
/// <param name="Casualties">The casualties.</param>
/// <param name="Cause">The word naming the cause ("stampede"), or null.</param>
/// <param name="CauseStart">Offset of the cause word, or -1.</param>
/// <param name="CauseEnd">Offset one past the cause word, or -1.</param>
/// <param name="EvidenceStart">Offset of the first count's evidence.</param>
/// <param name="EvidenceEnd">Offset one past the last count's evidence.</param>
/// <param name="Counts">The counts it was made of.</param>
public sealed record Incident(Casualties Casualties, string? Cause, int CauseStart, int CauseEnd, int EvidenceStart, int EvidenceEnd, IReadOnlyList<CountMention> Counts);

/// <summary>
/// Decides which counts of a sentence belong to an event, from the parse: the count's predicate (or figure) is the
/// trigger; or is in the trigger's clause; or its clause is a participle or relative clause on the trigger's clause or
/// the trigger ("the bomb exploded, killing 12", "the attack, which killed 12"), or coordinated with it ("attacked the
/// village and killed 12"). Counts of deaths and injuries that belong to no event become incidents.
/// </summary>
/// <threadsafety>Immutable: one instance can be shared by any number of threads.</threadsafety>
public sealed class CountAttachment
{
    private readonly ClauseTree _tree;

    /// <summary>Creates the attachment rules over parses read by <paramref name="tree"/>.</summary>
    public CountAttachment(ClauseTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        _tree = tree;
    }

    /// <summary>Whether <paramref name="count"/> belongs to the event whose trigger is word <paramref name="trigger"/> (0-based).</summary>
    public bool Belongs(in CountMention count, SyntaxBuffer syntax, int trigger)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        if ((uint)trigger >= (uint)syntax.Count)
        {
            return false;
        }
        var triggerClause = _tree.ClauseHead(syntax, trigger);
        return Linked(syntax, count.Predicate, trigger, triggerClause) || Linked(syntax, count.NumberToken, trigger, triggerClause);
    }

    private bool Linked(SyntaxBuffer b, int x, int trigger, int triggerClause)
    {
        if ((uint)x >= (uint)b.Count)
        {
            return false;
        }
        if (x == trigger)
        {
            return true;
        }
        var clause = _tree.ClauseHead(b, x);
        if (clause < 0)
        {
            return false;
        }
        if (clause == triggerClause)
        {
            return true;
        }
        var governor = ClauseTree.Head(b, clause);
        if (governor < 0)
        {
            return false;
        }
        var relation = _tree.Relation(b, clause);
        // "The attack, which killed 12": a relative clause on the trigger noun.
        if (governor == trigger && relation.StartsWith("acl", StringComparison.Ordinal))
        {
            return true;
        }
        if (_tree.ClauseHead(b, governor) != triggerClause)
        {
            // "Gunmen attacked and killed 12" read from the second verb's side: the trigger coordinated under the count's clause.
            return _tree.Relation(b, triggerClause) == "conj" && !HasSubject(b, triggerClause)
                && ClauseTree.Head(b, triggerClause) is var h && h >= 0 && _tree.ClauseHead(b, h) == clause;
        }
        // "exploded, killing 12"; "attacked the village and killed 12" (a shared subject: "and police arrested 30" is
        // another event).
        return (relation == "conj" && !HasSubject(b, clause)) || ((relation is "advcl" or "xcomp" or "acl") && _tree.IsParticiple(b, clause));
    }

    private bool HasSubject(SyntaxBuffer b, int clause)
    {
        for (var i = 0; i < b.Count; i++)
        {
            if (b.Heads[i] - 1 == clause && _tree.Relation(b, i).StartsWith("nsubj", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The casualties among <paramref name="counts"/> that belong to the event of <paramref name="trigger"/>.</summary>
    public Casualties CasualtiesOf(ReadOnlySpan<CountMention> counts, SyntaxBuffer syntax, int trigger)
    {
        var result = default(Casualties);
        foreach (var c in counts)
        {
            if (c.Kind <= CountKind.Displaced && Belongs(c, syntax, trigger))
            {
                result = result.With(c.Kind, new CountValue(c.Value, c.Qualifier));
            }
        }
        return result;
    }

    /// <summary>The deployment size among <paramref name="counts"/> for the event of <paramref name="trigger"/>, or null.</summary>
    public Deployment? DeploymentOf(ReadOnlySpan<CountMention> counts, SyntaxBuffer syntax, int trigger)
    {
        CountValue? personnel = null;
        List<CountMention>? materiel = null;
        foreach (var c in counts)
        {
            if (c.Kind < CountKind.DeployedPersonnel || !Belongs(c, syntax, trigger))
            {
                continue;
            }
            if (c.Kind == CountKind.DeployedPersonnel)
            {
                // Units named side by side add up; the loosest qualifier wins.
                personnel = personnel is { } p
                    ? new CountValue(p.Value + c.Value, p.Qualifier == CountQualifier.Exact ? c.Qualifier : p.Qualifier)
                    : new CountValue(c.Value, c.Qualifier);
            }
            else
            {
                (materiel ??= []).Add(c);
            }
        }
        return personnel is null && materiel is null ? null : new Deployment(personnel, materiel ?? (IReadOnlyList<CountMention>)[]);
    }

    /// <summary>
    /// Appends to <paramref name="output"/> the incidents of a sentence: its counts of killed, injured, missing and
    /// displaced people that belong to none of <paramref name="triggers"/>, one incident per cause word (counts
    /// without a cause make one incident together).
    /// </summary>
    /// <param name="counts">The sentence's counts.</param>
    /// <param name="syntax">The sentence's parse (its text and tokens give the cause's text and span).</param>
    /// <param name="triggers">The trigger words of the events coded in the sentence (0-based).</param>
    /// <param name="output">Receives the incidents.</param>
    public void Incidents(ReadOnlySpan<CountMention> counts, SyntaxBuffer syntax, ReadOnlySpan<int> triggers, List<Incident> output)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(output);
        List<CountMention>? loose = null;
        foreach (var c in counts)
        {
            if (c.Kind is CountKind.Arrested or > CountKind.Displaced)
            {
                continue;
            }
            var attached = false;
            foreach (var t in triggers)
            {
                if (Belongs(c, syntax, t))
                {
                    attached = true;
                    break;
                }
            }
            if (!attached)
            {
                (loose ??= []).Add(c);
            }
        }
        if (loose is null)
        {
            return;
        }
        var done = new bool[loose.Count];
        for (var i = 0; i < loose.Count; i++)
        {
            if (done[i])
            {
                continue;
            }
            var cause = loose[i].Cause;
            var members = new List<CountMention>();
            var casualties = default(Casualties);
            for (var j = i; j < loose.Count; j++)
            {
                if (!done[j] && loose[j].Cause == cause)
                {
                    done[j] = true;
                    members.Add(loose[j]);
                    casualties = casualties.With(loose[j].Kind, new CountValue(loose[j].Value, loose[j].Qualifier));
                }
            }
            string? causeText = null;
            int causeStart = -1, causeEnd = -1;
            if ((uint)cause < (uint)syntax.Count)
            {
                var token = syntax.Tokens[cause];
                (causeStart, causeEnd) = (token.Start, token.End);
                causeText = syntax.Text.Substring(token.Start, token.Length);
            }
            output.Add(new Incident(casualties, causeText, causeStart, causeEnd, members[0].EvidenceStart, members[^1].EvidenceEnd, members));
        }
    }
}
