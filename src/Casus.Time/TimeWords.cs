using System.Collections.Frozen;

namespace Casus.Time;

/// <summary>What a word can contribute to a date expression.</summary>
internal enum TimeWordKind : byte
{
    None,
    Month,
    MonthAbbreviation,
    Weekday,
    DayOffset,
    Modifier,
    Unit,
    Ago,
    PartOfDay,
    EarlierLater,
    Cue,
    The,
    BeforeAfter,
    PreviousFollowing,
    Number,
    Article,
}

/// <summary>A word's role in date expressions and its value (month 1-12, <see cref="DayOfWeek"/>, offset, unit...).</summary>
internal readonly record struct TimeWord(TimeWordKind Kind, int Value);

/// <summary>Units of "last week", "two days ago".</summary>
internal static class TimeUnit
{
    public const int Day = 1, Week = 2, Month = 3, Year = 4, Night = 5;
}

/// <summary>
/// The closed-class words of English date expressions, looked up by span without allocating (case-insensitive;
/// callers check capitalisation where it matters, e.g. months and weekdays).
/// </summary>
internal static class TimeWords
{
    private static readonly FrozenDictionary<string, TimeWord> Table = Build();

    public static readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a weekday that make it part of a name ("Sunday Times", "Saturday Night Live").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekdayNameAfter =
        new[] { "Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Mail", "Independent", "Tribune", "Star", "Sport", "Sun", "Observer", "Club", "School", "Prayer", "Prayers", "Sermon", "Service", "Mass" }
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before a weekday that make it a named day rather than a date ("Bloody Sunday", "Black Friday").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeekdayNameBefore =
        new[] { "Bloody", "Black", "Good", "Super", "Ash", "Holy", "Palm", "Easter", "Cyber", "Maundy", "Shrove", "Whit", "Orthodox" }
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static TimeWord Of(ReadOnlySpan<char> form) =>
        form.Length is > 0 and < 16 && Lookup.TryGetValue(form, out var w) ? w : default;

    private static FrozenDictionary<string, TimeWord> Build()
    {
        var d = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (var m = 0; m < 12; m++)
        {
            d[months[m]] = new(TimeWordKind.Month, m + 1);
        }
        (string, int)[] abbreviations =
        [
            ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Sept", 9),
            ("Oct", 10), ("Nov", 11), ("Dec", 12),
        ];
        foreach (var (a, m) in abbreviations)
        {
            d[a] = new(TimeWordKind.MonthAbbreviation, m);
            d[a + "."] = new(TimeWordKind.MonthAbbreviation, m);
        }
        string[] weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        for (var w = 0; w < 7; w++)
        {
            d[weekdays[w]] = new(TimeWordKind.Weekday, w);
        }
        d["today"] = new(TimeWordKind.DayOffset, 0);
        d["tonight"] = new(TimeWordKind.DayOffset, 0);
        d["yesterday"] = new(TimeWordKind.DayOffset, -1);
        d["tomorrow"] = new(TimeWordKind.DayOffset, 1);
        d["last"] = new(TimeWordKind.Modifier, -1);
        d["next"] = new(TimeWordKind.Modifier, 1);
        d["coming"] = new(TimeWordKind.Modifier, 1);
        d["this"] = new(TimeWordKind.Modifier, 0);
        d["day"] = new(TimeWordKind.Unit, TimeUnit.Day);
        d["days"] = new(TimeWordKind.Unit, TimeUnit.Day);
        d["week"] = new(TimeWordKind.Unit, TimeUnit.Week);
        d["weeks"] = new(TimeWordKind.Unit, TimeUnit.Week);
        d["month"] = new(TimeWordKind.Unit, TimeUnit.Month);
        d["months"] = new(TimeWordKind.Unit, TimeUnit.Month);
        d["year"] = new(TimeWordKind.Unit, TimeUnit.Year);
        d["years"] = new(TimeWordKind.Unit, TimeUnit.Year);
        d["ago"] = new(TimeWordKind.Ago, 0);
        d["night"] = new(TimeWordKind.PartOfDay, 0);
        d["morning"] = new(TimeWordKind.PartOfDay, 0);
        d["afternoon"] = new(TimeWordKind.PartOfDay, 0);
        d["evening"] = new(TimeWordKind.PartOfDay, 0);
        d["earlier"] = new(TimeWordKind.EarlierLater, -1);
        d["later"] = new(TimeWordKind.EarlierLater, 1);
        foreach (var cue in new[] { "in", "on", "since", "until", "till", "by", "during", "from", "through", "throughout", "before", "after", "of", "early", "late", "mid", "to", "between", "around", "for", "as" })
        {
            d[cue] = new(TimeWordKind.Cue, 0);
        }
        d["before"] = new(TimeWordKind.BeforeAfter, -1);
        d["after"] = new(TimeWordKind.BeforeAfter, 1);
        d["previous"] = new(TimeWordKind.PreviousFollowing, -1);
        d["following"] = new(TimeWordKind.PreviousFollowing, 1);
        d["the"] = new(TimeWordKind.The, 0);
        d["a"] = new(TimeWordKind.Article, 1);
        d["an"] = new(TimeWordKind.Article, 1);
        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (var n = 1; n < numbers.Length; n++)
        {
            d[numbers[n]] = new(TimeWordKind.Number, n);
        }
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
