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
/// generated canonical stubs (UTF-16) on its core module and through Wasmtime.Components on its component.
/// </summary>
public sealed class Utf16VersusComponentTests : IDisposable
{
    private const string Interface = "wasmmarshal:utf16/text@0.1.0";

    private readonly CanonicalGuest _core;
    private readonly IText _text;
    private readonly Store _componentStore = new(CanonicalGuests.ComponentEngine);
    private readonly ComponentFunction _componentEcho;
    private readonly ComponentFunction _componentLength;

    public Utf16VersusComponentTests()
    {
        _core = CanonicalGuest.Builder(TestGuests.MovingEngine, TestGuests.Load("canon_utf16")).Instantiate();
        _text = _core.Import<IText>();

        var component = Component.FromBytes(CanonicalGuests.ComponentEngine,
            File.ReadAllBytes(CanonicalGuests.ComponentPath("canon_utf16")));
        using var linker = new ComponentLinker(CanonicalGuests.ComponentEngine);
        var componentInstance = linker.Instantiate(_componentStore, component);
        _componentEcho = componentInstance.GetFunction(Interface, "echo")!;
        _componentLength = componentInstance.GetFunction(Interface, "length")!;
    }

    public void Dispose()
    {
        _core.Dispose();
        _componentStore.Dispose();
    }

    private string Echo(string s) => _text.Echo(s);

    private uint Length(string s) => _text.Length(s);

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

/// <summary>Interface <c>wasmmarshal:utf16/text@0.1.0</c> of a guest built with the utf16 string encoding; generated stubs.</summary>
[WasmImport]
[WasmCanonicalAbi("wasmmarshal:utf16/text@0.1.0", StringEncoding = CanonicalStringEncoding.Utf16)]
public partial interface IText
{
    string Echo(string s);

    uint Length(string s);
}
