using Casus.Syntax.Model;

namespace Casus.Training;

/// <summary>
/// Multiclass averaged perceptron with lazy averaging (Collins 2002; Daumé's trick), sparse per feature:
/// each feature keeps a linked list of (class, weight) entries in pooled arrays. Training only.
/// </summary>
internal sealed class AveragedPerceptron(int classCount)
{
    private readonly Dictionary<uint, int> _head = new(1 << 20);
    private int[] _next = new int[1 << 20];
    private ushort[] _class = new ushort[1 << 20];
    private float[] _weight = new float[1 << 20];
    private double[] _total = new double[1 << 20];
    private int[] _stamp = new int[1 << 20];
    private int _count;

    public int ClassCount { get; } = classCount;

    /// <summary>Number of training instances seen (the averaging clock).</summary>
    public int Tick { get; private set; } = 1;

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (_head.TryGetValue(f, out var e))
            {
                for (; e >= 0; e = _next[e])
                {
                    scores[_class[e]] += _weight[e];
                }
            }
        }
    }

    /// <summary>Advances the averaging clock by one instance.</summary>
    public void Advance() => Tick++;

    public void Update(ReadOnlySpan<uint> features, int truth, int guess)
    {
        foreach (var f in features)
        {
            Add(f, truth, 1f);
            Add(f, guess, -1f);
        }
    }

    private void Add(uint feature, int cls, float delta)
    {
        if (!_head.TryGetValue(feature, out var e))
        {
            _head[feature] = NewEntry(cls, -1);
            Bump(_count - 1, delta);
            return;
        }
        var last = -1;
        for (; e >= 0; e = _next[e])
        {
            if (_class[e] == cls)
            {
                Bump(e, delta);
                return;
            }
            last = e;
        }
        var created = NewEntry(cls, -1);
        _next[last] = created;
        Bump(created, delta);
    }

    private void Bump(int e, float delta)
    {
        _total[e] += (double)(Tick - _stamp[e]) * _weight[e];
        _stamp[e] = Tick;
        _weight[e] += delta;
    }

    private int NewEntry(int cls, int next)
    {
        if (_count == _next.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _next, size);
            Array.Resize(ref _class, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _total, size);
            Array.Resize(ref _stamp, size);
        }
        var e = _count++;
        _next[e] = next;
        _class[e] = (ushort)cls;
        _weight[e] = 0;
        _total[e] = 0;
        _stamp[e] = Tick;
        return e;
    }

    /// <summary>
    /// The averaged weights as an inference model, dropping weights whose magnitude is below
    /// <paramref name="prune"/> (they change no decision that matters and cost space).
    /// </summary>
    public LinearModel ToModel(float prune)
    {
        var rows = new List<(uint, IReadOnlyList<(int, float)>)>(_head.Count);
        foreach (var (key, first) in _head)
        {
            var row = new List<(int, float)>();
            for (var e = first; e >= 0; e = _next[e])
            {
                var total = _total[e] + (double)(Tick - _stamp[e]) * _weight[e];
                var avg = (float)(total / Tick);
                if (Math.Abs(avg) >= prune)
                {
                    row.Add((_class[e], avg));
                }
            }
            row.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            rows.Add((key, row));
        }
        return LinearModel.Build(ClassCount, rows);
    }
}
