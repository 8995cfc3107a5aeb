using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WasmMarshal.Generators.Tests.Support;
using Xunit;

namespace WasmMarshal.Generators.Tests;

/// <summary>
/// Callbacks and opaque handles: a delegate (per call) or <c>WasmCallback&lt;T&gt;</c> (registered) where C takes a
/// function pointer lowers to one i32, the delegate's arguments are read by a generated host function with the
/// checks of a [WasmExport] method, a <c>WasmHandle&lt;T&gt;</c> is one i32 both ways; and WASM025 to WASM027.
/// </summary>
public sealed class CallbackTests
{
    [Fact]
    public void Callbacks()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using WasmMarshal;

            namespace Demo.CLibraries;

            public sealed class Parser { private Parser() { } }

            // typedef void (*XML_StartElementHandler)(void *userData, const XML_Char *name, const XML_Char **atts);
            public delegate void StartElement(uint userData, [WasmString(WasmStringEncoding.Utf8NulTerminated)] string name, uint atts);

            // typedef void (*XML_CharacterDataHandler)(void *userData, const XML_Char *s, int len);
            public delegate void CharacterData(uint userData, string s);

            // int (*compar)(const void *, const void *), with a span the host may fill
            public delegate int Compare(uint a, uint b);
            public delegate void Fill(Span<byte> buffer);

            [WasmImport]
            public partial interface IExpatLike
            {
                [WasmName("XML_ParserCreate")]
                WasmHandle<Parser> ParserCreate([WasmString(WasmStringEncoding.Utf8NulTerminated)] string? encoding);

                [WasmName("XML_SetElementHandler")]
                void SetElementHandler(WasmHandle<Parser> parser, WasmCallback<StartElement>? start, WasmCallback<CharacterData> text);

                // void qsort(void *base, size_t n, size_t size, int (*compar)(const void *, const void *));
                void Qsort(uint items, uint count, uint size, Compare compare);

                void Produce(Fill? fill, Func<int, int> transform);
            }
            """);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Format(run.GeneratorDiagnostics));
        var analyzer = run.AnalyzerDiagnostics();
        Assert.True(analyzer.IsEmpty, "Analyzer diagnostics:\n" + GeneratorHarness.Format(analyzer));
        Assert.True(run.StrictOutputProblems.IsEmpty,
            "The output compilation has warnings or errors:\n" + GeneratorHarness.Format(run.StrictOutputProblems) + "\n\n" + run.CombinedSource);
        IncrementalAssert.CachesAcrossUnrelatedEdit(run);

        // A function pointer and a handle are one i32 each, as clang lowers void qsort(void *, size_t, size_t, int (*)(...)).
        const string I32 = "global::Wasmtime.ValueKind.Int32";
        Assert.Contains($"binder.Expect(\"qsort\", \"Qsort\", global::WasmMarshal.Binding.CoreSignature.Action({I32}, {I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Contains($"binder.Expect(\"XML_SetElementHandler\", \"SetElementHandler\", global::WasmMarshal.Binding.CoreSignature.Action({I32}, {I32}, {I32}));", run.CombinedSource);
        Assert.Contains("binder.RequireFunctionTable(\"Qsort\", \"compare\");", run.CombinedSource);

        // The callback's host function: a (ptr, len) string and a NUL-terminated one, as a [WasmExport] method reads them.
        Assert.Contains("global::Wasmtime.CallerAction<int, int, int> __function = (global::Wasmtime.Caller __caller, int __a0_core, int __a1_ptr, int __a1_len) =>", run.CombinedSource);
        Assert.Contains("__call.CString(__a1_ptr, \"name\")", run.CombinedSource);
        Snapshot.Verify(run.CombinedSource);
    }

    [Fact]
    public void A_handle_crosses_as_its_address_in_a_WasmExport_method_too()
    {
        var run = GeneratorHarness.Run("""
            using WasmMarshal;
            namespace Demo;
            public sealed class Session { private Session() { } }
            [WasmExport]
            public partial interface IHostSessions
            {
                WasmHandle<Session> Open(int id);
                void Close(WasmHandle<Session> session);
            }
            """);
        Assert.True(run.AnalyzerDiagnostics().IsEmpty, GeneratorHarness.Format(run.AnalyzerDiagnostics()));
        Assert.True(run.StrictOutputProblems.IsEmpty, GeneratorHarness.Format(run.StrictOutputProblems) + "\n" + run.CombinedSource);
        Assert.Contains("return unchecked((int)implementation.Open(__a0_core).Address);", run.CombinedSource);
        Assert.Contains("implementation.Close(new global::WasmMarshal.WasmHandle<global::Demo.Session>(unchecked((uint)__a0_core)));", run.CombinedSource);
    }

    [Fact]
    public void WASM025_callback_parameter_cannot_cross()
    {
        var diagnostic = Single("WASM025", """
            public delegate void Visitor(uint node, object tag);
            [WasmImport]
            public partial interface ITree
            {
                void Walk(Visitor visit);
            }
            """);
        Assert.Equal("The callback 'Visitor' of 'ITree.Walk' cannot be bound: parameter 'tag' of type 'object' cannot cross: 'object' is a managed reference, which cannot be placed in guest memory",
            diagnostic.GetMessage());
        Assert.Equal("visit", GeneratorHarness.LocationText(diagnostic));
    }

    [Fact]
    public void WASM025_callback_return_cannot_cross_and_a_callback_cannot_take_a_callback()
    {
        var diagnostics = Analyze("""
            public delegate decimal Price(int item);
            public delegate void Outer(Price inner);
            [WasmImport]
            public partial interface IShop
            {
                void Total(Price price);
                void Nested(Outer outer);
            }
            """);
        Assert.All(diagnostics, d => Assert.Equal("WASM025", d.Id));
        Assert.Equal(
            new[]
            {
                "The callback 'Price' of 'IShop.Total' cannot be bound: its return value of type 'decimal' cannot cross: decimal has no wasm32 C equivalent",
                "The callback 'Outer' of 'IShop.Nested' cannot be bound: parameter 'inner' of type 'Demo.Price' cannot cross: a callback cannot take or return another callback; take the function pointer as a uint",
            },
            diagnostics.Select(d => d.GetMessage()).ToArray());
    }

    [Fact]
    public void WASM026_callback_on_a_WasmExport_method_or_by_reference()
    {
        var diagnostics = Analyze("""
            public delegate void Notify(int code);
            [WasmExport]
            public partial interface IHost
            {
                void Subscribe(Notify onEvent);
            }
            [WasmImport]
            public partial interface IGuest
            {
                void Register(ref Notify onEvent);
            }
            """);
        Assert.All(diagnostics, d => Assert.Equal("WASM026", d.Id));
        Assert.Equal(
            new[]
            {
                "Parameter 'onEvent' of 'IHost.Subscribe' is a callback ('Demo.Notify'), but a [WasmExport] method receives function pointers from the guest, which the host cannot call as a delegate; take it as a uint table index",
                "Parameter 'onEvent' of 'IGuest.Register' is a callback ('Demo.Notify'), but it is passed by reference; a C function pointer is passed by value",
            },
            diagnostics.Select(d => d.GetMessage()).OrderBy(m => m.Contains("IGuest") ? 1 : 0).ToArray());
    }

    [Fact]
    public void WASM027_callback_with_too_many_core_parameters()
    {
        var diagnostic = Single("WASM027", """
            public delegate void Wide(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, string l);
            [WasmImport]
            public partial interface IWide
            {
                void Run(Wide wide);
            }
            """);
        Assert.Equal("The callback 'Wide' of 'IWide.Run' cannot be bound: it lowers to 13 core parameters, and Wasmtime .NET's Function.FromCallback takes at most 12",
            diagnostic.GetMessage());
    }

    [Fact]
    public void System_Delegate_itself_is_still_WASM002()
    {
        var diagnostic = Single("WASM002", """
            [WasmImport]
            public partial interface IRunner
            {
                void Run(Delegate callback);
            }
            """);
        Assert.Contains("managed reference", diagnostic.GetMessage());
    }

    private static ImmutableArray<Diagnostic> Analyze(string body) =>
        GeneratorHarness.RunAnalyzer(GeneratorHarness.Compile(Wrap(body)));

    private static Diagnostic Single(string id, string body)
    {
        var diagnostic = Assert.Single(Analyze(body));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    private static string Wrap(string body) => """
        using System;
        using WasmMarshal;

        namespace Demo;

        """ + body + "\n";
}
