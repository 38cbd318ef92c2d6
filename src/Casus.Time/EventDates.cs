using Casus.Syntax;

namespace Casus.Time;

/// <summary>
/// Chooses the date of an event from the date mentions of its sentence: the mention in the trigger's own clause,
/// else in the clause that governs it (a report "on Tuesday" of an attack), else none, and the caller uses the
/// document date.
/// </summary>
/// <remarks>
/// <para>Ranking, best first (ties go to the mention nearest the trigger):</para>
/// <list type="number">
/// <item>the mention modifies the trigger itself or a noun inside the trigger's phrase ("the January 3 strike");</item>
/// <item>the mention hangs from the trigger's clause head (<c>obl</c>, <c>obl:tmod</c>/<c>obl:unmarked</c>,
/// <c>advmod</c>, <c>nmod:tmod</c>...): "attacked the base on Tuesday";</item>
/// <item>it modifies a noun that is an <c>in/at/on/during</c> phrase of that clause: "in a Tuesday morning press
/// conference, Pompeo mocked...";</item>
/// <item>a participle clause without a conjunction that modifies the trigger's clause: "Speaking at the White
/// House Tuesday, Trump stated...";</item>
/// <item>the same for the clause governing the trigger's clause, then its governor, and so on: "Iranian media
/// reported Tuesday night that the IRGC had attacked...".</item>
/// </list>
/// <para>A prepositional date under a noun ("attacked the village on Sunday" parsed with "on Sunday" under
/// "village") dates the verb, one rank below a date on the verb itself. A mention inside another noun phrase ("in retaliation for the January 3 strike", "the 1989 funeral") dates
/// that noun only and never the clause around it. Mentions whose date could not be resolved are not chosen.</para>
/// </remarks>
/// <threadsafety>Immutable: one instance can be shared by any number of threads.</threadsafety>
public sealed class EventDates
{
    private static readonly string[] SceneCases = ["in", "at", "on", "during"];
    private static readonly string[] TemporalCases = ["on", "in", "since", "during", "until", "by"];
    private readonly ClauseTree _tree;

    /// <summary>Creates a chooser that reads parses through <paramref name="tree"/>.</summary>
    public EventDates(ClauseTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        _tree = tree;
    }

    /// <summary>
    /// The index in <paramref name="mentions"/> of the date of the event whose trigger is word
    /// <paramref name="trigger"/>, or -1 when none applies (use the document date).
    /// </summary>
    /// <param name="mentions">The sentence's date mentions, found with a parse (their <see cref="DateMention.Head"/> set).</param>
    /// <param name="syntax">The sentence's parse.</param>
    /// <param name="trigger">The trigger word, 0-based in the sentence.</param>
    public int Choose(ReadOnlySpan<DateMention> mentions, SyntaxBuffer syntax, int trigger)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var n = syntax.Count;
        if ((uint)trigger >= (uint)n || mentions.IsEmpty)
        {
            return -1;
        }
        var triggerClause = _tree.ClauseHead(syntax, trigger);
        int best = -1, bestScore = int.MaxValue, bestDistance = int.MaxValue;
        for (var k = 0; k < mentions.Length; k++)
        {
            var m = mentions[k];
            if (m.Date is null || (trigger >= m.FirstToken && trigger < m.EndToken) || m.EndToken > n)
            {
                continue;
            }
            var score = Score(syntax, m, trigger, triggerClause);
            if (score < 0)
            {
                continue;
            }
            var distance = Math.Min(Math.Abs(m.FirstToken - trigger), Math.Abs(m.EndToken - 1 - trigger));
            if (score < bestScore || (score == bestScore && distance < bestDistance))
            {
                best = k;
                bestScore = score;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>The rank of a mention for a trigger (lower is better), or -1 when it does not date the trigger.</summary>
    private int Score(SyntaxBuffer b, DateMention m, int trigger, int triggerClause)
    {
        var governor = ClauseTree.Governor(b, m.FirstToken, m.EndToken, out var top);
        int verb;
        var nominal = false;
        if (governor < 0)
        {
            // The mention holds the root ("The vote was on Sunday"): it dates its own clause.
            verb = top;
        }
        else
        {
            var x = governor;
            var steps = 0;
            while (true)
            {
                if (x == trigger)
                {
                    return 0;
                }
                if (x < 0 || ++steps > b.Count)
                {
                    return -1;
                }
                if (_tree.IsClauseHead(b, x) || _tree.IsVerbal(b, x))
                {
                    verb = x;
                    break;
                }
                if (x != governor)
                {
                    // Two nouns up: the date belongs to a noun inside another phrase.
                    return -1;
                }
                nominal = true;
                x = ClauseTree.Head(b, x);
            }
            if (nominal && !IsScenePhrase(b, governor) && !IsPrepositional(b, m))
            {
                return -1;
            }
        }
        var clause = _tree.ClauseHead(b, verb);
        var level = 0;
        for (var c = triggerClause; c >= 0 && level <= b.Count; c = _tree.ParentClause(b, c), level++)
        {
            if (c == clause)
            {
                return 2 + 2 * level + (nominal ? 1 : 0);
            }
        }
        // "Speaking at the White House Tuesday, Trump stated": a participle clause without a conjunction happens
        // with the clause it modifies.
        if (clause >= 0 && _tree.ParentClause(b, clause) == triggerClause && IsBareAdverbialClause(b, clause))
        {
            return 3;
        }
        return -1;
    }

    private bool IsBareAdverbialClause(SyntaxBuffer b, int clause)
    {
        if (_tree.Relation(b, clause) != "advcl" || !_tree.IsParticiple(b, clause))
        {
            return false;
        }
        for (var i = 0; i < b.Count; i++)
        {
            if (b.Heads[i] - 1 == clause && _tree.Relation(b, i) == "mark")
            {
                return false;
            }
        }
        return true;
    }

    // "attacked the village on Sunday" parsed with "on Sunday" under "village": a dated prepositional phrase on a
    // noun that is an argument of a verb dates the verb (the parser's usual attachment error); "the January 3
    // strike" (no preposition) stays with its noun.
    private bool IsPrepositional(SyntaxBuffer b, DateMention m)
    {
        var p = m.FirstToken - 1;
        if (p < 0 || b.Heads[p] - 1 < m.FirstToken || b.Heads[p] - 1 >= m.EndToken)
        {
            return false;
        }
        var form = b.Form(p);
        foreach (var c in TemporalCases)
        {
            if (form.Equals(c, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // "in a Tuesday morning press conference": an oblique noun with a scene preposition.
    private bool IsScenePhrase(SyntaxBuffer b, int noun)
    {
        if (_tree.KindOf(b, noun) is not (RelationKind.Oblique or RelationKind.Temporal))
        {
            return false;
        }
        for (var i = 0; i < noun; i++)
        {
            if (b.Heads[i] - 1 == noun)
            {
                var form = b.Form(i);
                foreach (var c in SceneCases)
                {
                    if (form.Equals(c, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
