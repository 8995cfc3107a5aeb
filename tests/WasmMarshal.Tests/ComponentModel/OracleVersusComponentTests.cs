using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Wasmtime.Components;
using WasmMarshal.Canonical;
using WasmMarshal.Components;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// canon_oracle (C, for the WIT generated from OracleApi.cs) through the generated stubs on its core module and through
/// Wasmtime.Components on its component, on random records, lists of records, joined variants, options and results:
/// both must equal what the guest is specified to do (computed here), and the host must have seen the same calls.
/// A third path is the GENERATED component-model stub of <see cref="IOracleApi"/> (and the generated component-model
/// host definition of <see cref="IOracleHost"/>) on the same component: it must give the same answers and host calls.
/// Memory moves (TestGuests.MovingEngine, a page grown every 50 calls).
/// </summary>
public sealed class OracleVersusComponentTests : IDisposable
{
    private readonly OracleHost _coreHost = new();
    private readonly OracleHost _componentHost = new();
    private readonly CanonicalGuest _guest;
    private readonly IOracleApi _core;
    private readonly OracleComponentApi _component;
    private readonly OracleHost _generatedHost = new();
    private readonly ComponentModelGuest _generatedGuest;
    private readonly IOracleApi _generated;
    private int _calls;

    public OracleVersusComponentTests()
    {
        _guest = CanonicalGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("canon_oracle")).WithHost<IOracleHost>(_coreHost).Instantiate();
        _core = _guest.Import<IOracleApi>();
        var component = Component.FromBytes(CanonicalGuests.ComponentEngine, File.ReadAllBytes(CanonicalGuests.ComponentPath("canon_oracle")));
        _component = new OracleComponentApi(CanonicalGuests.ComponentEngine, component, _componentHost);
        _generatedGuest = CanonicalGuests.InstantiateComponent("canon_oracle", linker => IOracleHost.Define(linker, _generatedHost));
        _generated = ComponentModelBindings.GetImport<IOracleApi>()(_generatedGuest);
    }

    public void Dispose()
    {
        _guest.Dispose();
        _component.Dispose();
        _generatedGuest.Dispose();
    }

    private void Tick()
    {
        if (++_calls % 50 == 0)
        {
            _guest.Memory.Memory.Grow(1);
        }
    }

    private static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const("")),
        (6, Gen.Char["a-z 0-9"].Array[0, 12].Select(cs => new string(cs))),
        (2, Gen.Int[0x80, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 6].Select(cs => string.Concat(cs.Select(char.ConvertFromUtf32)))));

    private static readonly Gen<OracleLevel> Level = Gen.Int[0, 2].Select(i => (OracleLevel)i);

    private static readonly Gen<OracleItem> Item =
        Gen.Select(Gen.UInt[0, 1_000_000], Text.Null(), Gen.Bool, Level.Array[0, 5])
            .Select((id, note, done, levels) => new OracleItem(id, note, done, levels));

    private static readonly Gen<OracleValue> Value = Gen.OneOf<OracleValue>(
        Gen.Long[-1_000_000_000_000, 1_000_000_000_000].Select(n => (OracleValue)new OracleValue.Int(n)),
        Gen.Double[-1e6, 1e6].Select(x => (OracleValue)new OracleValue.Real(x)),
        Gen.Select(Gen.Float[-1e5f, 1e5f], Gen.UInt).Select((x, y) => (OracleValue)new OracleValue.Small(x, y)),
        Text.Select(t => (OracleValue)new OracleValue.Text(t)),
        Gen.Const((OracleValue)new OracleValue.Nothing()));

    private static int Utf8(string s) => Encoding.UTF8.GetByteCount(s);

    private static OracleValue ExpectedEval(OracleValue input, OracleValue? fallback) => input switch
    {
        OracleValue.Int i => new OracleValue.Int(i.Number + 1),
        OracleValue.Real r => new OracleValue.Real(r.Number * 2),
        OracleValue.Small s => new OracleValue.Small(s.X + 1, unchecked(s.Y + 1)),
        OracleValue.Text t => new OracleValue.Text(OracleHost.Description(t, new[] { (uint)Utf8(t.Content), 7u }) + "|" + t.Content),
        _ => fallback ?? new OracleValue.Nothing(),
    };

    private static ulong? ExpectedBig(OracleValue? value) => value switch
    {
        null or OracleValue.Nothing => null,
        OracleValue.Int i => unchecked((ulong)i.Number),
        OracleValue.Real r => BitConverter.DoubleToUInt64Bits(r.Number),
        OracleValue.Small s => s.Y,
        OracleValue.Text t => (ulong)Utf8(t.Content),
        _ => throw new InvalidOperationException(),
    };

    private static bool Same(OracleItem a, OracleItem b) =>
        a.Id == b.Id && a.Note == b.Note && a.Done == b.Done && a.Levels.SequenceEqual(b.Levels);

    [Fact]
    public void Variants_with_joined_payloads_options_and_the_host_call_agree()
    {
        int mismatches = 0;
        Gen.Select(Value, Value.Null()).Sample((input, fallback) =>
        {
            Tick();
            var expected = ExpectedEval(input, fallback);
            if (!Equals(_core.Eval(input, fallback), expected) || !Equals(_component.Eval(input, fallback), expected)
                || !Equals(_generated.Eval(input, fallback), expected))
            {
                mismatches++;
            }

            var big = ExpectedBig(fallback);
            if (_core.Big(fallback) != big || _component.Big(fallback) != big || _generated.Big(fallback) != big)
            {
                mismatches++;
            }
        }, iter: 10_000, threads: 1);
        Assert.Equal(0, mismatches);
        Assert.Equal(_componentHost.Log, _coreHost.Log);
        Assert.Equal(_generatedHost.Log, _coreHost.Log);
        Assert.Contains(_coreHost.Log, l => l.StartsWith("describe", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_of_records_agree()
    {
        int mismatches = 0;
        Gen.Select(Item.Array[0, 6], Gen.Double[0, 100].Array[0, 5]).Sample((items, weights) =>
        {
            Tick();
            uint add = (uint)weights.Length + (uint)(long)weights.Sum();
            var expected = items.Reverse().Select(i => new OracleItem(i.Id + add, i.Note, !i.Done, i.Levels.Reverse().ToArray())).ToArray();
            var core = _core.Items(items, weights);
            var component = _component.Items(items, weights);
            var generated = _generated.Items(items, weights);
            if (core.Length != expected.Length || !core.Zip(expected).All(p => Same(p.First, p.Second))
                || component.Length != expected.Length || !component.Zip(expected).All(p => Same(p.First, p.Second))
                || generated.Length != expected.Length || !generated.Zip(expected).All(p => Same(p.First, p.Second)))
            {
                mismatches++;
            }
        }, iter: 3_000, threads: 1);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Results_flags_tuples_strings_and_nested_lists_agree()
    {
        int mismatches = 0;
        var wide = Gen.UInt[0, 511].Select(b => (OracleWide)b);
        var letter = Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Select(c => new Rune(c));
        var triple = Gen.Select(Gen.SByte, Gen.UShort, Gen.ULong[0, 3]);
        var chunks = Gen.Byte.Array[0, 8].Array[0, 5];
        Gen.Select(Gen.Select(wide, letter, triple), Gen.Select(Gen.Short, Gen.Long, Gen.Float[-200, 200]), Gen.Select(chunks, Gen.Bool.Array[0, 6], Text.Null()))
            .Sample((check, level, rest) =>
            {
                Tick();
                var (w, l, t) = check;
                var flags = w ^ OracleWide.A;
                WitResult<WitUnit, string> expectedCheck = (flags & OracleWide.A) != 0 && t.Item3 != 0
                    ? new WitResult<WitUnit, string>.Ok(default)
                    : new WitResult<WitUnit, string>.Error(string.Concat(Enumerable.Repeat(l.ToString(), (t.Item1 & 3) + 1)));
                if (!Equals(_core.Check(w, l, t), expectedCheck) || !Equals(_component.Check(w, l, t), expectedCheck)
                    || !Equals(_generated.Check(w, l, t), expectedCheck))
                {
                    mismatches++;
                }

                var (s, n, f) = level;
                WitResult<OracleLevel, WitUnit> expectedLevel = s < 0 || f > 100
                    ? new WitResult<OracleLevel, WitUnit>.Error(default)
                    : new WitResult<OracleLevel, WitUnit>.Ok((OracleLevel)(((n % 3) + 3) % 3));
                if (!Equals(_core.Level(s, n, f), expectedLevel) || !Equals(_component.Level(s, n, f), expectedLevel)
                    || !Equals(_generated.Level(s, n, f), expectedLevel))
                {
                    mismatches++;
                }

                var (parts, mask, key) = rest;
                var expectedChunks = parts.Where((_, i) => i >= mask.Length || mask[i]).Select(p => p.Reverse().ToArray()).ToArray();
                var coreChunks = _core.Chunks(parts, mask);
                var componentChunks = _component.Chunks(parts, mask);
                var generatedChunks = _generated.Chunks(parts, mask);
                if (!coreChunks.Zip(expectedChunks).All(p => p.First.SequenceEqual(p.Second)) || coreChunks.Length != expectedChunks.Length
                    || !componentChunks.Zip(expectedChunks).All(p => p.First.SequenceEqual(p.Second)) || componentChunks.Length != expectedChunks.Length
                    || !generatedChunks.Zip(expectedChunks).All(p => p.First.SequenceEqual(p.Second)) || generatedChunks.Length != expectedChunks.Length)
                {
                    mismatches++;
                }

                string? expectedLookup = key is null ? null : key.Length % 2 == 0 ? key : key + key;
                if (_core.Lookup(key) != expectedLookup || _component.Lookup(key) != expectedLookup || _generated.Lookup(key) != expectedLookup)
                {
                    mismatches++;
                }
            }, iter: 10_000, threads: 1);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Nested_buffers_are_owned_and_freed_as_the_canonical_abi_says()
    {
        // Lists of records with strings and lists inside, nested lists, spilled records, and host results lowered
        // through realloc (describe's tuple): if the stubs freed, kept or forgot any of them, or skipped post-return,
        // 2,000 rounds of kilobytes would grow the guest heap by megabytes.
        string text = string.Concat(Enumerable.Repeat("\u00e9t\u00e9 ", 64));
        var items = Enumerable.Range(0, 16).Select(i => new OracleItem((uint)i, i % 2 == 0 ? text : null, true,
            new[] { OracleLevel.High, OracleLevel.Low, OracleLevel.Mid })).ToArray();
        var parts = Enumerable.Range(0, 8).Select(i => Enumerable.Range(0, 256).Select(b => (byte)(b + i)).ToArray()).ToArray();
        void Round()
        {
            Assert.Equal(16, _core.Items(items, new[] { 1.0, 2.0 }).Length);
            Assert.Equal(8, _core.Chunks(parts, new bool[0]).Length);
            Assert.IsType<OracleValue.Text>(_core.Eval(new OracleValue.Text(text), null));
            Assert.Equal(text + "x" + text + "x", _core.Lookup(text + "x"));
            _ = _core.Spill(items[0], items[1], items[2]);
            _core.Fill(1, 2, 3, 4, 5, 6, 7, 8, items[0], 1);
        }

        for (int i = 0; i < 20; i++)
        {
            Round();
        }

        ulong settled = _guest.Memory.Length;
        for (int i = 0; i < 2000; i++)
        {
            Round();
        }

        Assert.True(_guest.Memory.Length <= settled + 2 * 65536, $"guest memory grew from {settled} to {_guest.Memory.Length} bytes");
    }

    [Fact]
    public void Sixteen_flat_parameters_and_a_spilled_parameter_list_reach_the_guest_and_its_host_calls()
    {
        int mismatches = 0;
        Gen.Select(Gen.Select(Item, Item, Item), Gen.ULong[0, 1000].Array[8], Gen.Float[0, 1000]).Sample((three, numbers, j) =>
        {
            Tick();
            var (a, b, c) = three;
            double expected = 1.5 + 2.5 + 2 + OracleHost.TallyOf(a) + OracleHost.TallyOf(b) + OracleHost.TallyOf(c);
            foreach (var item in new[] { a, b, c })
            {
                expected += item.Id + (item.Note is { } text ? Utf8(text) : 0) + item.Levels.Sum(l => (int)l);
            }

            if (_core.Spill(a, b, c) != expected || _component.Spill(a, b, c) != expected || _generated.Spill(a, b, c) != expected)
            {
                mismatches++;
            }

            _core.Fill(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], a, j);
            _component.Fill(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], a, j);
            _generated.Fill(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], a, j);
            uint extra = (uint)numbers.Skip(1).Sum(x => (long)x) + (uint)j;
            string note = $"note {unchecked(a.Id + extra)}|{a.Note ?? "(none)"}|{a.Done}|{string.Join(",", a.Levels)}|{(OracleLevel)(numbers[0] % 3)}";
            if (_coreHost.Log[^1] != note || _componentHost.Log[^1] != note || _generatedHost.Log[^1] != note)
            {
                mismatches++;
            }

            _core.Nothing();
            _component.Nothing();
            _generated.Nothing();
        }, iter: 3_000, threads: 1);
        Assert.Equal(0, mismatches);
        Assert.Equal(_componentHost.Log, _coreHost.Log);
        Assert.Equal(_generatedHost.Log, _coreHost.Log);
    }
}
