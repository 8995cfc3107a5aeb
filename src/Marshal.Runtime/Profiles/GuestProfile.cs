using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wasmtime;
using WasmMarshal.Allocators;
using WasmMarshal.Binding;

namespace WasmMarshal.Profiles;

/// <summary>
/// The conventions a compiled guest follows, read from its exports and imports alone: which allocator it offers, how
/// its strings cross, which imports the runtime supplies for it, and the toolchain it most likely came from, with the
/// evidence for each conclusion. Builder options (<see cref="WasmGuestBuilder.WithGuestHeap"/>,
/// <see cref="WasmGuestBuilder.WithAllocator"/>, <see cref="WasmStringAttribute"/>) always win over what is detected here.
/// </summary>
/// <param name="Toolchain">The most likely toolchain.</param>
/// <param name="Allocator">The allocator family the host should use.</param>
/// <param name="StringEncoding">How the guest's own strings are encoded.</param>
/// <param name="StringPassing">How strings are passed to and returned from its exports.</param>
/// <param name="HostSuppliedImports">Imports the runtime defines for this guest (<c>module.name</c>).</param>
/// <param name="Evidence">What in the module led to these conclusions.</param>
/// <param name="Problem">Why the allocator could not be decided, or null when it could.</param>
/// <param name="Option">The builder call that settles <paramref name="Problem"/>, or null.</param>
public sealed record GuestProfile(
    GuestToolchain Toolchain,
    GuestAllocatorKind Allocator,
    WasmStringEncoding StringEncoding,
    GuestStringPassing StringPassing,
    IReadOnlyList<string> HostSuppliedImports,
    IReadOnlyList<string> Evidence,
    string? Problem = null,
    string? Option = null)
{
    private const ValueKind I32 = ValueKind.Int32;

    /// <summary>
    /// The record's ToString body, with the two lists item by item (the generated one prints a list's type name).
    /// </summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Toolchain = ").Append(Toolchain)
            .Append(", Allocator = ").Append(Allocator)
            .Append(", StringEncoding = ").Append(StringEncoding)
            .Append(", StringPassing = ").Append(StringPassing)
            .Append(", HostSuppliedImports = ").Append(List(HostSuppliedImports))
            .Append(", Evidence = ").Append(List(Evidence))
            .Append(", Problem = ").Append(Problem)
            .Append(", Option = ").Append(Option)
            .Append(", IsDecided = ").Append(IsDecided);
        return true;

        static string List(IReadOnlyList<string> items) => items.Count == 0 ? "[ ]" : "[ " + string.Join(", ", items) + " ]";
    }

    /// <summary>Whether an allocator could be chosen (or none is offered and none is required to be).</summary>
    public bool IsDecided => Problem is null;

    /// <summary>
    /// The allocator source matching <see cref="Allocator"/>, or null when the guest offers none of its own
    /// (<see cref="GuestAllocatorKind.HostHeapImports"/> is installed by the builder, not created from exports).
    /// </summary>
    public GuestAllocatorSource? AllocatorSource => Allocator switch
    {
        GuestAllocatorKind.Malloc => GuestAllocatorSource.Malloc(),
        GuestAllocatorKind.CabiRealloc => GuestAllocatorSource.CabiRealloc(),
        GuestAllocatorKind.RustAlloc => GuestAllocatorSource.RustAlloc(),
        GuestAllocatorKind.AssemblyScript => GuestAllocatorSource.AssemblyScript(),
        _ => null,
    };

    /// <summary>Throws <see cref="WasmProfileException"/> naming the option to set when the detection was undecidable.</summary>
    public void ThrowIfUndecided(string moduleName = "the module")
    {
        if (Problem is not null)
        {
            throw new WasmProfileException(moduleName, Problem, Option!);
        }
    }

    /// <summary>Reads the profile of <paramref name="module"/>.</summary>
    public static GuestProfile Detect(Module module)
    {
        var functions = module.Exports.OfType<FunctionExport>().ToDictionary(e => e.Name);
        var imports = module.Imports.OfType<FunctionImport>().ToList();
        var evidence = new List<string>();
        var partial = new List<string>();

        bool Exports(string name, ValueKind[] parameters, ValueKind[] results)
        {
            if (!functions.TryGetValue(name, out var export))
            {
                return false;
            }

            if (export.Parameters.SequenceEqual(parameters) && export.Results.SequenceEqual(results))
            {
                return true;
            }

            partial.Add($"exports {name} {WasmSignature.Format(export.Parameters, export.Results)} instead of {WasmSignature.Format(parameters, results)}");
            return false;
        }

        bool Family(string description, params bool[] members)
        {
            if (members.All(m => m))
            {
                evidence.Add("exports " + description);
                return true;
            }

            if (members.Any(m => m))
            {
                partial.Add("exports only part of " + description);
            }

            return false;
        }

        FunctionImport? Imported(string module, string name) => imports.FirstOrDefault(i => i.ModuleName == module && i.Name == name);

        bool malloc = Family("malloc/free", Exports("malloc", [I32], [I32]), Exports("free", [I32], []));
        bool rust = Family("alloc/dealloc", Exports("alloc", [I32, I32], [I32]), Exports("dealloc", [I32, I32, I32], []));
        bool assemblyScript = Family("__new/__pin/__unpin", Exports("__new", [I32, I32], [I32]), Exports("__pin", [I32], [I32]), Exports("__unpin", [I32], []));
        bool cabi = Exports("cabi_realloc", [I32, I32, I32, I32], [I32]);
        if (cabi)
        {
            evidence.Add("exports cabi_realloc");
        }

        // Emscripten's -sMALLOC=none imports only what the program uses (malloc and realloc, say), so any one counts.
        string? heapImport = new[] { "malloc", "calloc", "realloc", "aligned_alloc", "free" }.FirstOrDefault(n => Imported("env", n) is not null);
        bool hostHeap = heapImport is not null;
        if (hostHeap)
        {
            evidence.Add($"imports env.{heapImport}");
        }

        var supplied = new List<string>();
        // STANDALONE_WASM always exports Emscripten's stack helpers; wasi-libc reactors export _initialize.
        string? emscriptenExport = functions.Keys.FirstOrDefault(n =>
            n.StartsWith("emscripten_") || n.StartsWith("_emscripten_") || n is "stackSave" or "stackRestore" or "stackAlloc");
        bool emscripten = emscriptenExport is not null;
        if (emscripten)
        {
            evidence.Add("exports " + emscriptenExport);
        }

        if (Imported("env", "emscripten_notify_memory_growth") is not null)
        {
            emscripten = true;
            evidence.Add("imports env.emscripten_notify_memory_growth");
            supplied.Add("env.emscripten_notify_memory_growth");
        }

        if (Imported("env", "abort") is { } abort && assemblyScript && abort.Parameters.SequenceEqual([I32, I32, I32, I32]))
        {
            evidence.Add("imports env.abort (i32, i32, i32, i32) -> ()");
            supplied.Add("env.abort");
        }

        bool wasi = imports.Any(i => i.ModuleName == "wasi_snapshot_preview1");
        if (wasi)
        {
            evidence.Add("imports wasi_snapshot_preview1");
            supplied.Add("wasi_snapshot_preview1.*");
        }

        bool reactor = functions.ContainsKey("_initialize");
        if (reactor && !emscripten)
        {
            evidence.Add("exports _initialize (a wasi-libc reactor)");
        }

        var toolchain = assemblyScript ? GuestToolchain.AssemblyScript
            : emscripten ? GuestToolchain.Emscripten
            : rust ? GuestToolchain.Rust
            : wasi || reactor ? GuestToolchain.WasiLibc
            : malloc || hostHeap ? GuestToolchain.Freestanding
            : GuestToolchain.Unknown;

        var families = new List<(GuestAllocatorKind Kind, string Exports, string Option)>();
        if (malloc)
        {
            families.Add((GuestAllocatorKind.Malloc, "malloc/free", "WithGuestHeap(GuestAllocatorSource.Malloc())"));
        }

        if (rust)
        {
            families.Add((GuestAllocatorKind.RustAlloc, "alloc/dealloc", "WithGuestHeap(GuestAllocatorSource.RustAlloc())"));
        }

        if (assemblyScript)
        {
            families.Add((GuestAllocatorKind.AssemblyScript, "__new/__pin/__unpin", "WithGuestHeap(GuestAllocatorSource.AssemblyScript())"));
        }

        var encoding = assemblyScript ? WasmStringEncoding.AssemblyScript : WasmStringEncoding.Utf8;
        var passing = assemblyScript ? GuestStringPassing.ManagedObject : GuestStringPassing.PointerAndLength;
        GuestProfile Result(GuestAllocatorKind kind, string? problem = null, string? option = null) =>
            new(toolchain, kind, encoding, passing, supplied, evidence, problem, option);

        if (families.Count > 1)
        {
            return Result(GuestAllocatorKind.Ambiguous,
                $"it exports {string.Join(" and ", families.Select(f => f.Exports))}, which may be separate allocators claiming the same pages or one allocator under two names",
                string.Join(" or ", families.Select(f => f.Option)));
        }

        if (families.Count == 1)
        {
            return Result(families[0].Kind);
        }

        if (cabi)
        {
            return Result(GuestAllocatorKind.CabiRealloc);
        }

        if (hostHeap)
        {
            return Result(GuestAllocatorKind.HostHeapImports);
        }

        string found = partial.Count > 0 ? "; it " + string.Join(", and ", partial) : "";
        return Result(GuestAllocatorKind.None,
            "it neither exports an allocator (malloc/free, cabi_realloc, alloc/dealloc or __new/__pin/__unpin) nor imports env.malloc and friends" + found,
            "WithGuestHeap(GuestAllocatorSource.HostHeap()) for a heap the host manages in guest memory, or WithGuestHeap(GuestAllocatorSource.Malloc(\"my_alloc\", \"my_free\")) for exports under other names");
    }
}
