using System;
using System.IO;
using System.Linq;
using CsCheck;
using Wasmtime;
using Wasmtime.Components;
using WasmMarshal.Canonical;
using WasmMarshal.Tests.Support;
using Xunit;

namespace WasmMarshal.Tests.ComponentModel;

/// <summary>
/// The UTF-16 string encoding: canon_utf16 (wit-utf16/text.wit, embedded with string-encoding utf16) through
/// hand-written canonical stubs on its core module and through Wasmtime.Components on its component.
/// </summary>
public sealed class Utf16VersusComponentTests : IDisposable
{
    private const string Interface = "wasmmarshal:utf16/text@0.1.0";
    private const CanonicalStringEncoding Utf16 = CanonicalStringEncoding.Utf16;

    private readonly Store _coreStore = new(TestGuests.MovingEngine);
    private readonly Store _componentStore = new(CanonicalGuests.ComponentEngine);
    private readonly GuestMemory _memory;
    private readonly CanonicalRealloc _realloc;
    private readonly Func<int, int, int> _echo;
    private readonly Func<int, int, int> _length;
    private readonly ComponentFunction _componentEcho;
    private readonly ComponentFunction _componentLength;

    public Utf16VersusComponentTests()
    {
        var module = TestGuests.Load("canon_utf16");
        var exports = new CanonicalExports(module, "IText");
        exports.ExpectMemory("IText");
        exports.ExpectRealloc("IText");
        exports.ExpectFunction(Interface, "echo", "IText.Echo", "(i32, i32) -> i32");
        exports.ExpectFunction(Interface, "length", "IText.Length", "(i32, i32) -> i32");
        exports.Complete();
        var instance = new Linker(TestGuests.MovingEngine).Instantiate(_coreStore, module);
        _memory = new GuestMemory(instance.GetMemory(exports.MemoryName)!);
        _realloc = new CanonicalRealloc(_memory, instance.GetFunction<int, int, int, int, int>(exports.ReallocName)!, exports.ReallocName);
        _echo = instance.GetFunction<int, int, int>(exports.FunctionName(Interface, "echo"))!;
        _length = instance.GetFunction<int, int, int>(exports.FunctionName(Interface, "length"))!;

        var component = Component.FromBytes(CanonicalGuests.ComponentEngine,
            File.ReadAllBytes(CanonicalGuests.ComponentPath("canon_utf16")));
        using var linker = new ComponentLinker(CanonicalGuests.ComponentEngine);
        var componentInstance = linker.Instantiate(_componentStore, component);
        _componentEcho = componentInstance.GetFunction(Interface, "echo")!;
        _componentLength = componentInstance.GetFunction(Interface, "length")!;
    }

    public void Dispose()
    {
        _coreStore.Dispose();
        _componentStore.Dispose();
    }

    private string Echo(string s)
    {
        const string m = "IText.Echo";
        var (p, n) = CanonicalString.Lower(s, Utf16, _realloc, m, "s");
        int area = _echo((int)p, (int)n);
        var view = _memory.View();
        return CanonicalString.LiftStored(view, CanonicalReturnArea.Check(view, area, 8, 4, m), Utf16, m, "return");
    }

    private uint Length(string s)
    {
        var (p, n) = CanonicalString.Lower(s, Utf16, _realloc, "IText.Length", "s");
        return (uint)_length((int)p, (int)n);
    }

    [Fact]
    public void Random_strings_agree_in_utf16()
    {
        var text = Gen.Frequency(
            (1, Gen.Const("")),
            (9, Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 40]
                .Select(cs => string.Concat(cs.Select(char.ConvertFromUtf32)))));
        int mismatches = 0;
        text.Sample(s =>
        {
            if (Echo(s) != s || _componentEcho.Call(ComponentValue.String(s))!.AsString() != s)
            {
                mismatches++;
            }

            // The length in code units: a supplementary character counts two, as in .NET.
            if (Length(s) != (uint)s.Length || _componentLength.Call(ComponentValue.String(s))!.AsU32() != (uint)s.Length)
            {
                mismatches++;
            }
        }, iter: 10_000, threads: 1);
        Assert.Equal(0, mismatches);
    }
}
