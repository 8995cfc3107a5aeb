using System;
using System.Collections.Generic;
using System.Linq;
using Wasmtime;
using WasmMarshal.Allocation;
using WasmMarshal.Allocators;
using WasmMarshal.Binding;

namespace WasmMarshal;

/// <summary>
/// One instantiated guest: its store, instance, memory and allocator. Generated stubs and binders work through it.
/// Not thread-safe: like its Wasmtime <see cref="Store"/>, use it from one thread at a time.
/// </summary>
public sealed class WasmGuest : IDisposable
{
    private readonly bool _ownsStore;
    private readonly bool _ownsLinker;
    private readonly GuestAllocatorSource _allocatorSource;
    private readonly string _memoryExport;
    private IGuestAllocator? _allocator;
    private GuestMemory? _memory;
    private Instance? _instance;

    internal WasmGuest(Engine engine, Module module, Store store, bool ownsStore, Linker linker, bool ownsLinker,
        GuestAllocatorSource allocatorSource, string memoryExport)
    {
        Engine = engine;
        Module = module;
        Store = store;
        Linker = linker;
        _ownsStore = ownsStore;
        _ownsLinker = ownsLinker;
        _allocatorSource = allocatorSource;
        _memoryExport = memoryExport;
    }

    /// <summary>Starts building a guest from a compiled module.</summary>
    public static WasmGuestBuilder Builder(Engine engine, Module module) => new(engine, module);

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    /// <summary>The compiled module.</summary>
    public Module Module { get; }

    /// <summary>The store holding the instance.</summary>
    public Store Store { get; }

    /// <summary>The linker the instance was created with.</summary>
    public Linker Linker { get; }

    /// <summary>The instance. Host functions called while the guest is being instantiated cannot use it yet.</summary>
    public Instance Instance => _instance ?? throw new InvalidOperationException(
        "The guest is not instantiated yet: a host function was called during instantiation (start function).");

    /// <summary>The exported linear memory (by default named <c>memory</c>).</summary>
    public GuestMemory Memory => _memory ?? ThrowNoMemory();

    /// <summary>
    /// The allocator stubs use for guest buffers. Resolved on first use from the source chosen with
    /// <see cref="WasmGuestBuilder.WithAllocator(GuestAllocatorSource)"/>.
    /// </summary>
    public IGuestAllocator Allocator
    {
        get
        {
            if (_allocator is not null)
            {
                return _allocator;
            }

            var mismatches = new List<BindingMismatch>();
            return TryResolveAllocator(mismatches) ?? throw new WasmBindingException("the guest allocator", mismatches);
        }
    }

    /// <summary>Binds the <c>[WasmImport]</c> interface <typeparamref name="T"/> to this guest.</summary>
    /// <exception cref="WasmBindingException">The module lacks exports the interface needs.</exception>
    public T Import<T>() where T : class => WasmBindings.GetImport<T>()(this);

    internal void Attach(Instance instance)
    {
        _instance = instance;
        var memory = instance.GetMemory(_memoryExport);
        _memory = memory is null ? null : new GuestMemory(memory);
    }

    internal IGuestAllocator? TryResolveAllocator(List<BindingMismatch> mismatches)
    {
        if (_allocator is not null)
        {
            return _allocator;
        }

        if (_memory is null)
        {
            mismatches.Add(new BindingMismatch(_memoryExport, "guest memory", "an exported memory", "missing"));
            return null;
        }

        _allocator = _allocatorSource.TryCreate(this, mismatches);
        return _allocator;
    }

    private GuestMemory ThrowNoMemory()
    {
        if (_instance is null)
        {
            throw new InvalidOperationException(
                "The guest is not instantiated yet: a host function was called during instantiation (start function).");
        }

        throw new WasmBindingException("guest memory",
            [new BindingMismatch(_memoryExport, "guest memory", "an exported memory", "missing")]);
    }

    /// <summary>Disposes the store and linker if the builder created them.</summary>
    public void Dispose()
    {
        if (_ownsStore)
        {
            Store.Dispose();
        }

        if (_ownsLinker)
        {
            Linker.Dispose();
        }
    }
}
