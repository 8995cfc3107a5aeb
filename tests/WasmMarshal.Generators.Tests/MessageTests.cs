using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Messages that used to mislead (issue 18): each names the real cause, and not the one a generic check stumbled on.
/// </summary>
public sealed class MessageTests
{
    [Theory]
    [InlineData("Task<int>", "System.Threading.Tasks.Task<int>")]
    [InlineData("Task", "System.Threading.Tasks.Task")]
    [InlineData("ValueTask<int>", "System.Threading.Tasks.ValueTask<int>")]
    [InlineData("ValueTask", "System.Threading.Tasks.ValueTask")]
    public void TaskReturnSaysCallsAreSynchronous(string returnType, string display)
    {
        var diagnostic = Single("WASM003", $$"""
            [WasmImport]
            public partial interface IAsync
            {
                {{returnType}} Compute(int x);
            }
            """);

        Assert.Equal($"'IAsync.Compute' returns '{display}', which cannot cross to wasm: calls are synchronous; return the value itself",
            diagnostic.GetMessage());
    }

    [Fact]
    public void OverloadsPrintTheirParameterLists()
    {
        var diagnostic = Single("WASM006", """
            [WasmImport]
            public partial interface IOverload
            {
                int F(int value);
                long F(long value, ref int count);
            }
            """);

        Assert.Equal("'IOverload.F(int)' and 'IOverload.F(long, ref int)' both map to the wasm name 'f'; give one of them [WasmName]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void DateTimeFieldIsABclStructWithPrivateFields()
    {
        var diagnostic = Single("WASM004", """
            public struct Stamp { public DateTime When; }

            [WasmImport]
            public partial interface IClock
            {
                void Set(in Stamp stamp);
            }
            """);

        string message = diagnostic.GetMessage();
        Assert.Contains("field 'When' (System.DateTime): it is a .NET (BCL) struct whose fields are private, so its real layout cannot be verified", message);
        Assert.DoesNotContain("no fields", message);
    }

    [Fact]
    public void DateTimeParameterIsABclStructWithPrivateFields()
    {
        var diagnostic = Single("WASM004", """
            [WasmImport]
            public partial interface IClock
            {
                void Set(in DateTime when);
            }
            """);

        Assert.Contains("Struct 'System.DateTime' (used by 'IClock.Set') cannot cross to wasm: it is a .NET (BCL) struct whose fields are private", diagnostic.GetMessage());
    }

    [Fact]
    public void Win32BoolIsNamedAndU1Advised()
    {
        var diagnostic = Single("WASM004", """
            public struct Flags
            {
                [MarshalAs(UnmanagedType.Bool)]
                public bool Enabled;
            }

            [WasmImport]
            public partial interface IFlags
            {
                void Set(in Flags flags);
            }
            """);

        string message = diagnostic.GetMessage();
        Assert.Contains("field 'Enabled' is marked [MarshalAs(UnmanagedType.Bool)], which is the 4-byte Win32 BOOL, but C's bool is 1 byte; use [MarshalAs(UnmanagedType.U1)]", message);
        Assert.DoesNotContain("without an explicit size", message);
    }

    [Theory]
    [InlineData("ref int", "ref int")]
    [InlineData("ref readonly int", "ref readonly int")]
    public void RefReturnShowsTheRef(string returnType, string display)
    {
        var diagnostic = Single("WASM003", $$"""
            [WasmImport]
            public partial interface IRefs
            {
                {{returnType}} Slot(int index);
            }
            """);

        Assert.StartsWith($"'IRefs.Slot' returns '{display}', which cannot cross to wasm: ref returns", diagnostic.GetMessage());
    }

    [Fact]
    public void NonGenericInterfaceInAGenericClassIsNestedNotGeneric()
    {
        var diagnostic = Single("WASM013", """
            public partial class Outer<T>
            {
                [WasmImport]
                public partial interface IInner
                {
                    int F();
                }
            }
            """);

        Assert.Equal("Interface 'IInner' cannot be bound to wasm: it is nested in the generic type 'Outer'", diagnostic.GetMessage());
    }

    [Fact]
    public void GenericInterfaceIsStillCalledGeneric()
    {
        var diagnostic = Single("WASM013", """
            [WasmImport]
            public partial interface IBox<T>
            {
                int F();
            }
            """);

        Assert.Equal("Interface 'IBox' cannot be bound to wasm: it is generic; a wasm function has one fixed signature", diagnostic.GetMessage());
    }

    private static Diagnostic Single(string id, string body)
    {
        var compilation = GeneratorHarness.Compile("""
            using System;
            using System.Runtime.InteropServices;
            using System.Threading.Tasks;
            using WasmMarshal;

            namespace Demo;

            """ + body);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, GeneratorHarness.Format(errors));
        var diagnostics = GeneratorHarness.RunAnalyzer(compilation);
        Assert.True(diagnostics.Length == 1 && diagnostics[0].Id == id, $"expected one {id}, got:\n" + GeneratorHarness.Format(diagnostics));
        return diagnostics[0];
    }
}
