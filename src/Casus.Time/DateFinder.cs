using Casus.Syntax;
using Casus.Text;

namespace Casus.Time;

/// <summary>
/// Finds date expressions in a sentence and resolves them against the document date.
/// </summary>
/// <remarks>
/// <para>What is found (spans never include the preposition before the expression):</para>
/// <list type="bullet">
/// <item>Absolute: <c>2020-01-07</c>; <c>January 3, 2020</c>, <c>Jan. 3 2020</c>, <c>3 January 2020</c>,
/// <c>Friday, January 4, 2019</c> (day); <c>January 2020</c>, <c>January of 2020</c> (month); <c>in 1979</c>,
/// <c>since 2014</c>, <c>the 1989 funeral</c>, <c>the 1979-1980 seizure</c> (year, the first of a range).</item>
/// <item>Relative to the document date D: <c>today</c>, <c>tonight</c>, <c>this morning</c> (D); <c>yesterday</c>,
/// <c>last night</c> (D-1); <c>tomorrow</c> (D+1); <c>Tuesday</c>, <c>on Tuesday</c>, <c>Tuesday night</c>
/// (the most recent Tuesday on or before D, or the first on or after D when its clause is future: "will meet on
/// Monday"); <c>last Sunday</c> (strictly before D), <c>next Monday</c>, <c>this coming Monday</c> (strictly
/// after D); <c>January 3</c> without a year (the latest on or before D, or the first on or after D in a future
/// clause); <c>in March</c>, <c>last November</c>, <c>December of last year</c> (month); <c>last week</c>,
/// <c>this week</c>, <c>next week</c>, <c>two weeks ago</c> (week: the Monday of that ISO week); <c>last month</c>,
/// <c>earlier this month</c>, <c>two months ago</c> (month); <c>last year</c>, <c>earlier this year</c> (year);
/// <c>two days ago</c>, <c>a day ago</c> (day).</item>
/// <item>Relative to the last day mentioned before (<see cref="DateContext.Reference"/>, else D): <c>the day
/// before</c>, <c>the previous day</c>, <c>the day after</c>, <c>the next day</c>, <c>the following day</c>,
/// <c>the night before</c>, <c>two days later</c>, <c>a day earlier</c>.</item>
/// </list>
/// <para>Not dates: <c>may</c> and <c>march</c> in lower case; a bare <c>May</c>/<c>March</c> without a preposition
/// before it ("May God...", "March organisers said", "Theresa May"); <c>Sunday Times</c>, <c>Bloody Sunday</c>,
/// <c>USA Today</c>; a four-digit number that counts something (<c>1979 people</c>, <c>2000 soldiers</c>) or has no
/// preposition or article before it; ages, times of day (<c>6 am</c>, <c>10:30</c>) and durations (<c>for two
/// days</c>, <c>the past week</c>).</para>
/// <para>Future is read from the parse when one is given (an auxiliary <c>will</c>/<c>shall</c> on the clause the
/// mention attaches to, or a complement of <c>going/set/due/scheduled/expected</c>), else from such a word within
/// the eight words before the mention.</para>
/// </remarks>
/// <threadsafety>Immutable: one instance can be shared by any number of threads.</threadsafety>
public sealed class DateFinder
{
    private readonly ClauseTree? _tree;

    /// <summary>Creates a finder that reads the surface only (no parse).</summary>
    public DateFinder()
    {
    }

    /// <summary>
    /// Creates a finder that also reads parses made by the pipeline <paramref name="tree"/> was built for: mention
    /// heads and future clauses.
    /// </summary>
    public DateFinder(ClauseTree tree)
    {
        _tree = tree;
    }

    /// <summary>A shared surface-only finder.</summary>
    public static DateFinder Default { get; } = new();

    /// <summary>
    /// Finds the date mentions of one sentence and appends them to <paramref name="output"/> in text order, without
    /// overlaps. Updates <see cref="DateContext.Reference"/> with the last day-precision date found.
    /// </summary>
    /// <param name="text">The document text the tokens point into.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="context">The document's date state.</param>
    /// <param name="output">Receives the mentions.</param>
    /// <param name="syntax">
    /// The sentence's parse (loaded with the same tokens), or null; used only when the finder was created with a
    /// <see cref="ClauseTree"/>.
    /// </param>
    public void Find(string text, ReadOnlySpan<Token> tokens, DateContext context, List<DateMention> output, SyntaxBuffer? syntax = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var parse = _tree is not null && syntax is not null && syntax.Count == tokens.Length ? syntax : null;
        var scanner = new Scanner(text, tokens, context, parse, _tree);
        var i = 0;
        while (i < tokens.Length)
        {
            if (scanner.TryMatch(i, out var match))
            {
                var head = -1;
                if (parse is not null)
                {
                    head = ClauseTree.Governor(parse, match.Start, match.End, out _);
                }
                output.Add(new DateMention(tokens[match.Start].Start, tokens[match.End - 1].End, match.Start, match.End,
                    match.Date, match.Precision, match.Kind, head));
                if (match.Precision == DatePrecision.Day && match.Date is { } day)
                {
                    context.Reference = day;
                }
                i = match.End;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>A match before it becomes a mention: token range and resolution.</summary>
    private readonly record struct Match(int Start, int End, DateOnly? Date, DatePrecision Precision, DateKind Kind);

    private readonly ref struct Scanner
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly DateContext _context;
        private readonly SyntaxBuffer? _parse;
        private readonly ClauseTree? _tree;

        public Scanner(string text, ReadOnlySpan<Token> tokens, DateContext context, SyntaxBuffer? parse, ClauseTree? tree)
        {
            _text = text;
            _tokens = tokens;
            _context = context;
            _parse = parse;
            _tree = tree;
        }

        private int Count => _tokens.Length;

        private ReadOnlySpan<char> Form(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

        private TimeWord Word(int i) => (uint)i < (uint)_tokens.Length ? TimeWords.Of(Form(i)) : default;

        private bool Is(int i, TimeWordKind kind) => Word(i).Kind == kind;

        private bool Capitalized(int i) => (uint)i < (uint)_tokens.Length && _tokens[i].Length > 0 && char.IsUpper(_text[_tokens[i].Start]);

        private bool FormIs(int i, string word) =>
            (uint)i < (uint)_tokens.Length && Form(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private DateOnly? DocumentDate => _context.DocumentDate;

        public bool TryMatch(int i, out Match match)
        {
            var w = Word(i);
            switch (w.Kind)
            {
                case TimeWordKind.Weekday when Capitalized(i):
                    return TryWeekday(i, i, 0, out match);
                case TimeWordKind.Month or TimeWordKind.MonthAbbreviation when Capitalized(i):
                    return TryMonth(i, i, out match);
                case TimeWordKind.DayOffset:
                    return TryDayOffset(i, w.Value, out match);
                case TimeWordKind.Modifier:
                    return TryModifier(i, w.Value, out match);
                case TimeWordKind.EarlierLater when Word(i + 1) is { Kind: TimeWordKind.Modifier, Value: 0 }:
                    if (TryModifier(i + 1, 0, out match) && match.Precision != DatePrecision.Day)
                    {
                        match = match with { Start = i };
                        return true;
                    }
                    return false;
                case TimeWordKind.The:
                    return TryAnaphoric(i, out match);
                case TimeWordKind.Number or TimeWordKind.Article:
                    return TryAgo(i, w.Value, out match);
                default:
                    break;
            }
            var form = Form(i);
            if (IsDigits(form))
            {
                if (form.Length <= 2 || IsOrdinal(form))
                {
                    if (TryDayMonth(i, out match))
                    {
                        return true;
                    }
                    return TryAgo(i, ParseSmall(form), out match);
                }
                if (form.Length == 4)
                {
                    return TryYear(i, out match);
                }
            }
            else if (IsOrdinal(form))
            {
                return TryDayMonth(i, out match);
            }
            else if (form.Length == 10 && TryIso(form, out var iso))
            {
                match = new Match(i, i + 1, iso, DatePrecision.Day, DateKind.Absolute);
                return true;
            }
            match = default;
            return false;
        }

        // "Tuesday", "Tuesday night", "Friday, January 4, 2019"; direction: 0 by tense, -1 strictly before, 1 strictly after.
        private bool TryWeekday(int start, int i, int direction, out Match match)
        {
            match = default;
            if (Capitalized(i + 1) && TimeWords.WeekdayNameAfter.Contains(Form(i + 1)))
            {
                return false;
            }
            if (i > 0 && TimeWords.WeekdayNameBefore.Contains(Form(i - 1)))
            {
                return false;
            }
            if (FormIs(i + 1, ",") && Word(i + 2).Kind is TimeWordKind.Month or TimeWordKind.MonthAbbreviation && Capitalized(i + 2)
                && TryMonth(i + 2, i + 2, out var full) && full.Precision == DatePrecision.Day)
            {
                match = full with { Start = start };
                return true;
            }
            var end = i + 1;
            if (Is(end, TimeWordKind.PartOfDay) && !Capitalized(end))
            {
                end++;
            }
            var dow = (DayOfWeek)Word(i).Value;
            DateOnly? date = null;
            if (DocumentDate is { } d)
            {
                date = direction switch
                {
                    < 0 => Before(d, dow, strict: true),
                    > 0 => After(d, dow, strict: true),
                    _ => IsFuture(start, end) ? After(d, dow, strict: false) : Before(d, dow, strict: false),
                };
            }
            match = new Match(start, end, date, DatePrecision.Day, DateKind.Relative);
            return true;
        }

        // "January 3", "January 3, 2020", "January 2020", "January of 2020", "December of last year", "in March".
        private bool TryMonth(int start, int i, out Match match)
        {
            match = default;
            var w = Word(i);
            var month = w.Value;
            var abbreviation = w.Kind == TimeWordKind.MonthAbbreviation;
            var next = i + 1;
            if (next < Count && DayNumber(Form(next)) is var day and > 0)
            {
                if (next + 1 < Count && (FormIs(next + 1, ":") || FormIs(next + 1, "%")))
                {
                    return false;
                }
                var end = next + 1;
                var year = 0;
                if (FormIs(end, ",") && Year(end + 1) is var y1 and > 0)
                {
                    year = y1;
                    end += 2;
                }
                else if (Year(end) is var y2 and > 0)
                {
                    year = y2;
                    end++;
                }
                if (year > 0)
                {
                    if (day > DateTime.DaysInMonth(year, month))
                    {
                        return false;
                    }
                    match = new Match(start, end, new DateOnly(year, month, day), DatePrecision.Day, DateKind.Absolute);
                    return true;
                }
                if (day > DateTime.DaysInMonth(2000, month))
                {
                    return false;
                }
                DateOnly? date = null;
                if (DocumentDate is { } d)
                {
                    date = ResolveMonthDay(d, month, day, IsFuture(start, end));
                }
                match = new Match(start, end, date, DatePrecision.Day, DateKind.Relative);
                return true;
            }
            if (Year(next) is var year2 and > 0)
            {
                match = new Match(start, next + 1, new DateOnly(year2, month, 1), DatePrecision.Month, DateKind.Absolute);
                return true;
            }
            if (abbreviation)
            {
                return false;
            }
            if (FormIs(next, "of") && Year(next + 1) is var year3 and > 0)
            {
                match = new Match(start, next + 2, new DateOnly(year3, month, 1), DatePrecision.Month, DateKind.Absolute);
                return true;
            }
            var of = FormIs(next, "of") ? 1 : 0;
            if (Word(next + of) is { Kind: TimeWordKind.Modifier } modifier && Word(next + of + 1) is { Kind: TimeWordKind.Unit, Value: TimeUnit.Year })
            {
                DateOnly? date = DocumentDate is { } d ? new DateOnly(d.Year + modifier.Value, month, 1) : null;
                match = new Match(start, next + of + 2, date, DatePrecision.Month, DateKind.Relative);
                return true;
            }
            // A bare month name needs a preposition before it: "in March", "since May", "early January".
            if (start == i && !IsCue(i - 1))
            {
                return false;
            }
            DateOnly? resolved = DocumentDate is { } dd ? ResolveMonth(dd, month, IsFuture(start, i + 1) ? 1 : -1, strict: false) : null;
            match = new Match(start, i + 1, resolved, DatePrecision.Month, DateKind.Relative);
            return true;
        }

        // "3 January", "3 January 2020", "the 3rd of January".
        private bool TryDayMonth(int i, out Match match)
        {
            match = default;
            var day = DayNumber(Form(i));
            if (day <= 0)
            {
                return false;
            }
            var m = i + 1;
            if (FormIs(m, "of") && IsOrdinal(Form(i)))
            {
                m++;
            }
            if (Word(m) is not { Kind: TimeWordKind.Month or TimeWordKind.MonthAbbreviation } w || !Capitalized(m))
            {
                return false;
            }
            var month = w.Value;
            var end = m + 1;
            if (Year(end) is var year and > 0)
            {
                if (day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }
                match = new Match(i, end + 1, new DateOnly(year, month, day), DatePrecision.Day, DateKind.Absolute);
                return true;
            }
            if (day > DateTime.DaysInMonth(2000, month))
            {
                return false;
            }
            DateOnly? date = DocumentDate is { } d ? ResolveMonthDay(d, month, day, IsFuture(i, end)) : null;
            match = new Match(i, end, date, DatePrecision.Day, DateKind.Relative);
            return true;
        }

        // "in 1979", "since 2014", "the 1989 funeral", "the 1979-1980 seizure".
        private bool TryYear(int i, out Match match)
        {
            match = default;
            var year = Year(i);
            if (year is < 1800 or > 2100)
            {
                return false;
            }
            var end = i + 1;
            if ((FormIs(end, "-") || FormIs(end, "–")) && Year(end + 1) > year)
            {
                end += 2;
            }
            if (end < Count)
            {
                var after = Form(end);
                if (after is "%" || CountsSomething(after))
                {
                    return false;
                }
            }
            var cue = IsCue(i - 1) || Word(i - 1) is { Kind: TimeWordKind.Unit, Value: TimeUnit.Year };
            if (!cue)
            {
                // "the 1989 funeral": an article, then a word that is not a count.
                var article = i > 0 && (Is(i - 1, TimeWordKind.The) || FormIs(i - 1, "'s") || FormIs(i - 1, "its"));
                if (!article || end >= Count || !char.IsLower(_text[_tokens[end].Start]))
                {
                    return false;
                }
            }
            match = new Match(i, end, new DateOnly(year, 1, 1), DatePrecision.Year, DateKind.Absolute);
            return true;
        }

        private bool TryDayOffset(int i, int offset, out Match match)
        {
            match = default;
            var form = Form(i);
            if (offset == 0 && char.IsUpper(form[0]) && i > 0 && FormIs(i - 1, "USA"))
            {
                return false;
            }
            var end = i + 1;
            if (offset != 0 && Is(end, TimeWordKind.PartOfDay))
            {
                end++;
            }
            DateOnly? date = DocumentDate?.AddDays(offset);
            match = new Match(i, end, date, DatePrecision.Day, DateKind.Relative);
            return true;
        }

        // "last week", "this month", "next year", "last night", "this morning", "last Sunday", "last November".
        private bool TryModifier(int i, int direction, out Match match)
        {
            match = default;
            var start = i;
            var next = i + 1;
            if (direction == 0 && Word(next) is { Kind: TimeWordKind.Modifier, Value: 1 } && FormIs(next, "coming"))
            {
                // "this coming Monday"
                next++;
                direction = 1;
            }
            var w = Word(next);
            if (w.Kind == TimeWordKind.Weekday && Capitalized(next))
            {
                return TryWeekday(start, next, direction, out match);
            }
            if (w.Kind == TimeWordKind.Month && Capitalized(next))
            {
                DateOnly? month = DocumentDate is { } dm
                    ? ResolveMonth(dm, w.Value, direction == 0 ? (IsFuture(start, next + 1) ? 1 : -1) : direction, strict: direction != 0)
                    : null;
                match = new Match(start, next + 1, month, DatePrecision.Month, DateKind.Relative);
                return true;
            }
            if (w.Kind == TimeWordKind.PartOfDay)
            {
                // "last night", "this morning"; "next morning" is anaphoric and rare in news: left out.
                if (direction > 0 || (direction < 0 && !FormIs(next, "night")))
                {
                    return false;
                }
                match = new Match(start, next + 1, DocumentDate?.AddDays(direction), DatePrecision.Day, DateKind.Relative);
                return true;
            }
            if (w.Kind != TimeWordKind.Unit || w.Value == TimeUnit.Day || !FormIs(next, Singular(w.Value)))
            {
                return false;
            }
            // "the last week" / "the next month" are durations, not calendar periods.
            if (start > 0 && (Is(start - 1, TimeWordKind.The) || FormIs(start - 1, "for") || FormIs(start - 1, "over")))
            {
                return false;
            }
            DateOnly? date = null;
            var precision = w.Value switch
            {
                TimeUnit.Week => DatePrecision.Week,
                TimeUnit.Month => DatePrecision.Month,
                _ => DatePrecision.Year,
            };
            if (DocumentDate is { } d)
            {
                date = w.Value switch
                {
                    TimeUnit.Week => MondayOf(d).AddDays(7 * direction),
                    TimeUnit.Month => new DateOnly(d.Year, d.Month, 1).AddMonths(direction),
                    _ => new DateOnly(d.Year + direction, 1, 1),
                };
            }
            match = new Match(start, next + 1, date, precision, DateKind.Relative);
            return true;
        }

        // "two days ago", "a week ago", "three years ago"; "two days later", "a day earlier" (from the reference date).
        private bool TryAgo(int i, int count, out Match match)
        {
            match = default;
            if (count <= 0 || Word(i + 1) is not { Kind: TimeWordKind.Unit } unit)
            {
                return false;
            }
            var tail = Word(i + 2);
            var ago = tail.Kind == TimeWordKind.Ago;
            if (!ago && tail.Kind != TimeWordKind.EarlierLater)
            {
                return false;
            }
            var sign = ago ? -1 : tail.Value;
            var from = ago ? DocumentDate : (_context.Reference ?? DocumentDate);
            DateOnly? date = null;
            var precision = DatePrecision.Day;
            if (from is { } d)
            {
                (date, precision) = unit.Value switch
                {
                    TimeUnit.Day => (d.AddDays(sign * count), DatePrecision.Day),
                    TimeUnit.Week => (MondayOf(d.AddDays(sign * 7 * count)), DatePrecision.Week),
                    TimeUnit.Month => (FirstOfMonth(d.AddMonths(sign * count)), DatePrecision.Month),
                    _ => (new DateOnly(d.Year + sign * count, 1, 1), DatePrecision.Year),
                };
            }
            else
            {
                precision = unit.Value switch
                {
                    TimeUnit.Day => DatePrecision.Day,
                    TimeUnit.Week => DatePrecision.Week,
                    TimeUnit.Month => DatePrecision.Month,
                    _ => DatePrecision.Year,
                };
            }
            match = new Match(i, i + 3, date, precision, DateKind.Relative);
            return true;
        }

        // "the day before", "the previous day", "the next day", "the following day", "the night before".
        private bool TryAnaphoric(int i, out Match match)
        {
            match = default;
            int offset, end;
            var w1 = Word(i + 1);
            if ((FormIs(i + 1, "day") || FormIs(i + 1, "night")) && Word(i + 2) is { Kind: TimeWordKind.BeforeAfter } ba)
            {
                // "the day after the attack" names a day relative to an event, not to a date: only a bare "the day before/after".
                if (i + 3 < Count && !IsBoundary(i + 3))
                {
                    return false;
                }
                offset = ba.Value;
                end = i + 3;
            }
            else if ((w1.Kind == TimeWordKind.PreviousFollowing || (w1.Kind == TimeWordKind.Modifier && w1.Value == 1 && FormIs(i + 1, "next")))
                && (FormIs(i + 2, "day") || FormIs(i + 2, "night")))
            {
                offset = w1.Value;
                end = i + 3;
            }
            else
            {
                return false;
            }
            var from = _context.Reference ?? DocumentDate;
            match = new Match(i, end, from?.AddDays(offset), DatePrecision.Day, DateKind.Relative);
            return true;
        }

        private bool IsBoundary(int i)
        {
            var f = Form(i);
            return (f.Length == 1 && char.IsPunctuation(f[0])) || FormIs(i, "and") || FormIs(i, "but") || FormIs(i, "when") || FormIs(i, "that");
        }

        private bool IsCue(int i)
        {
            if ((uint)i >= (uint)Count)
            {
                return false;
            }
            var w = Word(i);
            return w.Kind is TimeWordKind.Cue or TimeWordKind.BeforeAfter || (w.Kind == TimeWordKind.Modifier && w.Value == 0 && !char.IsUpper(_text[_tokens[i].Start]));
        }

        // Counted nouns after a number: "1979 people", "2000 soldiers", "300 km".
        private static bool CountsSomething(ReadOnlySpan<char> after)
        {
            if (after.Length < 2 || !char.IsLower(after[0]))
            {
                return false;
            }
            return after[^1] == 's' || after.Equals("people", StringComparison.Ordinal) || after.Equals("km", StringComparison.Ordinal)
                || after.Equals("personnel", StringComparison.Ordinal) || after.Equals("more", StringComparison.Ordinal)
                || after.Equals("troops", StringComparison.Ordinal) || after.Equals("police", StringComparison.Ordinal);
        }

        private bool IsFuture(int start, int end)
        {
            if (_parse is not null && _tree is not null)
            {
                var governor = ClauseTree.Governor(_parse, start, end, out var top);
                var clause = _tree.ClauseHead(_parse, governor >= 0 ? governor : top);
                return clause >= 0 && _tree.IsFuture(_parse, clause);
            }
            for (var k = start - 1; k >= 0 && k >= start - 8; k--)
            {
                var f = Form(k);
                if (f is "." or ";" or "\"" or "“" or "”")
                {
                    break;
                }
                if (ClauseTree.IsFutureAux(f))
                {
                    return true;
                }
                // "is scheduled to", "are expected to", "is going to" (but "was expected to" is past).
                if ((f.Equals("scheduled", StringComparison.OrdinalIgnoreCase) || f.Equals("due", StringComparison.OrdinalIgnoreCase)
                    || f.Equals("expected", StringComparison.OrdinalIgnoreCase) || f.Equals("going", StringComparison.OrdinalIgnoreCase))
                    && FormIs(k + 1, "to"))
                {
                    return !(FormIs(k - 1, "was") || FormIs(k - 1, "were") || FormIs(k - 1, "had") || FormIs(k - 1, "been"));
                }
            }
            return false;
        }

        private int Year(int i)
        {
            if ((uint)i >= (uint)Count)
            {
                return 0;
            }
            var f = Form(i);
            if (f.Length != 4 || !IsDigits(f))
            {
                return 0;
            }
            var y = ParseSmall(f);
            return y is >= 1000 and <= 2999 ? y : 0;
        }
    }

    private static string Singular(int unit) => unit switch
    {
        TimeUnit.Week => "week",
        TimeUnit.Month => "month",
        _ => "year",
    };

    internal static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsOrdinal(ReadOnlySpan<char> s) =>
        s.Length is >= 3 and <= 4 && IsDigits(s[..^2])
        && (s[^2..].Equals("st", StringComparison.OrdinalIgnoreCase) || s[^2..].Equals("nd", StringComparison.OrdinalIgnoreCase)
            || s[^2..].Equals("rd", StringComparison.OrdinalIgnoreCase) || s[^2..].Equals("th", StringComparison.OrdinalIgnoreCase));

    private static int ParseSmall(ReadOnlySpan<char> digits)
    {
        var v = 0;
        foreach (var c in digits)
        {
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /// <summary>A day of the month written as <c>3</c>, <c>03</c> or <c>3rd</c>; 0 when it is none.</summary>
    private static int DayNumber(ReadOnlySpan<char> s)
    {
        var digits = IsOrdinal(s) ? s[..^2] : s;
        if (digits.Length is < 1 or > 2 || !IsDigits(digits))
        {
            return 0;
        }
        var d = ParseSmall(digits);
        return d is >= 1 and <= 31 ? d : 0;
    }

    private static bool TryIso(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !IsDigits(s[..4]) || !IsDigits(s.Slice(5, 2)) || !IsDigits(s[8..]))
        {
            return false;
        }
        int y = ParseSmall(s[..4]), m = ParseSmall(s.Slice(5, 2)), d = ParseSmall(s[8..]);
        if (y < 1000 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    internal static DateOnly Before(DateOnly d, DayOfWeek day, bool strict)
    {
        var delta = ((int)d.DayOfWeek - (int)day + 7) % 7;
        if (strict && delta == 0)
        {
            delta = 7;
        }
        return d.AddDays(-delta);
    }

    internal static DateOnly After(DateOnly d, DayOfWeek day, bool strict)
    {
        var delta = ((int)day - (int)d.DayOfWeek + 7) % 7;
        if (strict && delta == 0)
        {
            delta = 7;
        }
        return d.AddDays(delta);
    }

    internal static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    // The month's first day: the latest (direction -1) or earliest (+1) occurrence relative to the document's month.
    private static DateOnly ResolveMonth(DateOnly d, int month, int direction, bool strict)
    {
        int year;
        if (direction < 0)
        {
            year = strict ? (month < d.Month ? d.Year : d.Year - 1) : (month <= d.Month ? d.Year : d.Year - 1);
        }
        else
        {
            year = strict ? (month > d.Month ? d.Year : d.Year + 1) : (month >= d.Month ? d.Year : d.Year + 1);
        }
        return new DateOnly(year, month, 1);
    }

    private static DateOnly ResolveMonthDay(DateOnly d, int month, int day, bool future)
    {
        var year = d.Year;
        if (future)
        {
            if (new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) < d)
            {
                year++;
            }
        }
        else if (new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) > d)
        {
            year--;
        }
        // February 29 in a year without it: the last day of February.
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }
}
