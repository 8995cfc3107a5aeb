using System;
using System.Linq;
using System.Text;
using CsCheck;
using WasmMarshal.Canonical;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// Random values through both paths (canonical stubs on the core module, Wasmtime.Components on the component), with
/// memory grown every few calls so that its base moves (TestGuests.MovingEngine has no reservation): 0 mismatches,
/// each result also checked against what the function is specified to do. One thread: a Store is single-threaded.
/// </summary>
public sealed class CanonicalPropertyTests
{
    private const int Iterations = 10_000;

    /// <summary>Scalar values weighted towards ASCII (with spaces and digits), then 2-, 3- and 4-byte UTF-8.</summary>
    private static readonly Gen<int> Scalar = Gen.Frequency(
        (4, Gen.Int[0x20, 0x7E]),
        (1, Gen.Int[0x80, 0x7FF]),
        (1, Gen.Int[0x800, 0xFFFF].Where(c => c is < 0xD800 or > 0xDFFF)),
        (1, Gen.Int[0x10000, 0x10FFFF]));

    private static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const("")),
        (8, Scalar.Array[0, 48].Select(cs => string.Concat(cs.Select(c => char.ConvertFromUtf32(c))))),
        (1, Gen.Int[0, 99999].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private sealed class Pair : IDisposable
    {
        private int _calls;
        private readonly System.Collections.Generic.HashSet<long> _bases = new();

        public Pair(string guest)
        {
            Core = CanonicalGuests.Core(guest, new TestHost());
            Component = CanonicalGuests.Component(guest, new TestHost());
        }

        public CoreCanonicalApi Core { get; }

        public ComponentApi Component { get; }

        /// <summary>How many different base addresses the core module's memory has had.</summary>
        public int BaseAddresses => _bases.Count;

        /// <summary>Every 50 calls, grows the core module's memory by a page: on the moving engine its base moves.</summary>
        public void Tick()
        {
            _bases.Add(Core.Memory.Memory.GetPointer().ToInt64());
            if (++_calls % 50 == 0)
            {
                Core.Memory.Memory.Grow(1);
            }
        }

        public void Dispose()
        {
            Core.Dispose();
            Component.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Random_strings_agree(string guest)
    {
        using var pair = new Pair(guest);
        int mismatches = 0;
        Gen.Select(Text, Text).Sample(t =>
        {
            var (s, other) = t;
            pair.Tick();
            uint bytes = (uint)Encoding.UTF8.GetByteCount(s);
            if (pair.Core.CountBytes(s) != bytes || pair.Component.CountBytes(s) != bytes)
            {
                mismatches++;
            }

            string greeting = "Hello, " + s;
            if (pair.Core.Greet(s) != greeting || pair.Component.Greet(s) != greeting)
            {
                mismatches++;
            }

            string? word = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (pair.Core.FirstWord(s) != word || pair.Component.FirstWord(s) != word)
            {
                mismatches++;
            }

            if (!pair.Core.Parse(s).Equals(pair.Component.Parse(s)))
            {
                mismatches++;
            }

            var swapped = (other, bytes);
            if (pair.Core.Swap((bytes, other)) != swapped || pair.Component.Swap((bytes, other)) != swapped)
            {
                mismatches++;
            }

            string joined = string.Join(other, new[] { s, other, s });
            if (pair.Core.Join(new[] { s, other, s }, other) != joined || pair.Component.Join(new[] { s, other, s }, other) != joined)
            {
                mismatches++;
            }
        }, iter: Iterations, threads: 1);

        Assert.Equal(0, mismatches);
        Assert.True(pair.BaseAddresses > 10, $"the memory base moved only {pair.BaseAddresses - 1} times");
    }

    [Theory]
    [MemberData(nameof(CanonicalGuests.Both), MemberType = typeof(CanonicalGuests))]
    public void Random_lists_records_variants_and_options_agree(string guest)
    {
        using var pair = new Pair(guest);
        int mismatches = 0;
        var gen = Gen.Select(Gen.Byte.Array[0, 300], Gen.UInt.Array[0, 64], Gen.UInt[0, 20], Text, Gen.Int, Gen.Int);
        gen.Sample(t =>
        {
            var (bytes, words, needle, label, x, y) = t;
            pair.Tick();
            byte[] reversed = bytes.Reverse().ToArray();
            if (!pair.Core.ReverseBytes(bytes).SequenceEqual(reversed) || !pair.Component.ReverseBytes(bytes).SequenceEqual(reversed))
            {
                mismatches++;
            }

            ulong sum = words.Aggregate(0UL, (a, w) => a + w);
            uint[] doubled = words.Select(w => unchecked(w * 2)).ToArray();
            if (pair.Core.SumU32(words) != sum || pair.Component.SumU32(words) != sum
                || !pair.Core.DoubleAll(words).SequenceEqual(doubled) || !pair.Component.DoubleAll(words).SequenceEqual(doubled))
            {
                mismatches++;
            }

            uint[] small = words.Select(w => w % 21).ToArray();
            int index = Array.IndexOf(small, needle);
            uint? found = index < 0 ? null : (uint)index;
            if (pair.Core.Find(small, needle) != found || pair.Component.Find(small, needle) != found)
            {
                mismatches++;
            }

            var moved = new Point(unchecked(x + y), unchecked(y - x), label + "'");
            if (pair.Core.MovePoint(new Point(x, y, label), y, -x) != moved
                || pair.Component.MovePoint(new Point(x, y, label), y, -x) != moved)
            {
                mismatches++;
            }

            byte kind = (byte)(needle % 3);
            uint a = words.FirstOrDefault() % 1_000_000, b = needle;
            Shape shape = kind switch { 0 => new Shape.Circle(a), 1 => new Shape.Rect(a, b), _ => new Shape.Empty() };
            if (pair.Core.MakeShape(kind, a, b) != shape || pair.Component.MakeShape(kind, a, b) != shape
                || pair.Core.Area(shape) != pair.Component.Area(shape))
            {
                mismatches++;
            }
        }, iter: Iterations, threads: 1);

        Assert.Equal(0, mismatches);
        Assert.True(pair.BaseAddresses > 10, $"the memory base moved only {pair.BaseAddresses - 1} times");
    }
}
