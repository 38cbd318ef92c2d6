using Casus.Syntax;
using Casus.Text;
using Casus.Time;

namespace Casus.Counts;

/// <summary>
/// Finds casualty counts and deployment sizes in a sentence.
/// </summary>
/// <remarks>
/// <para>Patterns (words from <c>dictionaries/counts/words.txt</c>):</para>
/// <list type="bullet">
/// <item>figure, counted phrase, casualty word: "56 people were killed", "over 200 more injured", "dozens dead",
/// "three soldiers missing", "thousands of people fled", "hundreds of protesters were arrested", "56 deaths",
/// "a total of 39 are confirmed dead";</item>
/// <item>casualty verb, figure: "killed at least 56 people", "killing 12", "wounding dozens", "arrested 200
/// protesters", "killed along with four other Iranians and five Iraqis" (a coordinated figure takes the same verb);</item>
/// <item>death toll, figure: "the death toll rose to 56", "a death toll of 56";</item>
/// <item>zero: "no casualties" (killed and injured 0), "no deaths", "no one was hurt", "nobody was killed",
/// "there were no reports of US casualties";</item>
/// <item>deployments, in a sentence with a deployment word (deploy, send, dispatch, reinforce, aboard...): figure,
/// modifiers, personnel noun ("4,000 more troops", "3,500 paratroopers") or hardware noun ("six B-52 heavy bombers",
/// "an aircraft carrier").</item>
/// </list>
/// <para>Figures: digits with separators (<c>4,000</c>), decimals with a scale (<c>1.5 million</c>), number words
/// (<c>six</c>, <c>twenty-five</c>, <c>two hundred</c>, <c>a dozen</c>), vague plurals at their smallest reading
/// (<see cref="CountQualifier.AtLeast"/>). Qualifiers before the figure set <see cref="CountQualifier"/>.
/// Not counts: years and days of dates, percentages, money, times of day, ages (<c>45-year-old</c>), designators
/// (<c>B-52</c>), measures (<c>12 hours</c>, <c>350 points</c>).</para>
/// </remarks>
/// <threadsafety>Immutable: one instance can be shared by any number of threads.</threadsafety>
public sealed class CountFinder
{
    private readonly CountLexicon _lexicon;
    private readonly ClauseTree? _tree;

    /// <summary>Creates a finder with the shipped word lists that reads the surface only.</summary>
    public CountFinder()
        : this(CountLexicon.Default, null)
    {
    }

    /// <summary>
    /// Creates a finder with <paramref name="lexicon"/>; with <paramref name="tree"/>, the cause of a casualty is
    /// looked for in the parse first.
    /// </summary>
    public CountFinder(CountLexicon lexicon, ClauseTree? tree)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        _tree = tree;
    }

    /// <summary>A shared surface-only finder with the shipped word lists.</summary>
    public static CountFinder Default { get; } = new();

    /// <summary>The word lists.</summary>
    public CountLexicon Lexicon => _lexicon;

    /// <summary>Finds the counts of one sentence, appending them to <paramref name="output"/> in text order.</summary>
    /// <param name="text">The document text the tokens point into.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="output">Receives the counts.</param>
    /// <param name="syntax">The sentence's parse, or null (used when the finder has a <see cref="ClauseTree"/>).</param>
    public void Find(string text, ReadOnlySpan<Token> tokens, List<CountMention> output, SyntaxBuffer? syntax = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var parse = _tree is not null && syntax is not null && syntax.Count == tokens.Length ? syntax : null;
        new Scanner(text, tokens, _lexicon, parse, _tree).Run(output);
    }

    /// <summary>
    /// Reads a quantity phrase such as "1,234", "1.5 million", "at least 56", "dozens", "twenty-five": true when the
    /// whole phrase is one figure with an optional qualifier.
    /// </summary>
    public bool TryParseQuantity(string phrase, out long value, out CountQualifier qualifier)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        value = 0;
        qualifier = CountQualifier.Exact;
        var tokens = Segmenter.Default.Segment(phrase).Tokens.ToArray();
        for (var start = 0; start < tokens.Length; start++)
        {
            if (NumberReader.TryRead(phrase, tokens, start, out var read) && read.End == tokens.Length && !read.Article)
            {
                qualifier = read.Qualifier;
                if (start > 0)
                {
                    if (_lexicon.MatchEndingAt(phrase, tokens, start, CountRole.Qualifier, out var q) != 0 || q is null)
                    {
                        return false;
                    }
                    qualifier = q.Qualifier;
                }
                value = read.Value;
                return true;
            }
        }
        return false;
    }

    private readonly ref struct Scanner
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly CountLexicon _lexicon;
        private readonly SyntaxBuffer? _parse;
        private readonly ClauseTree? _tree;

        public Scanner(string text, ReadOnlySpan<Token> tokens, CountLexicon lexicon, SyntaxBuffer? parse, ClauseTree? tree)
        {
            _text = text;
            _tokens = tokens;
            _lexicon = lexicon;
            _parse = parse;
            _tree = tree;
        }

        private int Count => _tokens.Length;

        private ReadOnlySpan<char> Form(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

        private bool FormIs(int i, string word) => (uint)i < (uint)Count && Form(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool Has(int i, CountRole role) => _lexicon.Starts(_text, _tokens, i, role);

        private bool IsPunct(int i)
        {
            var f = Form(i);
            return f.Length > 0 && !char.IsLetterOrDigit(f[0]);
        }

        public void Run(List<CountMention> output)
        {
            var deployment = -1;
            for (var i = 0; i < Count && deployment < 0; i++)
            {
                if (Has(i, CountRole.Deployment))
                {
                    deployment = i;
                }
            }
            var consumed = 0;
            // The last count read from a verb before it ("killed ... four Iranians"), for a coordinated figure after it.
            int chainEnd = -1, chainPredicate = -1;
            var chainKind = CountKind.Killed;
            for (var i = 0; i < Count; i++)
            {
                if (i < consumed)
                {
                    continue;
                }
                if (FormIs(i, "no") || FormIs(i, "nobody") || FormIs(i, "none"))
                {
                    var end = TryNone(i, output);
                    if (end > i)
                    {
                        consumed = end;
                        continue;
                    }
                }
                if (!NumberReader.TryRead(_text, _tokens, i, out var number))
                {
                    continue;
                }
                consumed = number.End;
                if (!number.Article && IsNotACount(number))
                {
                    continue;
                }
                var qualifierStart = _lexicon.MatchEndingAt(_text, _tokens, number.Start, CountRole.Qualifier, out var qualifierPhrase);
                var qualifier = qualifierPhrase?.Qualifier ?? number.Qualifier;
                var first = qualifierStart >= 0 ? qualifierStart : number.Start;
                if (!number.Article)
                {
                    if (TryToll(first, number, qualifier, output, out var tollEnd)
                        || TryBefore(first, number, qualifier, output, out tollEnd)
                        || TryAfter(first, number, qualifier, output, out tollEnd))
                    {
                        consumed = Math.Max(consumed, tollEnd);
                        var last = output[^1];
                        if (last.Predicate >= 0 && last.Predicate < last.NumberToken)
                        {
                            (chainEnd, chainPredicate, chainKind) = (last.EndToken, last.Predicate, last.Kind);
                        }
                        continue;
                    }
                    // "killed along with four other Iranians and five Iraqis": the second figure shares the verb.
                    if (chainEnd >= 0 && first == chainEnd + 1 && (FormIs(chainEnd, "and") || FormIs(chainEnd, ",")))
                    {
                        var tail = PeopleTail(number.End, out var unitStart, out var unitEnd);
                        if (tail >= 0)
                        {
                            Emit(output, chainKind, number, qualifier, first, tail, unitStart, unitEnd, chainPredicate);
                            chainEnd = tail;
                            consumed = Math.Max(consumed, tail);
                            continue;
                        }
                    }
                }
                if (deployment >= 0 && TryDeployment(first, number, qualifier, deployment, output, out var deployEnd))
                {
                    consumed = Math.Max(consumed, deployEnd);
                }
            }
        }

        // Dates, money, percentages, times, ages, designators, years.
        private bool IsNotACount(NumberRead n)
        {
            var before = n.Start - 1;
            var after = n.End;
            if (before >= 0)
            {
                var b = Form(before);
                if (b is "-" or "–" or "$" or "£" or "€" or "#" or "US$" || IsMonth(before))
                {
                    return true;
                }
            }
            if (after < Count)
            {
                var a = Form(after);
                if (a is "-" or "–" or ":" or "%" || IsMonth(after) || Has(after, CountRole.Unit)
                    || a.Equals("am", StringComparison.OrdinalIgnoreCase) || a.Equals("pm", StringComparison.OrdinalIgnoreCase)
                    || a.Equals("a.m.", StringComparison.OrdinalIgnoreCase) || a.Equals("p.m.", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            // A bare four-digit year: "in 1979", "the 1989 funeral" (but "2000 soldiers" counts).
            var form = Form(n.Start);
            if (n.End == n.Start + 1 && form.Length == 4 && form[0] is '1' or '2' && n.Value is >= 1800 and <= 2100)
            {
                if (before >= 0 && TimeWords.Of(Form(before)).Kind is TimeWordKind.Cue or TimeWordKind.BeforeAfter)
                {
                    return true;
                }
                return after >= Count || !(Has(after, CountRole.People) || Has(after, CountRole.Personnel) || Has(after, CountRole.Materiel)
                    || Has(after, CountRole.After));
            }
            return false;
        }

        private bool IsMonth(int i)
        {
            var w = TimeWords.Of(Form(i));
            return w.Kind is TimeWordKind.Month or TimeWordKind.MonthAbbreviation && char.IsUpper(Form(i)[0]);
        }

        // "no casualties", "no reports of US casualties", "no one was hurt", "nobody was killed".
        private int TryNone(int i, List<CountMention> output)
        {
            var k = i + 1;
            if (FormIs(i, "nobody") || FormIs(i, "none") || (FormIs(i, "no") && FormIs(i + 1, "one")))
            {
                k = FormIs(i, "no") ? i + 2 : i + 1;
                var numberEnd = k;
                for (var s = 0; s < 4 && k < Count; s++)
                {
                    var length = _lexicon.Match(_text, _tokens, k, CountRole.Skip, out _);
                    if (length == 0)
                    {
                        break;
                    }
                    k += length;
                }
                var afterLength = _lexicon.Match(_text, _tokens, k, CountRole.After, out var after);
                if (afterLength == 0 || after is null)
                {
                    return i;
                }
                EmitZero(output, after.Kind, i, numberEnd, k, k + afterLength);
                return k + afterLength;
            }
            for (var s = 0; s < 5 && k < Count; s++, k++)
            {
                var length = _lexicon.MatchKinds(_text, _tokens, k, CountRole.None, out var kinds);
                if (length > 0)
                {
                    for (var kind = 0; kind <= (int)CountKind.Displaced; kind++)
                    {
                        if ((kinds & (1 << kind)) != 0)
                        {
                            EmitZero(output, (CountKind)kind, i, i + 1, k, k + length);
                        }
                    }
                    return k + length;
                }
                if (IsPunct(k) || (Has(k, CountRole.Stop) && !FormIs(k, "of")))
                {
                    break;
                }
            }
            return i;
        }

        private void EmitZero(List<CountMention> output, CountKind kind, int first, int numberEnd, int predicate, int end)
        {
            output.Add(new CountMention(kind, 0, CountQualifier.Exact, _tokens[first].Start, _tokens[numberEnd - 1].End,
                _tokens[first].Start, _tokens[end - 1].End, -1, -1, first, first, end, predicate, Cause(predicate, kind)));
        }

        // "the death toll rose to 56", "a death toll of at least 56".
        private bool TryToll(int first, NumberRead n, CountQualifier q, List<CountMention> output, out int end)
        {
            end = 0;
            // The figure follows "to", "at", "of", "reached"...: "rose to 56", "stands at 56", "a toll of 56".
            var lead = first - 1;
            if (lead < 0 || !(FormIs(lead, "to") || FormIs(lead, "at") || FormIs(lead, "of") || FormIs(lead, "reached") || FormIs(lead, "hit")
                || FormIs(lead, "is") || FormIs(lead, "was") || FormIs(lead, "now") || FormIs(lead, "toll") || FormIs(lead, "stands")))
            {
                return false;
            }
            for (var k = first - 1; k >= 0 && k >= first - 8; k--)
            {
                if (IsPunct(k))
                {
                    return false;
                }
                if (char.IsAsciiDigit(Form(k)[0]))
                {
                    return false;
                }
                var start = _lexicon.MatchEndingAt(_text, _tokens, k + 1, CountRole.Toll, out _);
                if (start >= 0)
                {
                    end = PeopleTail(n.End, out var us, out var ue);
                    if (end < 0)
                    {
                        end = n.End;
                        us = ue = -1;
                    }
                    Emit(output, CountKind.Killed, n, q, start, end, us, ue, start);
                    return true;
                }
            }
            return false;
        }

        // "killed at least 56 people", "killing 12", "arrested 200 protesters", "killed along with four Iranians".
        private bool TryBefore(int first, NumberRead n, CountQualifier q, List<CountMention> output, out int end)
        {
            end = 0;
            var verbEnd = first;
            if (FormIs(first - 2, "along") && FormIs(first - 1, "with"))
            {
                verbEnd = first - 2;
            }
            var start = _lexicon.MatchEndingAt(_text, _tokens, verbEnd, CountRole.Before, out var verb);
            if (start < 0 || verb is null)
            {
                return false;
            }
            end = PeopleTail(n.End, out var unitStart, out var unitEnd);
            if (end < 0)
            {
                return false;
            }
            Emit(output, verb.Kind, n, q, start, end, unitStart, unitEnd, start);
            return true;
        }

        /// <summary>
        /// After a figure that a verb before it counts: the people counted ("people", "other Iranians", "more"), or
        /// nothing before a boundary; returns the phrase end (the figure's end when empty), or -1 for a measure
        /// ("12 hours") or anything else.
        /// </summary>
        private int PeopleTail(int k, out int unitStart, out int unitEnd)
        {
            unitStart = unitEnd = -1;
            if (FormIs(k, "of") && k + 1 < Count && !IsPunct(k + 1))
            {
                k += FormIs(k + 1, "them") || FormIs(k + 1, "the") || FormIs(k + 1, "those") ? 2 : 1;
            }
            var start = k;
            var nouns = 0;
            for (var s = 0; s < 4 && k < Count; s++)
            {
                var length = _lexicon.Match(_text, _tokens, k, CountRole.People, out _);
                if (length > 0)
                {
                    k += length;
                    nouns++;
                    continue;
                }
                var f = Form(k);
                if (Has(k, CountRole.Unit) || Has(k, CountRole.Stop) || IsPunct(k) || char.IsAsciiDigit(f[0]) || Has(k, CountRole.After))
                {
                    break;
                }
                if (char.IsUpper(f[0]) || (f.Length > 3 && f[^1] == 's' && char.IsLower(f[0])) || FormIs(k, "other") || FormIs(k, "more"))
                {
                    k++;
                    nouns++;
                    continue;
                }
                break;
            }
            if (k > start && nouns > 0)
            {
                unitStart = _tokens[start].Start;
                unitEnd = _tokens[k - 1].End;
                return k;
            }
            // Nothing counted after the figure: it must end there ("killing 12, ...", "killed 12 and").
            return k >= Count || IsPunct(k) || Has(k, CountRole.Stop) || Has(k, CountRole.Skip) ? k : -1;
        }

        // "56 people were killed", "over 200 more injured", "dozens dead", "56 deaths", "thousands of people fled".
        private bool TryAfter(int first, NumberRead n, CountQualifier q, List<CountMention> output, out int end)
        {
            end = 0;
            var k = n.End;
            if (FormIs(k, "of"))
            {
                k++;
                if (FormIs(k, "them") || FormIs(k, "the") || FormIs(k, "those") || FormIs(k, "whom") || FormIs(k, "these"))
                {
                    k++;
                }
            }
            var unitStart = -1;
            var nounEnd = k;
            for (var s = 0; s < 5 && k < Count; s++)
            {
                if (Has(k, CountRole.After))
                {
                    break;
                }
                var length = _lexicon.Match(_text, _tokens, k, CountRole.People, out _);
                if (length > 0)
                {
                    unitStart = unitStart < 0 ? k : unitStart;
                    k += length;
                    nounEnd = k;
                    continue;
                }
                var f = Form(k);
                if (Has(k, CountRole.Unit) || Has(k, CountRole.Stop) || Has(k, CountRole.Skip) || Has(k, CountRole.Before)
                    || (IsPunct(k) && f is not "-") || char.IsAsciiDigit(f[0]))
                {
                    break;
                }
                unitStart = unitStart < 0 ? k : unitStart;
                k++;
                nounEnd = k;
            }
            for (var s = 0; s < 4 && k < Count; s++)
            {
                var length = _lexicon.Match(_text, _tokens, k, CountRole.Skip, out _);
                if (length == 0)
                {
                    break;
                }
                k += length;
            }
            var predicateLength = _lexicon.Match(_text, _tokens, k, CountRole.After, out var predicate);
            if (predicateLength == 0 || predicate is null)
            {
                return false;
            }
            end = k + predicateLength;
            int us = -1, ue = -1;
            if (unitStart >= 0 && nounEnd > unitStart)
            {
                us = _tokens[unitStart].Start;
                ue = _tokens[nounEnd - 1].End;
            }
            Emit(output, predicate.Kind, n, q, first, end, us, ue, k);
            return true;
        }

        // "4,000 more troops", "six B-52 heavy bombers", "an aircraft carrier", in a sentence about a deployment.
        private bool TryDeployment(int first, NumberRead n, CountQualifier q, int cue, List<CountMention> output, out int end)
        {
            end = 0;
            var k = n.End;
            var limit = n.Article ? 3 : 6;
            var windowEnd = k;
            for (var s = 0; s < limit && k < Count; s++, k++)
            {
                var f = Form(k);
                if (Has(k, CountRole.Stop) || Has(k, CountRole.After) || Has(k, CountRole.Skip) || Has(k, CountRole.Deployment)
                    || (IsPunct(k) && f is not ("-" or "/")))
                {
                    break;
                }
                windowEnd = k + 1;
            }
            if (windowEnd == n.End)
            {
                return false;
            }
            var personnel = n.Article ? -1 : _lexicon.MatchEndingAt(_text, _tokens, windowEnd, CountRole.Personnel, out _);
            var materiel = personnel >= 0 ? -1 : _lexicon.MatchEndingAt(_text, _tokens, windowEnd, CountRole.Materiel, out _);
            if (personnel < 0 && materiel < 0)
            {
                return false;
            }
            // The counted phrase without "more", "additional": "4,000 more troops" counts "troops".
            var unit = n.End;
            while (unit < windowEnd - 1 && (FormIs(unit, "more") || FormIs(unit, "additional") || FormIs(unit, "extra") || FormIs(unit, "further")
                || FormIs(unit, "other") || FormIs(unit, "new")))
            {
                unit++;
            }
            var predicate = cue;
            for (var i = cue; i < Count; i++)
            {
                if (Has(i, CountRole.Deployment) && Math.Abs(i - n.Start) < Math.Abs(predicate - n.Start))
                {
                    predicate = i;
                }
            }
            end = windowEnd;
            var value = n.Article ? 1 : n.Value;
            output.Add(new CountMention(personnel >= 0 ? CountKind.DeployedPersonnel : CountKind.DeployedMateriel, value, q,
                _tokens[n.Start].Start, _tokens[n.End - 1].End, _tokens[first].Start, _tokens[windowEnd - 1].End,
                _tokens[unit].Start, _tokens[windowEnd - 1].End, n.Start, first, windowEnd, predicate, -1));
            return true;
        }

        private void Emit(List<CountMention> output, CountKind kind, NumberRead n, CountQualifier q, int first, int end, int unitStart, int unitEnd, int predicate)
        {
            var from = Math.Min(first, predicate);
            var to = Math.Max(end, predicate + 1);
            output.Add(new CountMention(kind, n.Value, q, _tokens[n.Start].Start, _tokens[n.End - 1].End,
                _tokens[from].Start, _tokens[to - 1].End, unitStart, unitEnd, n.Start, from, to, predicate, Cause(predicate, kind)));
        }

        // The word naming what killed or hurt: in the parse around the predicate first, else the nearest in the sentence.
        private int Cause(int predicate, CountKind kind)
        {
            if (kind > CountKind.Missing && kind != CountKind.Displaced)
            {
                return -1;
            }
            if (_parse is not null && _tree is not null && predicate >= 0)
            {
                // Up the tree ("a stampede in which 56 were killed"), and the obliques of each step ("killed in a stampede").
                var x = predicate;
                for (var level = 0; level < 4 && x >= 0; level++)
                {
                    if (x != predicate && Has(x, CountRole.Cause))
                    {
                        return x;
                    }
                    for (var c = 0; c < Count; c++)
                    {
                        if (_parse.Heads[c] - 1 == x && Has(c, CountRole.Cause) && _tree.Relation(_parse, c).StartsWith("obl", StringComparison.Ordinal))
                        {
                            return c;
                        }
                    }
                    x = ClauseTree.Head(_parse, x);
                }
            }
            var best = -1;
            for (var i = 0; i < Count; i++)
            {
                if (i != predicate && Has(i, CountRole.Cause) && (best < 0 || Math.Abs(i - predicate) < Math.Abs(best - predicate)))
                {
                    best = i;
                }
            }
            return best;
        }
    }
}
