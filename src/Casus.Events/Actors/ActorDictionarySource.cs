namespace Casus.Events.Actors;

/// <summary>
/// The text of one actor dictionary file, from the assembly or from a user directory. Immutable.
/// </summary>
/// <param name="FileName">The file's role, one of <see cref="ActorDictionary.FileNames"/>
/// (<c>countries.txt</c>, <c>international.txt</c>, <c>groups.txt</c>, <c>regions.txt</c>, <c>sectors.txt</c>,
/// <c>leaders.txt</c>).</param>
/// <param name="DisplayName">How errors name the file (<c>actors/countries.txt</c>, or a full path).</param>
/// <param name="Text">The file's content.</param>
public sealed record ActorDictionarySource(string FileName, string DisplayName, string Text);
