namespace Casus.Syntax;

/// <summary>
/// Arc-eager transition system state over one sentence (Nivre 2003; Goldberg and Nivre 2012), with the artificial
/// root at index 0 at the bottom of the stack. Words are 1-based. Reused across sentences by one thread.
/// </summary>
internal sealed class ParseState
{
    public const int Shift = 0;
    public const int Reduce = 1;
    public const int None = -1;

    public int N;
    public int[] Stack = new int[64];
    public int Depth;
    public int Next;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64];
    public int[] Left2 = new int[64];
    public int[] Right1 = new int[64];
    public int[] Right2 = new int[64];
    public int[] ValencyLeft = new int[64];
    public int[] ValencyRight = new int[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];

    public void Reset(int n)
    {
        if (n + 2 > Stack.Length)
        {
            var c = Stack.Length;
            while (c < n + 2)
            {
                c *= 2;
            }
            Stack = new int[c];
            Head = new int[c];
            Label = new int[c];
            Left1 = new int[c];
            Left2 = new int[c];
            Right1 = new int[c];
            Right2 = new int[c];
            ValencyLeft = new int[c];
            ValencyRight = new int[c];
            LeftLabels = new ulong[c];
            RightLabels = new ulong[c];
        }
        N = n;
        Depth = 1;
        Stack[0] = 0;
        Next = 1;
        for (var i = 0; i <= n; i++)
        {
            Head[i] = None;
            Label[i] = None;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = None;
            ValencyLeft[i] = ValencyRight[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }
    }

    public bool BufferEmpty => Next > N;

    public int S0 => Stack[Depth - 1];

    public int S1 => Depth >= 2 ? Stack[Depth - 2] : None;

    public int B(int k) => Next + k <= N ? Next + k : None;

    /// <summary>Transition classes: 0 shift, 1 reduce, 2+l left-arc(l), 2+L+l right-arc(l).</summary>
    public static int Left(int label) => 2 + label;

    public static int Right(int label, int labelCount) => 2 + labelCount + label;

    public bool CanShift => !BufferEmpty;

    public bool CanReduce => Depth > 1 && Head[S0] != None;

    public bool CanLeft => !BufferEmpty && Depth > 1 && Head[S0] == None;

    public bool CanRight => !BufferEmpty;

    public void Apply(int move, int labelCount, ulong[] universalBit)
    {
        if (move == Shift)
        {
            Stack[Depth++] = Next++;
        }
        else if (move == Reduce)
        {
            Depth--;
        }
        else if (move < 2 + labelCount)
        {
            var label = move - 2;
            var d = Stack[--Depth];
            AddArc(Next, d, label, universalBit);
        }
        else
        {
            var label = move - 2 - labelCount;
            var d = Next++;
            AddArc(Stack[Depth - 1], d, label, universalBit);
            Stack[Depth++] = d;
        }
    }

    private void AddArc(int h, int d, int label, ulong[] universalBit)
    {
        Head[d] = h;
        Label[d] = label;
        if (d < h)
        {
            ValencyLeft[h]++;
            LeftLabels[h] |= universalBit[label];
            if (Left1[h] == None || d < Left1[h])
            {
                Left2[h] = Left1[h];
                Left1[h] = d;
            }
            else if (Left2[h] == None || d < Left2[h])
            {
                Left2[h] = d;
            }
        }
        else
        {
            ValencyRight[h]++;
            RightLabels[h] |= universalBit[label];
            if (Right1[h] == None || d > Right1[h])
            {
                Right2[h] = Right1[h];
                Right1[h] = d;
            }
            else if (Right2[h] == None || d > Right2[h])
            {
                Right2[h] = d;
            }
        }
    }
}
