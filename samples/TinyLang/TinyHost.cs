using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocation.Algorithms;
using WasmMarshal.Allocators;
using WasmMarshal.Inspection;

namespace WasmMarshal.Samples.TinyLang;

/// <summary>What a compiled program exports. The generator implements it; <c>Run</c> maps to the export <c>run</c>.</summary>
[WasmImport]
public partial interface ITinyProgram
{
    /// <summary>Evaluates the program; the result encoded as {tag byte, payload} in a buffer the host frees on the guest heap.</summary>
    byte[] Run();

    /// <summary>How many heap objects the last run allocated.</summary>
    int ObjectCount();
}

/// <summary>Where the compiled program's <c>env.malloc</c> takes memory from.</summary>
public enum TinyHeap
{
    /// <summary>The TLSF host heap above <c>__heap_base</c>, served by <c>WithHostHeapImports</c>: freed objects are reused.</summary>
    HostHeap,

    /// <summary>A bump arena above <c>__heap_base</c>, reset after every evaluation; <c>env.free</c> does nothing.</summary>
    Arena,
}

/// <summary>A result of the tiny language, decoded from the bytes <c>run</c> returns.</summary>
public abstract record TinyValue
{
    public sealed record Int(long Value) : TinyValue
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Double(double Value) : TinyValue
    {
        public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Bytes(byte[] Value) : TinyValue
    {
        public bool Equals(Bytes? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

        public override int GetHashCode() => Value.Length;

        public override string ToString() => "\"" + Encoding.UTF8.GetString(Value) + "\"";
    }

    /// <summary>A closure or a list: values with no printed form here.</summary>
    public sealed record Opaque(TinyTag Tag) : TinyValue
    {
        public override string ToString() => $"<{Tag.ToString().ToLowerInvariant()}>";
    }

    public static TinyValue Decode(byte[] encoded)
    {
        if (encoded.Length == 0 || !Enum.IsDefined((TinyTag)encoded[0]))
        {
            throw new InvalidOperationException($"run returned {encoded.Length} bytes, not an encoded value");
        }

        var tag = (TinyTag)encoded[0];
        return tag switch
        {
            TinyTag.Int when encoded.Length == 9 => new Int(BinaryPrimitives.ReadInt64LittleEndian(encoded.AsSpan(1))),
            TinyTag.Double when encoded.Length == 9 => new Double(BinaryPrimitives.ReadDoubleLittleEndian(encoded.AsSpan(1))),
            TinyTag.Bytes => new Bytes(encoded[1..]),
            TinyTag.Int or TinyTag.Double => throw new InvalidOperationException($"a {tag} result of {encoded.Length} bytes"),
            _ => new Opaque(tag),
        };
    }
}

/// <summary>
/// A compiled program instantiated on one heap. The module declares <c>env.malloc</c>/<c>env.free</c>; the host serves
/// them from the host heap (<see cref="WasmGuestBuilder.WithHostHeapImports"/>) or from an arena it resets per
/// evaluation. With <c>track</c>, every block the program allocates goes through a <see cref="TrackingAllocator"/>.
/// </summary>
public sealed class TinyMachine : IDisposable
{
    private readonly Module _module;
    private readonly ITinyProgram _program;
    private readonly ArenaAllocator? _arena;

    private TinyMachine(CompiledProgram program, byte[] wasm, Module module, WasmGuest guest, TinyHeap heap)
    {
        Program = program;
        Wasm = wasm;
        _module = module;
        Guest = guest;
        Heap = heap;
        _program = guest.Import<ITinyProgram>();
        var allocator = guest.GuestHeap;
        Tracking = allocator as TrackingAllocator;
        _arena = (Tracking?.Inner ?? allocator) as ArenaAllocator;
    }

    public CompiledProgram Program { get; }

    /// <summary>The binary module, converted from the compiler's text.</summary>
    public byte[] Wasm { get; }

    public WasmGuest Guest { get; }

    public TinyHeap Heap { get; }

    /// <summary>The tracking wrapper around the heap, when asked for.</summary>
    public TrackingAllocator? Tracking { get; }

    /// <summary>The heap's accounting: bytes in use now, the peak, allocations made, bytes managed.</summary>
    public AllocatorStatistics Statistics => ((IReportsStatistics)Guest.GuestHeap).GetStatistics();

    /// <summary>How many heap objects the last run allocated (the guest counts them).</summary>
    public int ObjectCount => _program.ObjectCount();

    public static TinyMachine Load(Engine engine, string source, TinyHeap heap = TinyHeap.HostHeap, bool track = false) =>
        Load(engine, Compiler.Compile(source), heap, track);

    public static TinyMachine Load(Engine engine, CompiledProgram program, TinyHeap heap = TinyHeap.HostHeap, bool track = false)
    {
        byte[] wasm = Module.ConvertText(program.Wat);
        var module = Module.FromBytes(engine, "tiny", wasm);
        var builder = WasmGuest.Builder(engine, module);
        if (heap == TinyHeap.HostHeap && !track)
        {
            // The plain case: the runtime serves env.malloc/env.free natively from a TLSF heap above __heap_base.
            builder.WithHostHeapImports(region: HostHeapRegion.HeapBase);
        }
        else
        {
            // Imports served by hand, so that the allocator behind them can be an arena or be wrapped for tracking.
            // WithHostHeapImports always serves a plain host heap, so this sample defines the two imports itself.
            WasmGuest? instance = null;
            builder
                .WithGuestHeap(GuestAllocatorSource.Custom(guest => CreateHeap(guest, heap, track), $"tiny {heap}"))
                .ConfigureLinker((linker, _) =>
                {
                    linker.DefineFunction("env", "malloc", (int size) => Malloc(instance!.GuestHeap, size));
                    linker.DefineFunction("env", "free", (int address) =>
                    {
                        if (address != 0)
                        {
                            instance!.GuestHeap.Free((uint)address, 0, MallocAlignment);
                        }
                    });
                });
            instance = builder.Instantiate();
            return new TinyMachine(program, wasm, module, instance, heap);
        }

        return new TinyMachine(program, wasm, module, builder.Instantiate(), heap);
    }

    /// <summary>The alignment C's malloc promises on wasm32, and that the 8-byte object headers rely on.</summary>
    private const uint MallocAlignment = 16;

    private static int Malloc(IGuestAllocator heap, int size)
    {
        try
        {
            return (int)heap.Allocate((uint)size, MallocAlignment, "env.malloc", "size");
        }
        catch (GuestAllocationException)
        {
            // C semantics: out of memory is 0, and the program's own check turns that into a trap.
            return 0;
        }
    }

    private static IGuestAllocator CreateHeap(WasmGuest guest, TinyHeap heap, bool track)
    {
        var mismatches = new List<BindingMismatch>();
        var source = heap == TinyHeap.Arena
            ? GuestAllocatorSource.Arena(HostHeapRegion.HeapBase, 64 * 1024)
            : GuestAllocatorSource.HostHeap(HostHeapRegion.HeapBase, 64 * 1024);
        var inner = source.TryCreate(guest, mismatches) ?? throw new WasmBindingException("the tiny heap", mismatches);
        return track ? new TrackingAllocator(inner) : inner;
    }

    /// <summary>Evaluates the program once. On the arena, everything the evaluation allocated is released afterwards.</summary>
    public TinyValue Run()
    {
        if (_arena is null)
        {
            return TinyValue.Decode(_program.Run());
        }

        using var scope = _arena.Scope();
        return TinyValue.Decode(_program.Run());
    }

    /// <summary>The instance's layout now: data, <c>__heap_base</c>, the heap's blocks, current memory size.</summary>
    public InstanceLayout Layout() =>
        InstanceLayout.Capture(Guest, ModuleLayout.FromBytes(Wasm, "tiny.wasm"));

    public void Dispose()
    {
        Guest.Dispose();
        _module.Dispose();
    }
}
